package io.mediaflow.workers.queue;

import io.mediaflow.workers.jobs.JobOutcome;

/**
 * What a worker does with a job after running it (or before, when earlier holders used up its
 * attempts). Kafka share groups retry by redelivery and archive silently at their delivery limit,
 * so the worker counts attempts itself and writes its own dead letter before giving up.
 */
public final class AckPolicy {

  public enum Action {
    /** publish the outcome (success, or a failure retrying cannot fix), then ACCEPT */
    ACCEPT,
    /** publish nothing, RELEASE: another delivery may succeed */
    RELEASE,
    /** publish the failure and a dead letter, then REJECT */
    DEAD_LETTER
  }

  private AckPolicy() {}

  public static Action after(JobOutcome outcome, int deliveryCount, int maxAttempts) {
    if (outcome instanceof JobOutcome.Failed failed && failed.failure().retryable()) {
      return deliveryCount < maxAttempts ? Action.RELEASE : Action.DEAD_LETTER;
    }
    return Action.ACCEPT;
  }

  /** A delivery past the limit: the workers that held it before died or hung on each attempt. */
  public static boolean exhaustedBeforeRun(int deliveryCount, int maxAttempts) {
    return deliveryCount > maxAttempts;
  }
}
