package io.mediaflow.workers.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

  @Test
  void knownFailuresKeepTheirCodeAndRetryability() {
    ClassifiedFailure f = FailureClassifier.classify(new JobFailure(FailureCode.TYPE_MISMATCH, "text declared video/mp4"));
    assertThat(f).isEqualTo(new ClassifiedFailure(FailureCode.TYPE_MISMATCH, "text declared video/mp4", false));
    assertThat(FailureClassifier.classify(new JobFailure(FailureCode.INSUFFICIENT_DISK, "1 MB free")).retryable()).isTrue();
  }

  @Test
  void wrappersAreSeenThrough() {
    ClassifiedFailure f = FailureClassifier.classify(
        new ExecutionException(new JobFailure(FailureCode.CORRUPT_MEDIA, "moov atom not found")));
    assertThat(f.code()).isEqualTo(FailureCode.CORRUPT_MEDIA);
  }

  @Test
  void ioIsTheStoreAndRetryable() {
    ClassifiedFailure f = FailureClassifier.classify(new UncheckedIOException(new IOException("connection reset")));
    assertThat(f.code()).isEqualTo(FailureCode.STORAGE_UNAVAILABLE);
    assertThat(f.retryable()).isTrue();
    assertThat(f.reason()).contains("connection reset");
  }

  @Test
  void interruptionIsRetryable() {
    assertThat(FailureClassifier.classify(new InterruptedException()).code()).isEqualTo(FailureCode.INTERRUPTED);
  }

  @Test
  void anythingElseIsAnInternalErrorWorthRetrying() {
    ClassifiedFailure f = FailureClassifier.classify(new IllegalStateException("bug"));
    assertThat(f.code()).isEqualTo(FailureCode.INTERNAL_ERROR);
    assertThat(f.retryable()).isTrue();
  }

  @Test
  void longReasonsKeepTheirEnd() {
    String reason = "x".repeat(5000) + "THE END";
    ClassifiedFailure f = FailureClassifier.classify(new JobFailure(FailureCode.ENCODE_FAILED, reason));
    assertThat(f.reason()).hasSize(FailureClassifier.MAX_REASON).endsWith("THE END");
  }

  @Test
  void blankReasonsGetTheCataloguesMessage() {
    assertThat(FailureClassifier.classify(new JobFailure(FailureCode.EMPTY_MEDIA, "")).reason())
        .isEqualTo(FailureCode.EMPTY_MEDIA.message());
  }
}
