package io.mediaflow.workers.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RenditionSizeTest {

  @Test
  void fitsALandscapeSourceIntoTheBox() {
    assertThat(RenditionSize.fit(1920, 1080, 0, 1280, 720)).isEqualTo(new RenditionSize(1280, 720));
  }

  @Test
  void keepsTheAspectRatioOfAnotherShape() {
    assertThat(RenditionSize.fit(640, 480, 0, 1280, 720)).isEqualTo(new RenditionSize(640, 480));
    assertThat(RenditionSize.fit(1440, 1080, 0, 854, 480)).isEqualTo(new RenditionSize(640, 480));
  }

  @Test
  void neverUpscales() {
    assertThat(RenditionSize.fit(640, 360, 0, 1920, 1080)).isEqualTo(new RenditionSize(640, 360));
  }

  @Test
  void turnsTheBoxForAPortraitPhoneVideo() {
    // stored 1920x1080, displayed turned a quarter: portrait 1080x1920
    assertThat(RenditionSize.fit(1920, 1080, 90, 1280, 720)).isEqualTo(new RenditionSize(720, 1280));
    assertThat(RenditionSize.fit(1080, 1920, 0, 1280, 720)).isEqualTo(new RenditionSize(720, 1280));
    assertThat(RenditionSize.fit(1920, 1080, 270, 1280, 720)).isEqualTo(new RenditionSize(720, 1280));
    assertThat(RenditionSize.fit(1920, 1080, 180, 1280, 720)).isEqualTo(new RenditionSize(1280, 720));
  }

  @Test
  void makesOddSidesEven() {
    assertThat(RenditionSize.fit(641, 361, 0, 0, 0)).isEqualTo(new RenditionSize(640, 360));
  }

  @Test
  void refusesAnUnknownSource() {
    assertThatThrownBy(() -> RenditionSize.fit(0, 0, 0, 1280, 720)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void evenInsideTheTurnedBoxAndNeverLarger(
      @ForAll @IntRange(min = 2, max = 8192) int w,
      @ForAll @IntRange(min = 2, max = 8192) int h,
      @ForAll @IntRange(min = 0, max = 3) int quarter) {
    RenditionSize s = RenditionSize.fit(w, h, quarter * 90, 1280, 720);
    boolean turned = quarter % 2 == 1;
    int dw = turned ? h : w;
    int dh = turned ? w : h;
    assertThat(s.width() % 2).isZero();
    assertThat(s.height() % 2).isZero();
    assertThat(s.width()).isLessThanOrEqualTo(Math.max(2, dw));
    assertThat(s.height()).isLessThanOrEqualTo(Math.max(2, dh));
    assertThat(Math.max(s.width(), s.height())).isLessThanOrEqualTo(1280);
    assertThat(Math.min(s.width(), s.height())).isLessThanOrEqualTo(720);
  }
}
