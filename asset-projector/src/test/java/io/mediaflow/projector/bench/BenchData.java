package io.mediaflow.projector.bench;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.mediaflow.events.AssetState;
import io.mediaflow.events.AssetStatus;
import io.mediaflow.projector.fixtures.Events;
import io.mediaflow.schemas.Topics;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.bson.Document;
import reactor.core.publisher.Mono;

/** What both sides of each comparison share: ids, records, clients and the finish line. */
final class BenchData {

  private static final Random RANDOM = new Random(7);

  private BenchData() {}

  static String newAssetId() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** A state of the size the projector publishes for an upload (no renditions yet). */
  static AssetState state(String id, long version, AssetStatus status) {
    return AssetState.newBuilder().setAssetId(id).setVersion(version).setOwner("bench").setTitle("clip").setFilename("clip.mp4")
        .setFileType("video/mp4").setFileSize(100 * 1024L).setStatus(status).setProgress(0)
        .setCreatedAt(Events.T0).setUpdatedAt(Events.T0).setMetadata(Map.of("k", "v")).setRenditions(List.of()).build();
  }

  static <V> KafkaProducer<String, V> producer(String bootstrap, Serializer<V> values) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    return new KafkaProducer<>(p, Topics.UPLOADS.keySerde().serializer(), values);
  }

  /** The projection sink's consumer settings (read_committed, manual commit, 1,000 records a poll). */
  static Properties sinkLikeConsumer(String bootstrap, String group) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
    return p;
  }

  /** Waits until {@code expected} documents of the collection read PROCESSING; polls every 100 ms. */
  static void awaitProcessing(MongoCollection<Document> collection, long expected, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (Mono.from(collection.countDocuments(Filters.eq("status", "PROCESSING"))).block() < expected) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Only some of " + expected + " documents were PROCESSING after " + timeout);
      }
      Thread.sleep(100);
    }
  }

  /** Waits until every partition of the topic has a leader. */
  static void awaitLeaders(Admin admin, String topic) throws Exception {
    for (int i = 0; i < 100; i++) {
      try {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        if (d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
          return;
        }
      } catch (ExecutionException e) {
        // just created: not known to the metadata yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(topic + " has partitions without a leader");
  }

  /** Send callback that remembers the first failure, so a lost record fails the run instead of hanging it. */
  static final class Sent implements Callback {
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    @Override
    public void onCompletion(RecordMetadata metadata, Exception e) {
      if (e != null) {
        failure.compareAndSet(null, e);
      }
    }

    void check() {
      if (failure.get() != null) {
        throw new IllegalStateException("A benchmark record was not produced", failure.get());
      }
    }
  }

  static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }
}
