package io.mediaflow.workers.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mediaflow.events.MediaInfo;
import io.mediaflow.events.MediaKind;
import io.mediaflow.workers.failure.FailureCode;
import io.mediaflow.workers.failure.JobFailure;
import io.mediaflow.workers.ffmpeg.FfmpegRunner;
import io.mediaflow.workers.ffmpeg.Ffprobe;
import io.mediaflow.workers.ffmpeg.TestMedia;
import io.mediaflow.workers.plan.ThumbnailPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real ffprobe and ffmpeg on generated media: what ingest sees for good and bad uploads. */
@Tag("integration")
class MediaInspectorIT {

  @TempDir static Path dir;
  static Path clip;
  static MediaInspector inspector;

  @BeforeAll
  static void setUp() {
    clip = TestMedia.clip(dir, "clip.mp4", 4, "320x240");
    inspector = new MediaInspector(new Ffprobe(TestMedia.binaries()), MediaLimits.DEFAULT);
  }

  static void fails(Path file, String declared, FailureCode code) {
    assertThatThrownBy(() -> inspector.inspect(file, declared, "k"))
        .isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.code()).as(f.getMessage()).isEqualTo(code));
  }

  @Test
  void normalClip() throws Exception {
    MediaInfo m = inspector.inspect(clip, "video/mp4", "assets/a/source");
    assertThat(m.getKind()).isEqualTo(MediaKind.VIDEO);
    assertThat(m.getDurationSeconds()).isCloseTo(4.0, within(0.1));
    assertThat(m.getWidth()).isEqualTo(320);
    assertThat(m.getHeight()).isEqualTo(240);
    assertThat(m.getVideoCodec()).isEqualTo("h264");
    assertThat(m.getAudioCodec()).isEqualTo("aac");
    assertThat(m.getSniffedType()).isEqualTo("video/mp4");
    assertThat(m.getBytes()).isEqualTo(Files.size(clip));

    Path thumb = dir.resolve("thumb.jpg");
    new FfmpegRunner(TestMedia.binaries()).run(ThumbnailPlan.command(clip, m.getDurationSeconds(), thumb), s -> {});
    byte[] head = Arrays.copyOf(Files.readAllBytes(thumb), 3);
    assertThat(head).containsExactly(0xFF, 0xD8, 0xFF);
  }

  @Test
  void rotatedPhoneVideo() throws Exception {
    Path rotated = TestMedia.ffmpeg(dir.resolve("rotated.mp4"), "-display_rotation", "90", "-i", clip.toString(), "-c", "copy");
    assertThat(inspector.inspect(rotated, "video/quicktime", "k").getRotation()).isEqualTo(270);
  }

  @Test
  void audioOnly() throws Exception {
    MediaInfo m = inspector.inspect(TestMedia.audio(dir, "tone.mp3", 3), "audio/mpeg", "k");
    assertThat(m.getKind()).isEqualTo(MediaKind.AUDIO);
    assertThat(m.getAudioCodec()).isEqualTo("mp3");
    assertThat(m.getVideoCodec()).isNull();
    assertThat(m.getDurationSeconds()).isGreaterThan(2.9);
  }

  @Test
  void image() throws Exception {
    MediaInfo m = inspector.inspect(TestMedia.image(dir, "still.png"), "image/png", "k");
    assertThat(m.getKind()).isEqualTo(MediaKind.IMAGE);
    assertThat(m.getWidth()).isEqualTo(320);
  }

  @Test
  void truncatedMp4IsCorrupt() throws Exception {
    byte[] bytes = Files.readAllBytes(clip);
    Path truncated = Files.write(dir.resolve("truncated.mp4"), Arrays.copyOf(bytes, bytes.length / 2));
    fails(truncated, "video/mp4", FailureCode.CORRUPT_MEDIA);
  }

  @Test
  void nonMediaBytes() throws Exception {
    byte[] junk = new byte[64 * 1024];
    new Random(7).nextBytes(junk);
    junk[0] = 0x00;
    Path file = Files.write(dir.resolve("junk.bin"), junk);
    fails(file, "video/mp4", FailureCode.TYPE_MISMATCH);
    fails(file, "application/octet-stream", FailureCode.TYPE_MISMATCH);
    assertThatThrownBy(() -> new Ffprobe(TestMedia.binaries()).json(file))
        .isInstanceOfSatisfying(JobFailure.class, f -> assertThat(f.code()).isEqualTo(FailureCode.UNSUPPORTED_FORMAT));
  }

  @Test
  void textDeclaredAsVideoIsATypeMismatch() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.txt"), "these are my notes, not a video\n");
    assertThatThrownBy(() -> inspector.inspect(text, "video/mp4", "k"))
        .isInstanceOfSatisfying(JobFailure.class, f -> {
          assertThat(f.code()).isEqualTo(FailureCode.TYPE_MISMATCH);
          assertThat(f.getMessage()).contains("video/mp4").contains("text/plain");
        });
  }

  @Test
  void zeroDuration() {
    Path emptyWav = TestMedia.ffmpeg(dir.resolve("empty.wav"), "-f", "lavfi", "-i", "sine", "-t", "0");
    fails(emptyWav, "audio/wav", FailureCode.EMPTY_MEDIA);
    Path emptyMp4 = TestMedia.ffmpeg(dir.resolve("empty.mp4"), "-f", "lavfi", "-i", "testsrc2=size=160x120", "-t", "0", "-c:v", "libx264");
    fails(emptyMp4, "video/mp4", FailureCode.EMPTY_MEDIA);
  }
}
