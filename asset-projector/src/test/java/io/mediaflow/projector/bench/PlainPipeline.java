package io.mediaflow.projector.bench;

import io.mediaflow.events.AssetState;
import io.mediaflow.events.AssetStatus;
import io.mediaflow.events.UploadEvent;
import io.mediaflow.projector.projection.ProjectionStore;
import io.mediaflow.schemas.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * The baseline of the upload benchmark: the cost of Kafka and MongoDB alone. A plain read_committed
 * consumer reads the upload events, counts them per asset and, per poll, writes the same two states
 * per asset as the projector (UPLOADING on the first event, PROCESSING on the last) with the
 * projector's own bulk of version-guarded upserts, then commits, as the projection sink does. No Streams, no
 * state stores, no transactions.
 */
final class PlainPipeline implements AutoCloseable {

  private final KafkaConsumer<String, UploadEvent> consumer;
  private final ProjectionStore store;
  private final int eventsPerAsset;
  private final Map<String, Integer> seen = new HashMap<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread = new Thread(this::run, "plain-pipeline");

  PlainPipeline(String bootstrap, String topic, ProjectionStore store, int eventsPerAsset) {
    this.consumer = new KafkaConsumer<>(BenchData.sinkLikeConsumer(bootstrap, "bench-plain-pipeline"),
        Topics.UPLOADS.keySerde().deserializer(), Topics.UPLOADS.valueSerde().deserializer());
    this.store = store;
    this.eventsPerAsset = eventsPerAsset;
    consumer.subscribe(List.of(topic));
  }

  void start() {
    thread.start();
  }

  private void run() {
    while (running.get()) {
      Map<String, AssetState> latest = new LinkedHashMap<>();
      for (ConsumerRecord<String, UploadEvent> r : consumer.poll(Duration.ofMillis(500))) {
        int count = seen.merge(r.key(), 1, Integer::sum);
        // the projector publishes two states per upload: UPLOADING on the start, PROCESSING on the last chunk
        if (count == 1) {
          latest.put(r.key(), BenchData.state(r.key(), 1, AssetStatus.UPLOADING));
        } else if (count == eventsPerAsset) {
          latest.put(r.key(), BenchData.state(r.key(), 2, AssetStatus.PROCESSING));
        }
      }
      if (!latest.isEmpty()) {
        store.writeAll(latest.values()).block();
        consumer.commitSync();
      }
    }
    consumer.close();
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(10_000);
  }
}
