package io.mediaflow.workers.jobs;

import io.mediaflow.events.IngestSucceeded;
import io.mediaflow.events.IngestTask;
import io.mediaflow.events.Job;
import io.mediaflow.events.TranscodeSucceeded;
import io.mediaflow.events.TranscodeTask;
import io.mediaflow.workers.failure.FailureClassifier;
import io.mediaflow.workers.failure.FailureCode;
import io.mediaflow.workers.failure.JobFailure;
import io.mediaflow.workers.ingest.IngestExecutor;
import io.mediaflow.workers.progress.ProgressThrottle;
import io.mediaflow.workers.transcode.TranscodeExecutor;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job to an outcome: the executor for its task, progress reported (throttled) on the way,
 * every exception turned into a classified failure. Publishing the outcome is left to the caller,
 * which decides together with the acknowledgement.
 */
public final class JobRunner {

  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
  private final IngestExecutor ingest;
  private final TranscodeExecutor transcode;
  private final JobEventPublisher publisher;
  private final Clock clock;

  public JobRunner(IngestExecutor ingest, TranscodeExecutor transcode, JobEventPublisher publisher, Clock clock) {
    this.ingest = ingest;
    this.transcode = transcode;
    this.publisher = publisher;
    this.clock = clock;
  }

  public JobOutcome run(Job job, String worker) {
    ProgressThrottle throttle = new ProgressThrottle(clock.millis());
    java.util.function.DoubleConsumer progress =
        p -> throttle.offer(p, clock.millis())
            .ifPresent(percent -> publisher.progress(JobEvents.progress(job, worker, percent, clock.instant())));
    try {
      Object result;
      if (job.getTask() instanceof IngestTask t) {
        result = new IngestSucceeded(ingest.execute(job, t, progress::accept));
      } else if (job.getTask() instanceof TranscodeTask t) {
        result = new TranscodeSucceeded(transcode.execute(job, t, progress));
      } else {
        throw new JobFailure(FailureCode.INTERNAL_ERROR, "unknown task " + job.getTask());
      }
      return new JobOutcome.Succeeded(JobEvents.succeeded(job, worker, result, clock.instant()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new JobOutcome.Failed(FailureClassifier.classify(e));
    } catch (RuntimeException e) {
      log.warn("job {} failed: {}", job.getJobId(), e.toString());
      return new JobOutcome.Failed(FailureClassifier.classify(e));
    }
  }
}
