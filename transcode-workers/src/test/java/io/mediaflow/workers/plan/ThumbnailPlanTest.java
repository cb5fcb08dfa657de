package io.mediaflow.workers.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThumbnailPlanTest {

  @Test
  void seeksBeforeTheGuardedInputAndTakesOneFrame() {
    List<String> args = ThumbnailPlan.command(Path.of("/in"), 100, Path.of("/out/t.jpg")).arguments();
    assertThat(args.subList(0, 2)).containsExactly("-ss", "10.000");
    assertThat(args.indexOf("-format_whitelist")).isLessThan(args.indexOf("-i"));
    assertThat(HlsPlanTest.pairs(args, "-frames:v")).isEqualTo("1");
    assertThat(args.get(args.size() - 1)).isEqualTo("/out/t.jpg");
  }

  @Test
  void firstFrameOfAnImage() {
    assertThat(ThumbnailPlan.command(Path.of("/in"), 0, Path.of("/t.jpg")).arguments()).doesNotContain("-ss");
  }
}
