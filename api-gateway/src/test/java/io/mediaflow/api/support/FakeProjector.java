package io.mediaflow.api.support;

import io.mediaflow.events.AssetCommand;
import io.mediaflow.events.EditMetadata;
import io.mediaflow.events.Reprocess;
import io.mediaflow.events.Restore;
import io.mediaflow.events.SoftDelete;
import io.mediaflow.schemas.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;

/**
 * Plays asset-projector in tests (it is built elsewhere): reads the commands the gateway published
 * on the real Kafka topic and applies them to the projection documents, bumping the version, after
 * a small delay like a real pipeline's. Assets in {@link #stalled} are never applied.
 */
public final class FakeProjector implements AutoCloseable {

  public final List<ConsumerRecord<String, AssetCommand>> received = new CopyOnWriteArrayList<>();
  public final Set<String> stalled = ConcurrentHashMap.newKeySet();
  private final KafkaConsumer<String, AssetCommand> consumer;
  private final Projection projection;
  private final Thread thread;
  private volatile boolean running = true;

  public FakeProjector(String bootstrap, Projection projection) {
    this.projection = projection;
    this.consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
            Topics.ASSET_COMMANDS.keySerde().deserializer(),
            Topics.ASSET_COMMANDS.valueSerde().deserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.ASSET_COMMANDS.name()).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolve now: only commands from here on count
    this.thread = new Thread(this::run, "fake-projector");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (running) {
      for (ConsumerRecord<String, AssetCommand> record : consumer.poll(Duration.ofMillis(100))) {
        received.add(record);
        if (!stalled.contains(record.key())) {
          sleep(200);
          apply(record.key(), record.value().getCommand());
        }
      }
    }
    consumer.close();
  }

  private void apply(String id, Object command) {
    Map<String, Object> fields = new HashMap<>();
    if (command instanceof EditMetadata edit) {
      if (edit.getTitle() != null) fields.put("title", edit.getTitle());
      if (edit.getDescription() != null) fields.put("description", edit.getDescription());
      if (edit.getAccess() != null) fields.put("access", edit.getAccess().name().toLowerCase(Locale.ROOT));
      if (edit.getMetadata() != null) fields.put("metadata", new Document(new HashMap<>(edit.getMetadata())));
    } else if (command instanceof SoftDelete) {
      fields.put("deleted", true);
    } else if (command instanceof Restore) {
      fields.put("deleted", false);
    } else if (command instanceof Reprocess) {
      fields.put("status", "PROCESSING");
      fields.put("generation", projection.get(id).getInteger("generation") + 1);
    }
    projection.update(id, fields);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(5_000);
  }
}
