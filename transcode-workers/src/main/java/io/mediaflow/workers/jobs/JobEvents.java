package io.mediaflow.workers.jobs;

import io.mediaflow.events.DeadLetter;
import io.mediaflow.events.Job;
import io.mediaflow.events.JobEvent;
import io.mediaflow.events.JobFailed;
import io.mediaflow.events.JobProgress;
import io.mediaflow.events.TranscodeTask;
import io.mediaflow.workers.failure.ClassifiedFailure;
import java.time.Instant;

/** The events a worker reports about a job, all carrying the job's identity. */
public final class JobEvents {

  private JobEvents() {}

  public static JobEvent progress(Job job, String worker, int percent, Instant at) {
    return of(job, worker, JobProgress.newBuilder().setPercent(percent).build(), at);
  }

  /** @param result IngestSucceeded or TranscodeSucceeded */
  public static JobEvent succeeded(Job job, String worker, Object result, Instant at) {
    return of(job, worker, result, at);
  }

  public static JobEvent failed(Job job, String worker, ClassifiedFailure failure, Instant at) {
    return of(job, worker, JobFailed.newBuilder().setFailure(failure.toEvent()).setRetryable(failure.retryable()).build(), at);
  }

  public static DeadLetter deadLetter(Job job, ClassifiedFailure failure, int deliveryCount, String worker, Instant at) {
    return DeadLetter.newBuilder()
        .setJob(job)
        .setFailure(failure.toEvent())
        .setDeliveryCount(deliveryCount)
        .setWorker(worker)
        .setFailedAt(at)
        .build();
  }

  /** The profile a job renders, or null for the ingest job. */
  public static String profile(Job job) {
    return job.getTask() instanceof TranscodeTask t ? t.getProfile().getName() : null;
  }

  private static JobEvent of(Job job, String worker, Object event, Instant at) {
    return JobEvent.newBuilder()
        .setJobId(job.getJobId())
        .setAssetId(job.getAssetId())
        .setGeneration(job.getGeneration())
        .setAttempt(job.getAttempt())
        .setProfile(profile(job))
        .setWorker(worker)
        .setOccurredAt(at)
        .setEvent(event)
        .build();
  }
}
