package io.mediaflow.system.support;

import io.mediaflow.devstack.Endpoints;
import io.mediaflow.events.Job;
import io.mediaflow.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Every job on {@code mediaflow.jobs} that a consumer sees: read with {@code read_committed}, so the
 * records of a transaction aborted by a killed asset-projector are not counted.
 */
public final class JobsLog {

  private JobsLog() {}

  /** All committed jobs from the start of the topic to its current end. */
  public static List<Job> readCommitted(Endpoints infra) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<Job> jobs = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(
            config,
            Topics.JOBS.keySerde().deserializer(),
            Topics.JOBS.valueSerde().deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.JOBS.name(), Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // read_committed: the end is the last stable offset, so no open transaction blocks the read
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!reached(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read mediaflow.jobs up to " + end + " within 60 s");
        }
        consumer.poll(Duration.ofMillis(500)).forEach(r -> jobs.add(r.value()));
      }
    }
    return jobs;
  }

  private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
