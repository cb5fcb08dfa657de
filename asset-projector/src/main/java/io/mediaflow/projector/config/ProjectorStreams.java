package io.mediaflow.projector.config;

import io.mediaflow.projector.asset.AssetDecider;
import io.mediaflow.projector.topology.ProjectorTopology;
import io.mediaflow.schemas.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs the projector topology (exactly_once_v2) for as long as the application runs. */
public final class ProjectorStreams implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ProjectorStreams.class);

  private final KafkaStreams streams;
  private volatile boolean running;

  public ProjectorStreams(String bootstrapServers, Path stateDir, ProjectorProperties props, AssetDecider decider) {
    StreamsBuilder builder = ProjectorTopology.buildTopology(new StreamsBuilder(), decider);
    this.streams = new KafkaStreams(builder.build(), config(bootstrapServers, stateDir, props));
    streams.setStateListener((now, before) -> log.info("Projector streams {} -> {}", before, now));
  }

  static Properties config(String bootstrapServers, Path stateDir, ProjectorProperties props) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, Topics.PROJECTOR_APPLICATION_ID);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) props.replicationFactor());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, props.streamThreads());
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, props.commitInterval().toMillis());
    // a record no schema can read is logged and skipped rather than stopping every asset behind it
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
    return p;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  @Override
  public void start() {
    streams.start();
    running = true;
  }

  @Override
  public void stop() {
    streams.close(Duration.ofSeconds(30));
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
