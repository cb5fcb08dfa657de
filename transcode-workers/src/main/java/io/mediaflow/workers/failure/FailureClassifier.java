package io.mediaflow.workers.failure;

import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.Set;

/** Maps whatever a job threw to a catalogue code: known failures keep theirs, the rest by type. */
public final class FailureClassifier {

  static final int MAX_REASON = 2000;
  private static final Set<String> MISSING_OBJECT = Set.of("NoSuchKey", "NoSuchObject", "NoSuchBucket");

  private FailureClassifier() {}

  public static ClassifiedFailure classify(Throwable error) {
    Throwable t = unwrap(error);
    if (t instanceof JobFailure f) {
      return of(f.code(), f.getMessage());
    }
    if (t instanceof ErrorResponseException e
        && e.errorResponse() != null
        && MISSING_OBJECT.contains(e.errorResponse().code())) {
      return of(FailureCode.SOURCE_MISSING, "object store: " + e.errorResponse().code() + " " + e.errorResponse().objectName());
    }
    if (t instanceof InterruptedException
        || t instanceof InterruptedIOException
        || t instanceof ClosedByInterruptException) {
      return of(FailureCode.INTERRUPTED, FailureCode.INTERRUPTED.message());
    }
    if (t instanceof MinioException || t instanceof IOException) {
      return of(FailureCode.STORAGE_UNAVAILABLE, t.getClass().getSimpleName() + ": " + t.getMessage());
    }
    return of(FailureCode.INTERNAL_ERROR, t.getClass().getName() + ": " + t.getMessage());
  }

  private static ClassifiedFailure of(FailureCode code, String reason) {
    String r = reason == null || reason.isBlank() ? code.message() : reason;
    if (r.length() > MAX_REASON) {
      // keep the end: ffmpeg's last lines say why it stopped
      r = "…" + r.substring(r.length() - MAX_REASON + 1);
    }
    return new ClassifiedFailure(code, r, code.retryable());
  }

  private static Throwable unwrap(Throwable t) {
    Throwable current = t;
    while ((current instanceof java.util.concurrent.ExecutionException
            || current instanceof java.util.concurrent.CompletionException
            || current instanceof java.io.UncheckedIOException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
