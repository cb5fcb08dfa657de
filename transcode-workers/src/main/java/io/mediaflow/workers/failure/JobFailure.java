package io.mediaflow.workers.failure;

/** A job failed for a known reason; thrown by the executors, turned into a JobFailed event. */
public class JobFailure extends RuntimeException {

  private final FailureCode code;

  public JobFailure(FailureCode code, String reason) {
    super(reason);
    this.code = code;
  }

  public JobFailure(FailureCode code, String reason, Throwable cause) {
    super(reason, cause);
    this.code = code;
  }

  public FailureCode code() {
    return code;
  }
}
