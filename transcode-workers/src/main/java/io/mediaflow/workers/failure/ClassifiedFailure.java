package io.mediaflow.workers.failure;

import io.mediaflow.events.Failure;

/** What went wrong, in the event's terms: a code, a reason for people, and whether to retry. */
public record ClassifiedFailure(FailureCode code, String reason, boolean retryable) {

  public Failure toEvent() {
    return Failure.newBuilder().setCode(code.name()).setReason(reason).build();
  }
}
