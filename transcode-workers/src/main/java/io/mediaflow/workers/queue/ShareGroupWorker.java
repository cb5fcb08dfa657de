package io.mediaflow.workers.queue;

import io.mediaflow.events.Job;
import io.mediaflow.schemas.Topics;
import io.mediaflow.workers.failure.ClassifiedFailure;
import io.mediaflow.workers.failure.FailureCode;
import io.mediaflow.workers.jobs.JobEventPublisher;
import io.mediaflow.workers.jobs.JobEvents;
import io.mediaflow.workers.jobs.JobOutcome;
import io.mediaflow.workers.jobs.JobRunner;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ShareConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer thread of the fleet: takes one job at a time from the share group, runs it on a
 * helper thread while this thread renews the job's lock (the share consumer is single-threaded),
 * then publishes the outcome and acknowledges. On stop it lets the current job finish within the
 * grace period, else stops it and releases it for another worker.
 */
final class ShareGroupWorker implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(ShareGroupWorker.class);
  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration STOP_CHECK = Duration.ofMillis(200);

  private final ShareConsumer<String, byte[]> consumer;
  private final JobRunner runner;
  private final JobEventPublisher publisher;
  private final Settings settings;
  private final String workerId;
  private final Clock clock = Clock.systemUTC();
  private final ExecutorService jobThread;
  private volatile boolean stopping;

  record Settings(int maxAttempts, Duration renewInterval, Duration pollTimeout, Duration shutdownGrace, RetryBackoff backoff) {}

  ShareGroupWorker(ShareConsumer<String, byte[]> consumer, JobRunner runner, JobEventPublisher publisher, Settings settings, String workerId) {
    this.consumer = consumer;
    this.runner = runner;
    this.publisher = publisher;
    this.settings = settings;
    this.workerId = workerId;
    this.jobThread = Executors.newSingleThreadExecutor(r -> new Thread(r, workerId + "-job"));
  }

  void stop() {
    stopping = true;
  }

  @Override
  public void run() {
    try {
      // a failed acknowledgement (the lock had already run out) means the job will be handed out again
      consumer.setAcknowledgementCommitCallback((offsets, failure) -> {
        if (failure != null) {
          log.warn("worker {}: acknowledgement of {} failed: {}", workerId, offsets, failure.toString());
        }
      });
      consumer.subscribe(List.of(Topics.JOBS.name()));
      while (!stopping) {
        try {
          for (ConsumerRecord<String, byte[]> record : consumer.poll(settings.pollTimeout())) {
            handle(record);
          }
        } catch (RuntimeException e) {
          // an unacknowledged job goes back to the group when its lock expires
          log.error("worker {}: unexpected error; polling again", workerId, e);
          pause();
        }
      }
    } finally {
      jobThread.shutdownNow();
      consumer.close(Duration.ofSeconds(5)); // unacknowledged records go back to the group
    }
  }

  private void handle(ConsumerRecord<String, byte[]> record) {
    Job job;
    try {
      job = Topics.JOBS.valueSerde().deserializer().deserialize(record.topic(), record.value());
    } catch (RuntimeException e) {
      log.error("job record {}-{}@{} is unreadable; rejecting it", record.topic(), record.partition(), record.offset(), e);
      acknowledge(record, AcknowledgeType.REJECT);
      return;
    }
    int delivery = record.deliveryCount().map(Short::intValue).orElse(1);
    if (AckPolicy.exhaustedBeforeRun(delivery, settings.maxAttempts())) {
      ClassifiedFailure lost = new ClassifiedFailure(FailureCode.INTERRUPTED,
          "delivered " + delivery + " times; each worker holding it stopped before finishing", true);
      settle(new Lease(consumer, record), job, new JobOutcome.Failed(lost), AckPolicy.Action.DEAD_LETTER, delivery);
      return;
    }
    Lease lease = new Lease(consumer, record);
    if (!awaitBackoff(lease, job)) {
      log.info("job {} released while held back: {}", job.getJobId(), lease.lost() ? "its lock was lost" : "the worker is stopping");
      lease.finish(AcknowledgeType.RELEASE);
      return;
    }
    log.info("job {} (delivery {}) started", job.getJobId(), delivery);
    Future<JobOutcome> running = jobThread.submit(() -> runner.run(job, workerId));
    JobOutcome outcome = awaitRenewing(lease, running);
    if (lease.lost()) {
      log.warn("job {} (delivery {}) stopped: its lock was lost, so the broker delivers it again", job.getJobId(), delivery);
      return;
    }
    if (outcome == null || (stopping && isInterrupted(outcome))) {
      log.info("job {} released: the worker is stopping", job.getJobId());
      lease.finish(AcknowledgeType.RELEASE);
      return;
    }
    AckPolicy.Action action = AckPolicy.after(outcome, delivery, settings.maxAttempts());
    if (action == AckPolicy.Action.RELEASE && !holdBeforeRelease(lease, job, delivery)) {
      log.info("job {} released early: {}", job.getJobId(), lease.lost() ? "its lock was lost" : "the worker is stopping");
    }
    settle(lease, job, outcome, action, delivery);
  }

  /**
   * A retryable failure (storage or Kafka away, a full disk) is released for another delivery only
   * after {@code backoff.delay(delivery + 1)}, lock renewed meanwhile: released at once, every
   * delivery would meet the same outage within a second and the job would be dead-lettered before
   * the outage ends. False when the worker stops first.
   */
  private boolean holdBeforeRelease(Lease lease, Job job, int delivery) {
    Duration wait = settings.backoff().delay(delivery + 1);
    if (!wait.isZero()) {
      log.info("job {} (delivery {}) failed retryably; released in {} ms", job.getJobId(), delivery, wait.toMillis());
    }
    return holdRenewing(lease, System.nanoTime() + wait.toNanos());
  }

  /**
   * Holds a retry back until its backoff has passed, keeping its lock renewed meanwhile, so the
   * orchestrator's immediate re-dispatch still waits (RetryBackoff). False when the worker stops first.
   */
  private boolean awaitBackoff(Lease lease, Job job) {
    Duration wait = settings.backoff().remaining(job.getIssuedAt(), job.getAttempt(), clock.instant());
    if (wait.isZero()) {
      return true;
    }
    log.info("job {} (attempt {}) held back {} ms: retry backoff", job.getJobId(), job.getAttempt(), wait.toMillis());
    return holdRenewing(lease, System.nanoTime() + wait.toNanos());
  }

  /**
   * Keeps the job's lock renewed until {@code until} (nanoTime); false when the worker stops first or
   * the lock is lost.
   */
  private boolean holdRenewing(Lease lease, long until) {
    Duration every = lease.cadence(settings.renewInterval());
    long renewAt = System.nanoTime() + every.toNanos();
    while (System.nanoTime() < until) {
      if (stopping || lease.lost()) {
        return false;
      }
      try {
        Thread.sleep(Math.max(1, Math.min(STOP_CHECK.toMillis(), (until - System.nanoTime()) / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      if (System.nanoTime() >= renewAt) {
        lease.renew();
        renewAt = System.nanoTime() + every.toNanos();
      }
    }
    return !lease.lost();
  }

  /** The outcome, or null when the job was stopped: the worker is shutting down, or its lock was lost. */
  private JobOutcome awaitRenewing(Lease lease, Future<JobOutcome> running) {
    // wait in short slices so that a stop request is seen at once, renew on the renewal period
    Duration every = lease.cadence(settings.renewInterval());
    long slice = Math.min(every.toMillis(), STOP_CHECK.toMillis());
    long renewAt = System.nanoTime() + every.toNanos();
    long stopBy = Long.MAX_VALUE;
    while (true) {
      try {
        return running.get(slice, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (stopping && stopBy == Long.MAX_VALUE) {
          stopBy = System.nanoTime() + settings.shutdownGrace().toNanos();
        }
        if (System.nanoTime() > stopBy) {
          running.cancel(true);
          return null;
        }
        if (System.nanoTime() >= renewAt) {
          lease.renew();
          renewAt = System.nanoTime() + every.toNanos();
          if (lease.lost()) {
            // the broker hands the job out again: stop, so that it never runs on two workers at once
            running.cancel(true);
            return null;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running.cancel(true);
        return null;
      } catch (ExecutionException e) {
        throw new IllegalStateException("the job runner does not throw", e.getCause());
      }
    }
  }

  private void settle(Lease lease, Job job, JobOutcome outcome, AckPolicy.Action action, int delivery) {
    try {
      switch (action) {
        case ACCEPT -> publisher.outcome(event(job, outcome));
        case DEAD_LETTER -> {
          ClassifiedFailure failure = ((JobOutcome.Failed) outcome).failure();
          publisher.deadLetter(JobEvents.deadLetter(job, failure, delivery, workerId, clock.instant()));
          // final for the orchestrator: the attempts are used up here, so it must not dispatch again
          publisher.outcome(JobEvents.failed(job, workerId, failure.permanent(), clock.instant()));
        }
        case RELEASE -> { }
      }
    } catch (RuntimeException e) {
      // without its outcome on the log the job must run again
      log.error("cannot publish the outcome of job {}; releasing it", job.getJobId(), e);
      lease.finish(AcknowledgeType.RELEASE);
      return;
    }
    log.info("job {} (delivery {}) ended: {} → {}", job.getJobId(), delivery, describe(outcome), action);
    lease.finish(switch (action) {
      case ACCEPT -> AcknowledgeType.ACCEPT;
      case RELEASE -> AcknowledgeType.RELEASE;
      case DEAD_LETTER -> AcknowledgeType.REJECT;
    });
  }

  private io.mediaflow.events.JobEvent event(Job job, JobOutcome outcome) {
    return outcome instanceof JobOutcome.Succeeded s
        ? s.event()
        : JobEvents.failed(job, workerId, ((JobOutcome.Failed) outcome).failure(), clock.instant());
  }

  private void acknowledge(ConsumerRecord<String, byte[]> record, AcknowledgeType type) {
    consumer.acknowledge(record, type);
    consumer.commitSync(COMMIT_TIMEOUT);
  }

  private static void pause() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean isInterrupted(JobOutcome outcome) {
    return outcome instanceof JobOutcome.Failed f && f.failure().code() == FailureCode.INTERRUPTED;
  }

  private static String describe(JobOutcome outcome) {
    return outcome instanceof JobOutcome.Failed f ? f.failure().code() + " (" + f.failure().reason() + ")" : "succeeded";
  }
}
