package io.mediaflow.workers.failure;

import io.mediaflow.events.Failure;

/** What went wrong, in the event's terms: a code, a reason for people, and whether to retry. */
public record ClassifiedFailure(FailureCode code, String reason, boolean retryable) {

  /** The same failure, no longer worth retrying (its attempts are used up). */
  public ClassifiedFailure permanent() {
    return new ClassifiedFailure(code, reason, false);
  }

  public Failure toEvent() {
    return Failure.newBuilder().setCode(code.name()).setReason(reason).build();
  }
}
