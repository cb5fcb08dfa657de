package io.mediaflow.workers.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.events.JobEvent;
import io.mediaflow.workers.failure.ClassifiedFailure;
import io.mediaflow.workers.failure.FailureCode;
import io.mediaflow.workers.jobs.JobOutcome;
import io.mediaflow.workers.queue.AckPolicy.Action;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AckPolicyTest {

  static final JobOutcome OK = new JobOutcome.Succeeded(new JobEvent());
  static final JobOutcome PERMANENT = new JobOutcome.Failed(new ClassifiedFailure(FailureCode.CORRUPT_MEDIA, "bad", false));
  static final JobOutcome TRANSIENT = new JobOutcome.Failed(new ClassifiedFailure(FailureCode.STORAGE_UNAVAILABLE, "down", true));

  @Test
  void successAndPermanentFailuresAreAccepted() {
    assertThat(AckPolicy.after(OK, 1, 3)).isEqualTo(Action.ACCEPT);
    assertThat(AckPolicy.after(OK, 5, 3)).isEqualTo(Action.ACCEPT);
    assertThat(AckPolicy.after(PERMANENT, 1, 3)).isEqualTo(Action.ACCEPT);
  }

  @Test
  void transientFailuresAreReleasedUntilTheLastAttempt() {
    assertThat(AckPolicy.after(TRANSIENT, 1, 3)).isEqualTo(Action.RELEASE);
    assertThat(AckPolicy.after(TRANSIENT, 2, 3)).isEqualTo(Action.RELEASE);
    assertThat(AckPolicy.after(TRANSIENT, 3, 3)).isEqualTo(Action.DEAD_LETTER);
    assertThat(AckPolicy.after(TRANSIENT, 1, 1)).isEqualTo(Action.DEAD_LETTER);
  }

  @Test
  void aDeliveryPastTheLimitIsNotRunAgain() {
    assertThat(AckPolicy.exhaustedBeforeRun(3, 3)).isFalse();
    assertThat(AckPolicy.exhaustedBeforeRun(4, 3)).isTrue();
  }

  @Property
  void aTransientFailureRunsAtMostMaxAttemptsTimes(@ForAll @IntRange(min = 1, max = 10) int max) {
    int runs = 0;
    for (int delivery = 1; delivery <= 20 && !AckPolicy.exhaustedBeforeRun(delivery, max); delivery++) {
      runs++;
      if (AckPolicy.after(TRANSIENT, delivery, max) != Action.RELEASE) {
        break;
      }
    }
    assertThat(runs).isEqualTo(max);
  }
}
