package io.mediaflow.workers.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LeaseCadenceTest {

  @Test
  void theConfiguredIntervalHoldsWhenTheLockIsLongEnough() {
    assertThat(Lease.cadence(Duration.ofSeconds(5), Optional.of(30_000))).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aShortLockIsRenewedThreeTimesPerPeriod() {
    assertThat(Lease.cadence(Duration.ofSeconds(5), Optional.of(6_000))).isEqualTo(Duration.ofSeconds(2));
    assertThat(Lease.cadence(Duration.ofSeconds(5), Optional.of(2_000))).isEqualTo(Duration.ofMillis(666));
  }

  @Test
  void anUnknownLockKeepsTheConfiguredIntervalAndTheCadenceHasAFloor() {
    assertThat(Lease.cadence(Duration.ofSeconds(5), Optional.empty())).isEqualTo(Duration.ofSeconds(5));
    assertThat(Lease.cadence(Duration.ofSeconds(5), Optional.of(0))).isEqualTo(Duration.ofSeconds(5));
    assertThat(Lease.cadence(Duration.ofMillis(10), Optional.of(90))).isEqualTo(Duration.ofMillis(100));
  }

  @Property
  void atLeastThreeRenewalsFitInEveryLockPeriod(@ForAll @IntRange(min = 300, max = 3_600_000) int lockMs,
      @ForAll @IntRange(min = 100, max = 600_000) int configuredMs) {
    Duration every = Lease.cadence(Duration.ofMillis(configuredMs), Optional.of(lockMs));
    assertThat(every.toMillis() * 3).isLessThanOrEqualTo(lockMs);
    assertThat(every).isLessThanOrEqualTo(Duration.ofMillis(configuredMs));
  }
}
