package io.mediaflow.workers.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediaflow.events.MediaKind;
import io.mediaflow.workers.failure.FailureCode;
import io.mediaflow.workers.failure.JobFailure;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class HlsPlanTest {

  static final Path IN = Path.of("/work/job/source");
  static final Path OUT = Path.of("/work/job/out");

  @Test
  void videoRenditionIsH264AacHlsVod() {
    HlsPlan plan = HlsPlan.of(Fixtures.video("720p", 1280, 720, "2800k", "128k"),
        Fixtures.media(MediaKind.VIDEO, 1920, 1080, "h264", "aac", 60), 4, IN, OUT);
    List<String> args = plan.command().arguments();
    assertThat(pairs(args, "-c:v")).isEqualTo("libx264");
    assertThat(pairs(args, "-c:a")).isEqualTo("aac");
    assertThat(pairs(args, "-f")).isEqualTo("hls");
    assertThat(pairs(args, "-hls_playlist_type")).isEqualTo("vod");
    assertThat(pairs(args, "-hls_time")).isEqualTo("4");
    assertThat(pairs(args, "-b:v")).isEqualTo("2800000");
    assertThat(pairs(args, "-vf")).isEqualTo("scale=1280:720,setsar=1");
    assertThat(plan.width()).isEqualTo(1280);
    assertThat(plan.height()).isEqualTo(720);
    assertThat(plan.bitrate()).isEqualTo(2_928_000);
    assertThat(plan.codecs()).isEqualTo("avc1.4d401f,mp4a.40.2");
  }

  @Test
  void keyframesAreForcedAtEverySegmentBoundary() {
    List<String> args = HlsPlan.of(Fixtures.video("360p", 640, 360, "800k", "96k"),
        Fixtures.media(MediaKind.VIDEO, 1920, 1080, "h264", "aac", 60), 6, IN, OUT).command().arguments();
    assertThat(pairs(args, "-force_key_frames")).isEqualTo("expr:gte(t,n_forced*6)");
    assertThat(pairs(args, "-sc_threshold")).isEqualTo("0");
  }

  @Test
  void segmentsHaveRelativeNamesBesideThePlaylist() {
    FfmpegCommand cmd = HlsPlan.of(Fixtures.video("360p", 640, 360, "800k", "96k"),
        Fixtures.media(MediaKind.VIDEO, 640, 360, "h264", null, 5), 4, IN, OUT).command();
    assertThat(pairs(cmd.arguments(), "-hls_segment_filename")).isEqualTo("/work/job/out/seg_%05d.ts");
    assertThat(cmd.output()).isEqualTo(OUT.resolve("index.m3u8"));
  }

  @Test
  void everyInputIsGuardedByTheFormatWhitelist() {
    FfmpegCommand cmd = HlsPlan.of(Fixtures.video("360p", 640, 360, "800k", "96k"),
        Fixtures.media(MediaKind.VIDEO, 640, 360, "h264", "aac", 5), 4, IN, OUT).command();
    List<String> args = cmd.arguments();
    assertThat(args.indexOf("-format_whitelist")).isLessThan(args.indexOf("-i"));
    assertThat(pairs(args, "-format_whitelist")).isEqualTo(InputFormats.WHITELIST).doesNotContain("hls", "concat", "image2,");
  }

  @Test
  void silentVideoHasNoAudioStream() {
    HlsPlan plan = HlsPlan.of(Fixtures.video("360p", 640, 360, "800k", "96k"),
        Fixtures.media(MediaKind.VIDEO, 640, 360, "h264", null, 5), 4, IN, OUT);
    assertThat(plan.command().arguments()).doesNotContain("0:a:0", "-c:a");
    assertThat(plan.codecs()).isEqualTo("avc1.4d401f");
    assertThat(plan.bitrate()).isEqualTo(800_000);
  }

  @Test
  void audioProfileOfAnAudioSource() {
    HlsPlan plan = HlsPlan.of(Fixtures.audio("audio-128k", "128k"),
        Fixtures.media(MediaKind.AUDIO, 0, 0, null, "mp3", 30), 4, IN, OUT);
    assertThat(plan.command().arguments()).contains("-vn").doesNotContain("-c:v");
    assertThat(plan.codecs()).isEqualTo("mp4a.40.2");
    assertThat(plan.width()).isZero();
  }

  @Test
  void aVideoProfileCannotBeMadeFromAudio() {
    assertThatThrownBy(() -> HlsPlan.of(Fixtures.video("720p", 1280, 720, "2800k", "128k"),
            Fixtures.media(MediaKind.AUDIO, 0, 0, null, "aac", 30), 4, IN, OUT))
        .isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.code()).isEqualTo(FailureCode.UNSUPPORTED_PROFILE));
  }

  @Test
  void levelGrowsWithThePicture() {
    assertThat(HlsPlan.level(new RenditionSize(1280, 720))).isEqualTo("3.1");
    assertThat(HlsPlan.level(new RenditionSize(1920, 1080))).isEqualTo("4.0");
    assertThat(HlsPlan.level(new RenditionSize(3840, 2160))).isEqualTo("5.1");
  }

  @Test
  void withoutAVideoBitrateQualityDecides() {
    List<String> args = HlsPlan.of(Fixtures.video("src", 0, 0, "", ""),
        Fixtures.media(MediaKind.VIDEO, 640, 360, "h264", "aac", 5), 4, IN, OUT).command().arguments();
    assertThat(pairs(args, "-crf")).isEqualTo("23");
    assertThat(args).doesNotContain("-b:v");
  }

  static String pairs(List<String> args, String option) {
    int i = args.indexOf(option);
    assertThat(i).as("option %s in %s", option, args).isGreaterThanOrEqualTo(0);
    assertThat(Collections.frequency(args, option)).as("once: %s", option).isEqualTo(1);
    return args.get(i + 1);
  }
}
