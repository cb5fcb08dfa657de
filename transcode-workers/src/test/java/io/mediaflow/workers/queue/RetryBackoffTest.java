package io.mediaflow.workers.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

  static final RetryBackoff DEFAULT = new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(60));
  static final Instant ISSUED = Instant.parse("2026-11-29T20:00:00Z");

  @Test
  void theFirstAttemptNeverWaitsThenTheDelayDoublesUpToTheCap() {
    assertThat(DEFAULT.delay(1)).isZero();
    assertThat(DEFAULT.delay(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(DEFAULT.delay(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(DEFAULT.delay(4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(DEFAULT.delay(6)).isEqualTo(Duration.ofSeconds(32));
    assertThat(DEFAULT.delay(7)).isEqualTo(Duration.ofSeconds(60));
    assertThat(DEFAULT.delay(1000)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void aZeroBaseTurnsItOff() {
    assertThat(RetryBackoff.NONE.delay(5)).isZero();
    assertThat(new RetryBackoff(Duration.ZERO, Duration.ofSeconds(60)).remaining(ISSUED, 9, ISSUED)).isZero();
  }

  @Test
  void theWaitIsCountedFromWhenTheJobWasIssued() {
    assertThat(DEFAULT.notBefore(ISSUED, 3)).isEqualTo(ISSUED.plusSeconds(4));
    assertThat(DEFAULT.remaining(ISSUED, 3, ISSUED.plusSeconds(1))).isEqualTo(Duration.ofSeconds(3));
    assertThat(DEFAULT.remaining(ISSUED, 3, ISSUED.plusSeconds(4))).isZero();
    assertThat(DEFAULT.remaining(ISSUED, 3, ISSUED.plusSeconds(100))).as("already waited in the queue").isZero();
  }

  @Test
  void aWorkerClockBehindTheIssuerNeverWaitsPastTheCap() {
    assertThat(DEFAULT.remaining(ISSUED, 2, ISSUED.minusSeconds(3600))).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void refusesNegativeDelays() {
    assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(-1), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void neverShrinksFromOneAttemptToTheNextAndNeverPassesTheCap(
      @ForAll @IntRange(min = 1, max = 200) int attempt,
      @ForAll @LongRange(min = 0, max = 3_600_000) long baseMillis,
      @ForAll @LongRange(min = 0, max = 86_400_000) long maxMillis) {
    RetryBackoff b = new RetryBackoff(Duration.ofMillis(baseMillis), Duration.ofMillis(maxMillis));
    assertThat(b.delay(attempt + 1)).isGreaterThanOrEqualTo(b.delay(attempt));
    assertThat(b.delay(attempt)).isLessThanOrEqualTo(Duration.ofMillis(maxMillis)).isGreaterThanOrEqualTo(Duration.ZERO);
  }
}
