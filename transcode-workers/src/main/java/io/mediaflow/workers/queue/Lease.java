package io.mediaflow.workers.queue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ShareConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicIdPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock on the job a worker thread is running. In kafka-clients 4.3 an acknowledgement of type
 * RENEW hands the record back through a later poll() once the broker has answered (KAFKA-20458),
 * and only that returned record can be acknowledged again. Each renewal is therefore committed
 * synchronously, so the answer is known at once: renewed, the record is taken back by a poll that
 * does not wait; refused, the lock is {@link #lost()} and the broker hands the job out again, so
 * the holder must stop. (An earlier version sent RENEW only when the previous renewal's record had
 * already come back and left the answer to the next poll, so it renewed on every other tick at
 * best: jobs longer than the lock ran several times, see LockRenewalIT.) Any other record a poll
 * brings meanwhile is released at once: this thread runs one job at a time.
 */
final class Lease {

  private static final Logger log = LoggerFactory.getLogger(Lease.class);
  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REACQUIRE_WAIT = Duration.ofMillis(100);
  private static final Duration FINISH_WAIT = Duration.ofSeconds(10);
  private static final Duration MIN_CADENCE = Duration.ofMillis(100);

  private final ShareConsumer<String, byte[]> consumer;
  private ConsumerRecord<String, byte[]> current;
  /** The record is in flight in the consumer: it can be acknowledged. */
  private boolean held = true;
  /** The broker refused a renewal: the lock is gone and the job will be delivered again. */
  private boolean lost;

  Lease(ShareConsumer<String, byte[]> consumer, ConsumerRecord<String, byte[]> record) {
    this.consumer = consumer;
    this.current = record;
  }

  /**
   * How often to renew: the configured interval, but never less often than three times per lock
   * period of the group (the broker tells the consumer the lock duration with each fetch), so a
   * group configured with a short lock is still renewed in time, with two renewals of slack.
   */
  static Duration cadence(Duration configured, Optional<Integer> lockMs) {
    Duration every = configured;
    if (lockMs.isPresent() && lockMs.get() > 0) {
      Duration third = Duration.ofMillis(lockMs.get() / 3);
      every = third.compareTo(every) < 0 ? third : every;
    }
    return every.compareTo(MIN_CADENCE) < 0 ? MIN_CADENCE : every;
  }

  /** The renewal cadence for this job: {@link #cadence} of the group's lock as last fetched. */
  Duration cadence(Duration configured) {
    return cadence(configured, consumer.acquisitionLockTimeoutMs());
  }

  /** True once the broker has refused a renewal: the job is no longer this worker's. */
  boolean lost() {
    return lost;
  }

  /** Extends the acquisition lock; call at {@link #cadence} while the job runs. */
  void renew() {
    if (lost) {
      return;
    }
    if (!held) {
      // the previous renewal's answer came after its commit returned: take the record back first
      reacquire(REACQUIRE_WAIT);
      if (!held) {
        log.warn("record {} not back from its last renewal yet; renewing on the next tick", describe());
        return;
      }
    }
    consumer.acknowledge(current, AcknowledgeType.RENEW);
    held = false;
    Map<TopicIdPartition, Optional<KafkaException>> result;
    try {
      result = consumer.commitSync(COMMIT_TIMEOUT);
    } catch (KafkaException e) {
      // no answer (a slow or restarting broker): the outcome arrives with a later poll, or not at all
      log.warn("renewal of record {} not confirmed: {}", describe(), e.toString());
      return;
    }
    Optional<KafkaException> refused = result.values().stream().flatMap(Optional::stream).findFirst();
    if (refused.isPresent()) {
      lost = true;
      log.warn("renewal of record {} refused, the lock is lost: {}", describe(), refused.get().toString());
      return;
    }
    reacquire(Duration.ZERO);
  }

  /** The final acknowledgement, committed before returning; nothing when the lock was lost. */
  void finish(AcknowledgeType type) {
    long deadline = System.nanoTime() + FINISH_WAIT.toNanos();
    while (!held && !lost && System.nanoTime() < deadline) {
      reacquire(REACQUIRE_WAIT);
    }
    if (!held) {
      // the broker will hand it out again when the lock runs out: at worst the job runs twice
      log.warn("record {} is not held ({}); leaving it to the broker", describe(), lost ? "its lock was lost" : "its renewal never came back");
      return;
    }
    consumer.acknowledge(current, type);
    consumer.commitSync(COMMIT_TIMEOUT);
  }

  private void reacquire(Duration wait) {
    for (ConsumerRecord<String, byte[]> r : consumer.poll(wait)) {
      if (r.partition() == current.partition() && r.offset() == current.offset() && r.topic().equals(current.topic())) {
        current = r;
        held = true;
        log.debug("record {} re-taken after renewal (delivery {})", describe(), r.deliveryCount().orElse((short) 0));
      } else {
        consumer.acknowledge(r, AcknowledgeType.RELEASE);
      }
    }
  }

  private String describe() {
    return current.topic() + "-" + current.partition() + "@" + current.offset();
  }
}
