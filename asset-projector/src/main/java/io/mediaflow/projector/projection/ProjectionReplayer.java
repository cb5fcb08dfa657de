package io.mediaflow.projector.projection;

import io.mediaflow.events.AssetState;
import io.mediaflow.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Rebuilds the projection from the log: drops the collection, recreates the indexes and re-reads
 * the compacted {@link Topics#ASSET_STATE} from the beginning up to its end at the start of the
 * replay, with a fresh group-less consumer. The running sink may write meanwhile: the version guard
 * keeps both in order.
 */
public final class ProjectionReplayer {

  private final String bootstrapServers;
  private final ProjectionStore store;

  public ProjectionReplayer(String bootstrapServers, ProjectionStore store) {
    this.bootstrapServers = bootstrapServers;
    this.store = store;
  }

  /** @return how many asset states were read */
  public synchronized long replay(Duration timeout) {
    store.drop().then(store.createIndexes()).block(Duration.ofSeconds(30));
    long read = 0;
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, AssetState> consumer = new KafkaConsumer<>(
        ProjectionSink.consumerConfig(bootstrapServers, null),
        Topics.ASSET_STATE.keySerde().deserializer(), Topics.ASSET_STATE.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.ASSET_STATE.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Replay did not reach the end of " + Topics.ASSET_STATE.name() + " within " + timeout);
        }
        ConsumerRecords<String, AssetState> records = consumer.poll(Duration.ofMillis(500));
        read += records.count();
        // the collection was emptied: insert first, guarded upserts only for documents already there
        store.insertOrWriteAll(ProjectionSink.latest(records)).block();
      }
    }
    return read;
  }
}
