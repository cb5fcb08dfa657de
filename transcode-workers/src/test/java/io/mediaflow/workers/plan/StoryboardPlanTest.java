package io.mediaflow.workers.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class StoryboardPlanTest {

  static final Pattern CUE = Pattern.compile(
      "(\\d\\d):(\\d\\d):(\\d\\d)\\.(\\d{3}) --> (\\d\\d):(\\d\\d):(\\d\\d)\\.(\\d{3})\\nsprite\\.jpg#xywh=(\\d+),(\\d+),(\\d+),(\\d+)\\n");

  /** The cues as a player reads them back from the WebVTT text. */
  static List<StoryboardPlan.Cue> parse(String vtt) {
    assertThat(vtt).startsWith("WEBVTT\n\n");
    List<StoryboardPlan.Cue> cues = new ArrayList<>();
    Matcher m = CUE.matcher(vtt);
    int end = "WEBVTT\n".length();
    while (m.find()) {
      assertThat(m.start()).as("nothing but cues, one blank line apart").isEqualTo(end + 1);
      end = m.end();
      cues.add(new StoryboardPlan.Cue(millis(m, 1), millis(m, 5), n(m, 9), n(m, 10), n(m, 11), n(m, 12)));
    }
    assertThat(end).isEqualTo(vtt.length());
    return cues;
  }

  static long millis(Matcher m, int g) {
    return ((n(m, g) * 60L + n(m, g + 1)) * 60 + n(m, g + 2)) * 1000 + n(m, g + 3);
  }

  static int n(Matcher m, int g) {
    return Integer.parseInt(m.group(g));
  }

  @Property
  void cuesAreContiguousCoverTheDurationAndPointInsideTheSprite(
      @ForAll @DoubleRange(min = 0.04, max = 6 * 3600) double seconds,
      @ForAll @IntRange(min = 16, max = 8192) int width,
      @ForAll @IntRange(min = 16, max = 8192) int height) {
    StoryboardPlan plan = StoryboardPlan.of(seconds, width, height);
    List<StoryboardPlan.Cue> cues = parse(plan.webVtt("sprite.jpg"));

    assertThat(cues).hasSize(plan.tiles()).hasSizeBetween(1, StoryboardPlan.MAX_TILES);
    assertThat(cues.get(0).startMillis()).isZero();
    assertThat(cues.get(cues.size() - 1).endMillis()).isEqualTo(Math.round(seconds * 1000));
    for (int i = 0; i < cues.size(); i++) {
      StoryboardPlan.Cue c = cues.get(i);
      assertThat(c.endMillis()).isGreaterThan(c.startMillis());
      if (i > 0) {
        assertThat(c.startMillis()).isEqualTo(cues.get(i - 1).endMillis());
      }
      assertThat(c.x()).isNotNegative();
      assertThat(c.y()).isNotNegative();
      assertThat(c.x() + c.w()).isLessThanOrEqualTo(plan.spriteWidth());
      assertThat(c.y() + c.h()).isLessThanOrEqualTo(plan.spriteHeight());
    }
    assertThat(cues).extracting(c -> c.x() + "," + c.y()).doesNotHaveDuplicates();
  }

  @Property
  void theIntervalIsTheShortestWholeSecondThatKeepsAtMostAHundredTiles(
      @ForAll @DoubleRange(min = 0.04, max = 6 * 3600) double seconds) {
    StoryboardPlan plan = StoryboardPlan.of(seconds, 1280, 720);
    long millis = Math.round(seconds * 1000);
    assertThat(plan.intervalSeconds()).isPositive();
    assertThat((plan.intervalSeconds() - 1) * 1000L * StoryboardPlan.MAX_TILES).isLessThan(Math.max(1, millis));
    assertThat(plan.tiles()).isEqualTo((int) Math.max(1, (millis + plan.intervalSeconds() * 1000L - 1) / (plan.intervalSeconds() * 1000L)));
  }

  @Test
  void aMinuteOfHdIsSixtyTilesOfOneSecondOnATenColumnSheet() {
    StoryboardPlan plan = StoryboardPlan.of(60, 1280, 720);
    assertThat(plan.intervalSeconds()).isEqualTo(1);
    assertThat(plan.tiles()).isEqualTo(60);
    assertThat(plan.columns()).isEqualTo(10);
    assertThat(plan.rows()).isEqualTo(6);
    assertThat(plan.tileHeight()).isEqualTo(90);
    assertThat(plan.spriteWidth()).isEqualTo(1600);
    assertThat(plan.spriteHeight()).isEqualTo(540);
    assertThat(plan.webVtt("sprite.jpg")).startsWith(
        "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nsprite.jpg#xywh=0,0,160,90\n\n"
            + "00:00:01.000 --> 00:00:02.000\nsprite.jpg#xywh=160,0,160,90\n");
    assertThat(plan.webVtt("sprite.jpg")).endsWith("00:00:59.000 --> 00:01:00.000\nsprite.jpg#xywh=1440,450,160,90\n");
  }

  @Test
  void twoHoursAreAHundredTilesOneEvery72Seconds() {
    StoryboardPlan plan = StoryboardPlan.of(7200, 1920, 1080);
    assertThat(plan.intervalSeconds()).isEqualTo(72);
    assertThat(plan.tiles()).isEqualTo(100);
    assertThat(plan.rows()).isEqualTo(10);
  }

  @Test
  void aShortPortraitClipHasFewerColumnsAndTallTiles() {
    StoryboardPlan plan = StoryboardPlan.of(3.5, 720, 1280);
    assertThat(plan.tiles()).isEqualTo(4);
    assertThat(plan.columns()).isEqualTo(4);
    assertThat(plan.tileHeight()).isEqualTo(284);
    assertThat(plan.cues().get(3)).isEqualTo(new StoryboardPlan.Cue(3000, 3500, 480, 0, 160, 284));
  }

  @Test
  void theSpriteIsASecondOutputSampledOncePerInterval() {
    FfmpegCommand.Output out = StoryboardPlan.of(60, 1280, 720).output(Path.of("/w/storyboard/sprite.jpg"));
    assertThat(HlsPlanTest.pairs(out.options(), "-vf")).isEqualTo("fps=1/1,scale=160:90,setsar=1,tile=10x6");
    assertThat(HlsPlanTest.pairs(out.options(), "-frames:v")).isEqualTo("1");
    assertThat(out.path()).isEqualTo(Path.of("/w/storyboard/sprite.jpg"));
  }

  @Test
  void timestampsAreWebVttHoursMinutesSecondsMillis() {
    assertThat(StoryboardPlan.timestamp(0)).isEqualTo("00:00:00.000");
    assertThat(StoryboardPlan.timestamp(3_723_045)).isEqualTo("01:02:03.045");
  }
}
