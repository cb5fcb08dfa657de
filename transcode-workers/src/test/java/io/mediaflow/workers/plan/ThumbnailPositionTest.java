package io.mediaflow.workers.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class ThumbnailPositionTest {

  @Test
  void tenPercentInForAMediumClip() {
    assertThat(ThumbnailPosition.seconds(100)).isCloseTo(10, within(1e-9));
  }

  @Test
  void atLeastThreeSecondsWhenTwentyPercentAllowsIt() {
    assertThat(ThumbnailPosition.seconds(20)).isCloseTo(3, within(1e-9));
  }

  @Test
  void neverPastTwentyPercentOfAShortClip() {
    assertThat(ThumbnailPosition.seconds(10)).isCloseTo(2, within(1e-9));
    assertThat(ThumbnailPosition.seconds(1)).isCloseTo(0.2, within(1e-9));
  }

  @Test
  void neverPastThirtySecondsOfALongFilm() {
    assertThat(ThumbnailPosition.seconds(7200)).isCloseTo(30, within(1e-9));
    assertThat(ThumbnailPosition.seconds(400)).isCloseTo(30, within(1e-9));
  }

  @Test
  void firstFrameWhenTheDurationIsUnknown() {
    assertThat(ThumbnailPosition.seconds(0)).isZero();
    assertThat(ThumbnailPosition.seconds(-1)).isZero();
    assertThat(ThumbnailPosition.seconds(Double.NaN)).isZero();
    assertThat(ThumbnailPosition.seconds(Double.POSITIVE_INFINITY)).isZero();
  }

  @Property
  void alwaysInsideTheMediaAndWithinTheBounds(@ForAll @DoubleRange(min = 0.001, max = 1e6) @Scale(3) double duration) {
    double at = ThumbnailPosition.seconds(duration);
    assertThat(at).isGreaterThan(0).isLessThan(duration).isLessThanOrEqualTo(Math.min(0.2 * duration, 30) + 1e-9);
    if (0.2 * duration >= 3) {
      assertThat(at).isGreaterThanOrEqualTo(Math.min(Math.max(0.1 * duration, 3), 30) - 1e-9);
    }
  }
}
