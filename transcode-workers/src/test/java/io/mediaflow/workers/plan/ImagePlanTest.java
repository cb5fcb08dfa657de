package io.mediaflow.workers.plan;

import static io.mediaflow.workers.plan.HlsPlanTest.pairs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediaflow.events.MediaInfo;
import io.mediaflow.events.MediaKind;
import io.mediaflow.events.RenditionProfile;
import io.mediaflow.workers.failure.FailureCode;
import io.mediaflow.workers.failure.JobFailure;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImagePlanTest {

  static final Path IN = Path.of("/work/job/source");
  static final Path OUT = Path.of("/work/job/out/image.jpg");
  static final MediaInfo PNG = MediaInfo.newBuilder().setKind(MediaKind.IMAGE).setFormatName("png_pipe")
      .setSniffedType("image/png").setWidth(1600).setHeight(1200).setVideoCodec("png").setSourceKey("assets/a/source").build();

  static RenditionProfile image(String name, int w, int h) {
    return RenditionProfile.newBuilder().setName(name).setKind(MediaKind.IMAGE).setWidth(w).setHeight(h).build();
  }

  @Test
  void oneJpegFrameFittedIntoTheBoxWithoutUpscaling() {
    FfmpegCommand cmd = ImagePlan.command(image("image-640", 640, 640), PNG, IN, OUT);
    List<String> args = cmd.arguments();
    assertThat(pairs(args, "-frames:v")).isEqualTo("1");
    assertThat(pairs(args, "-map")).isEqualTo("0:v:0");
    assertThat(pairs(args, "-vf"))
        .isEqualTo("scale=w='min(iw,640)':h='min(ih,640)':force_original_aspect_ratio=decrease,setsar=1");
    assertThat(pairs(args, "-f")).isEqualTo("image2");
    assertThat(cmd.output()).isEqualTo(OUT);
  }

  @Test
  void aBoxlessProfileKeepsTheSourceSize() {
    String vf = pairs(ImagePlan.command(image("image-full", 0, 0), PNG, IN, OUT).arguments(), "-vf");
    assertThat(vf).startsWith("scale=w='min(iw," + Integer.MAX_VALUE + ")'");
  }

  @Test
  void theInputMayOnlyBeAStillImageFormat() {
    List<String> args = ImagePlan.command(image("image-320", 320, 320), PNG, IN, OUT).arguments();
    assertThat(args.indexOf("-format_whitelist")).isLessThan(args.indexOf("-i"));
    assertThat(pairs(args, "-format_whitelist")).isEqualTo(InputFormats.IMAGE_WHITELIST)
        .contains("png_pipe", "jpeg_pipe", "webp_pipe", "gif")
        .doesNotContain("mp4", "mov", "hls", "concat", "image2");
    assertThat(pairs(args, "-protocol_whitelist")).isEqualTo("file");
  }

  @Test
  void onlyAnImageBecomesAnImageVariant() {
    MediaInfo video = Fixtures.media(MediaKind.VIDEO, 1920, 1080, "h264", "aac", 10);
    assertThatThrownBy(() -> ImagePlan.command(image("image-320", 320, 320), video, IN, OUT))
        .isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.code()).isEqualTo(FailureCode.UNSUPPORTED_PROFILE));
    assertThatThrownBy(() -> ImagePlan.command(Fixtures.video("360p", 640, 360, "600k", ""), PNG, IN, OUT))
        .isInstanceOf(JobFailure.class);
  }

  @Test
  void aVideoProfileStillRefusesAnImageSource() {
    assertThatThrownBy(() -> HlsPlan.of(Fixtures.video("360p", 640, 360, "600k", ""), PNG, 4, IN, OUT.getParent()))
        .isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.code()).isEqualTo(FailureCode.UNSUPPORTED_PROFILE));
  }
}
