package io.mediaflow.projector;

import io.mediaflow.projector.asset.AssetDecider;
import io.mediaflow.projector.profiles.ProfileLadder;
import io.mediaflow.projector.topology.ProjectorTopology;
import io.mediaflow.schemas.Topics;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The projector topology alone in its own JVM, so a test can kill it for real (SIGKILL): args are
 * the bootstrap servers and the state directory. Prints the Streams state changes on stdout.
 */
public final class StreamsProcessMain {

  private StreamsProcessMain() {}

  public static void main(String[] args) throws InterruptedException {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, Topics.PROJECTOR_APPLICATION_ID);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    p.put(StreamsConfig.STATE_DIR_CONFIG, args[1]);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    // a killed member must hand its partitions over quickly
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1000);
    StreamsBuilder builder = ProjectorTopology.buildTopology(new StreamsBuilder(), new AssetDecider(ProfileLadder.defaults(), 3));
    KafkaStreams streams = new KafkaStreams(builder.build(), p);
    streams.setStateListener((now, before) -> System.out.println("STATE " + now));
    CountDownLatch forever = new CountDownLatch(1);
    streams.start();
    forever.await();
  }
}
