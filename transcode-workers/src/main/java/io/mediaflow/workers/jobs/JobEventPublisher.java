package io.mediaflow.workers.jobs;

import io.mediaflow.events.DeadLetter;
import io.mediaflow.events.JobEvent;
import io.mediaflow.schemas.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes job events (key: asset id) and dead letters (key: job id). Outcomes are sent and awaited
 * before the job is acknowledged, so an acknowledged job always has its outcome on the log;
 * progress is sent without waiting.
 */
public final class JobEventPublisher implements AutoCloseable {

  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
  private final Producer<String, JobEvent> events;
  private final Producer<String, DeadLetter> deadLetters;

  public JobEventPublisher(String bootstrapServers, String clientId) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.CLIENT_ID_CONFIG, clientId,
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.LINGER_MS_CONFIG, 5,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis(),
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    this.events = new KafkaProducer<>(config, Topics.JOB_EVENTS.keySerde().serializer(), Topics.JOB_EVENTS.valueSerde().serializer());
    this.deadLetters = new KafkaProducer<>(config, Topics.JOBS_DLT.keySerde().serializer(), Topics.JOBS_DLT.valueSerde().serializer());
  }

  public void progress(JobEvent event) {
    events.send(new ProducerRecord<>(Topics.JOB_EVENTS.name(), event.getAssetId(), event));
  }

  public void outcome(JobEvent event) {
    await(events.send(new ProducerRecord<>(Topics.JOB_EVENTS.name(), event.getAssetId(), event)));
  }

  public void deadLetter(DeadLetter letter) {
    await(deadLetters.send(new ProducerRecord<>(Topics.JOBS_DLT.name(), letter.getJob().getJobId(), letter)));
  }

  private static void await(java.util.concurrent.Future<?> sent) {
    try {
      sent.get(SEND_TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot publish to Kafka: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    events.close(Duration.ofSeconds(5));
    deadLetters.close(Duration.ofSeconds(5));
  }
}
