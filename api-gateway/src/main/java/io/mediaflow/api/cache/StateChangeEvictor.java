package io.mediaflow.api.cache;

import io.mediaflow.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Evicts an asset's cache entry whenever its state changes in the pipeline (a new record on the
 * asset-state topic), so progress and status are not held back by the cache TTL. Every gateway
 * instance reads every partition itself (no consumer group) from the end. The entry is evicted once
 * at once and once more a moment later: the MongoDB sink writes the document just after the state
 * lands, and a read in between could have cached the older document again.
 */
final class StateChangeEvictor implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StateChangeEvictor.class);
  static final Duration SECOND_EVICTION = Duration.ofSeconds(2);

  private final String bootstrapServers;
  private final AssetCache cache;
  private final MeterRegistry registry;
  private final Map<String, Long> secondEvictionDue = new LinkedHashMap<>();
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile Thread thread;

  StateChangeEvictor(String bootstrapServers, AssetCache cache, MeterRegistry registry) {
    this.bootstrapServers = bootstrapServers;
    this.cache = cache;
    this.registry = registry;
  }

  @Override
  public void start() {
    thread = new Thread(this::run, "asset-state-cache-evictor");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.CLIENT_ID_CONFIG, "api-gateway-cache-evictor-" + UUID.randomUUID(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<String, byte[]> c =
            new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        KafkaClientMetrics metrics = new KafkaClientMetrics(c)) {
      metrics.bindTo(registry);
      consumer = c;
      List<TopicPartition> partitions = new ArrayList<>();
      c.partitionsFor(Topics.ASSET_STATE.name())
          .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      c.assign(partitions);
      c.seekToEnd(partitions);
      while (thread != null) {
        for (ConsumerRecord<String, byte[]> record : c.poll(Duration.ofMillis(500))) {
          evict(record.key());
          secondEvictionDue.put(record.key(), System.nanoTime() + SECOND_EVICTION.toNanos());
        }
        evictDueAgain();
      }
    } catch (WakeupException stopping) {
      // stop() woke the poll
    } catch (RuntimeException e) {
      log.warn("cache eviction on state changes stopped; entries now expire by TTL only", e);
    }
  }

  private void evictDueAgain() {
    long now = System.nanoTime();
    var due = secondEvictionDue.entrySet().iterator();
    while (due.hasNext()) {
      var entry = due.next();
      if (entry.getValue() - now <= 0) {
        evict(entry.getKey());
        due.remove();
      }
    }
  }

  private void evict(String assetId) {
    if (assetId != null) {
      cache.evict(assetId).onErrorComplete().block(Duration.ofSeconds(2));
    }
  }

  @Override
  public void stop() {
    Thread running = thread;
    thread = null;
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    if (running != null) {
      try {
        running.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }
}
