package io.mediaflow.workers.queue;

import java.time.Duration;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ShareConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock on the job a worker thread is running. In kafka-clients 4.3 an acknowledgement of type
 * RENEW hands the record back through the next poll() (KAFKA-20458), and only that returned record
 * can be acknowledged again; so renewing is "RENEW, then poll until the record is back", and any
 * other record a poll brings meanwhile is released at once: this thread runs one job at a time.
 */
final class Lease {

  private static final Logger log = LoggerFactory.getLogger(Lease.class);
  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REACQUIRE_WAIT = Duration.ofMillis(100);
  private static final Duration FINISH_WAIT = Duration.ofSeconds(10);

  private final ShareConsumer<String, byte[]> consumer;
  private ConsumerRecord<String, byte[]> current;
  private boolean held = true;

  Lease(ShareConsumer<String, byte[]> consumer, ConsumerRecord<String, byte[]> record) {
    this.consumer = consumer;
    this.current = record;
  }

  /** Extends the acquisition lock; call well within the group's record lock duration. */
  void renew() {
    if (held) {
      consumer.acknowledge(current, AcknowledgeType.RENEW);
      held = false;
    }
    reacquire(REACQUIRE_WAIT);
  }

  /** The final acknowledgement, committed before returning. */
  void finish(AcknowledgeType type) {
    long deadline = System.nanoTime() + FINISH_WAIT.toNanos();
    while (!held && System.nanoTime() < deadline) {
      reacquire(REACQUIRE_WAIT);
    }
    if (!held) {
      // the broker will hand it out again when the lock runs out: at worst the job runs twice
      log.warn("record {}-{}@{} did not come back after renewal; leaving it to the lock timeout",
          current.topic(), current.partition(), current.offset());
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
        log.debug("record {}-{}@{} re-taken after renewal (delivery {})", r.topic(), r.partition(), r.offset(), r.deliveryCount().orElse((short) 0));
      } else {
        consumer.acknowledge(r, AcknowledgeType.RELEASE);
      }
    }
  }
}
