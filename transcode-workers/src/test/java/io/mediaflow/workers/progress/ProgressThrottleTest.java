package io.mediaflow.workers.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ProgressThrottleTest {

  @Test
  void everyFivePercent() {
    ProgressThrottle t = new ProgressThrottle(0);
    assertThat(t.offer(3, 10)).isEmpty();
    assertThat(t.offer(5.2, 20)).hasValue(5);
    assertThat(t.offer(9.9, 30)).isEmpty();
    assertThat(t.offer(10, 40)).hasValue(10);
  }

  @Test
  void afterTwoSecondsAnyMovement() {
    ProgressThrottle t = new ProgressThrottle(0);
    assertThat(t.offer(1, 1_999)).isEmpty();
    assertThat(t.offer(1, 2_000)).hasValue(1);
    assertThat(t.offer(1, 9_000)).as("no movement, no event").isEmpty();
    assertThat(t.offer(2, 9_000)).hasValue(2);
  }

  @Test
  void neverHundredNorBackwardsNorNonsense() {
    ProgressThrottle t = new ProgressThrottle(0);
    assertThat(t.offer(150, 1)).hasValue(99);
    assertThat(t.offer(100, 10_000)).isEmpty();
    assertThat(t.offer(50, 20_000)).isEmpty();
    assertThat(t.offer(Double.NaN, 30_000)).isEmpty();
    assertThat(new ProgressThrottle(0).offer(-5, 5_000)).isEmpty();
  }

  @Property
  void eventsRiseAndAreSpacedByStepOrTime(
      @ForAll @Size(max = 200) List<@DoubleRange(min = -10, max = 120) Double> readings,
      @ForAll @LongRange(min = 1, max = 3_000) long gap) {
    ProgressThrottle t = new ProgressThrottle(0);
    List<long[]> events = new ArrayList<>();
    long now = 0;
    for (double r : readings) {
      now += gap;
      OptionalInt e = t.offer(r, now);
      if (e.isPresent()) {
        events.add(new long[] {e.getAsInt(), now});
      }
    }
    long prevP = 0;
    long prevT = 0;
    for (long[] e : events) {
      assertThat(e[0]).isGreaterThan(prevP).isLessThanOrEqualTo(99);
      assertThat(e[0] - prevP >= 5 || e[1] - prevT >= 2_000).isTrue();
      prevP = e[0];
      prevT = e[1];
    }
  }
}
