package io.mediaflow.workers.jobs;

import io.mediaflow.events.JobEvent;
import io.mediaflow.workers.failure.ClassifiedFailure;

/** How one run of a job ended. */
public sealed interface JobOutcome {

  /** @param event the success event to publish */
  record Succeeded(JobEvent event) implements JobOutcome {}

  record Failed(ClassifiedFailure failure) implements JobOutcome {}
}
