package io.mediaflow.projector.projection;

import io.mediaflow.events.AssetState;
import io.mediaflow.schemas.Topics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies {@link Topics#ASSET_STATE} into MongoDB: poll, keep the latest version per asset of the
 * batch, write them (one unordered bulk, each version-guarded), then commit the offsets. A crash between
 * write and commit replays the batch, which the version guard makes harmless. Reads committed
 * records only, so aborted Streams transactions never reach the projection.
 */
public final class ProjectionSink implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ProjectionSink.class);
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

  private final KafkaConsumer<String, AssetState> consumer;
  private final ProjectionStore store;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;

  public ProjectionSink(String bootstrapServers, ProjectionStore store) {
    this.consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers, Topics.PROJECTION_SINK_GROUP),
        Topics.ASSET_STATE.keySerde().deserializer(), Topics.ASSET_STATE.valueSerde().deserializer());
    this.store = store;
    this.thread = new Thread(this::run, "projection-sink");
  }

  static Properties consumerConfig(String bootstrapServers, String group) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    if (group != null) {
      p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
    return p;
  }

  public void start() {
    store.createIndexes().block(Duration.ofSeconds(30));
    consumer.subscribe(List.of(Topics.ASSET_STATE.name()));
    thread.start();
  }

  private void run() {
    try {
      while (running.get()) {
        ConsumerRecords<String, AssetState> records = consumer.poll(Duration.ofMillis(500));
        if (!records.isEmpty()) {
          writeOrRewind(records);
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      log.error("Projection sink stopped: {}", e.toString(), e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /**
   * Writes the batch and commits; when MongoDB fails, rewinds to the batch's first offsets and tries
   * again after a pause, so an outage delays the projection but never skips a state.
   */
  private void writeOrRewind(ConsumerRecords<String, AssetState> records) {
    try {
      writeLatest(store, records);
      consumer.commitSync();
    } catch (WakeupException e) {
      throw e;
    } catch (RuntimeException e) {
      log.warn("Projection write failed, retrying the batch: {}", e.toString());
      for (TopicPartition partition : records.partitions()) {
        consumer.seek(partition, records.records(partition).get(0).offset());
      }
      pause();
    }
  }

  private void pause() {
    try {
      Thread.sleep(RETRY_PAUSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.set(false);
    }
  }

  /** Writes the highest version per asset among the records; returns how many were written. */
  static long writeLatest(ProjectionStore store, Iterable<ConsumerRecord<String, AssetState>> records) {
    Long written = store.writeAll(latest(records)).block();
    return written == null ? 0 : written;
  }

  /** The highest version per asset among the records, in order of first appearance. */
  static List<AssetState> latest(Iterable<ConsumerRecord<String, AssetState>> records) {
    Map<String, AssetState> latest = new LinkedHashMap<>();
    for (ConsumerRecord<String, AssetState> r : records) {
      if (r.value() != null) {
        latest.merge(r.key(), r.value(), (a, b) -> b.getVersion() > a.getVersion() ? b : a);
      }
    }
    return List.copyOf(latest.values());
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    consumer.wakeup();
    thread.join(10_000);
  }
}
