package io.mediaflow.workers.queue;

import io.mediaflow.workers.jobs.JobEventPublisher;
import io.mediaflow.workers.jobs.JobRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.consumer.ShareConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** This process's share of the fleet: N consumer threads, each one job at a time. */
public final class WorkerFleet {

  private final List<ShareGroupWorker> workers = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final Duration shutdownGrace;

  /**
   * @param consumers one new share consumer per call
   */
  WorkerFleet(int concurrency, Supplier<ShareConsumer<String, byte[]>> consumers, JobRunner runner,
      JobEventPublisher publisher, ShareGroupWorker.Settings settings, String workerId) {
    this.shutdownGrace = settings.shutdownGrace();
    for (int i = 0; i < concurrency; i++) {
      String id = concurrency == 1 ? workerId : workerId + "-" + i;
      ShareGroupWorker worker = new ShareGroupWorker(consumers.get(), runner, publisher, settings, id);
      workers.add(worker);
      threads.add(new Thread(worker, id));
    }
  }

  /** A fleet on the real broker: applies the group settings, one KafkaShareConsumer per thread. */
  public static WorkerFleet create(Admin admin, String bootstrapServers, String group, int concurrency,
      int maxAttempts, Duration renewInterval, Duration pollTimeout, Duration shutdownGrace, RetryBackoff backoff,
      JobRunner runner, JobEventPublisher publisher, String workerId) {
    ShareGroupSetup.apply(admin, group);
    Supplier<ShareConsumer<String, byte[]>> consumers = () -> new KafkaShareConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG, group,
            ConsumerConfig.CLIENT_ID_CONFIG, workerId,
            ConsumerConfig.SHARE_ACKNOWLEDGEMENT_MODE_CONFIG, "explicit",
            // one record per acquisition: a batch would hold jobs this thread cannot start in time
            ConsumerConfig.SHARE_ACQUIRE_MODE_CONFIG, "record_limit",
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1),
        new StringDeserializer(), new ByteArrayDeserializer());
    return new WorkerFleet(concurrency, consumers, runner, publisher,
        new ShareGroupWorker.Settings(maxAttempts, renewInterval, pollTimeout, shutdownGrace, backoff), workerId);
  }

  public void start() {
    threads.forEach(Thread::start);
  }

  /** Asks every thread to stop and waits: running jobs get the grace period, then are released. */
  public void stop() {
    workers.forEach(ShareGroupWorker::stop);
    long deadline = System.nanoTime() + shutdownGrace.plusSeconds(15).toNanos();
    for (Thread t : threads) {
      try {
        t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
