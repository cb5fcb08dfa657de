package io.mediaflow.workers.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediaflow.workers.failure.FailureCode;
import io.mediaflow.workers.failure.JobFailure;
import io.mediaflow.workers.plan.ThumbnailPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload that is really an HLS playlist or an ffconcat script names another local file (here a
 * neighbour's upload). Without the whitelist ffprobe follows it; with it, ffprobe and ffmpeg both
 * refuse the input and nothing is produced.
 */
@Tag("integration")
class UntrustedInputIT {

  @TempDir static Path dir;
  static Path neighbourTs;
  static Path neighbourMp4;
  static Ffprobe ffprobe;
  static FfmpegRunner ffmpeg;

  @BeforeAll
  static void media() {
    neighbourMp4 = TestMedia.clip(dir, "neighbour.mp4", 2, "160x120");
    neighbourTs = TestMedia.ffmpeg(dir.resolve("neighbour.ts"), "-i", neighbourMp4.toString(), "-c", "copy");
    ffprobe = new Ffprobe(TestMedia.binaries());
    ffmpeg = new FfmpegRunner(TestMedia.binaries());
  }

  static Path upload(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void hlsPlaylistPointingAtANeighbourIsRefused() throws Exception {
    // ffmpeg 7 only detects playlists by extension; a system ffmpeg 5 (FFMPEG_PATH) by content
    Path upload = upload("upload.m3u8", "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\nneighbour.ts\n#EXT-X-ENDLIST\n");
    assertThat(TestMedia.unguardedProbeExit(upload)).as("unguarded ffprobe follows the playlist").isZero();

    assertRefused(upload);
  }

  @Test
  void ffconcatScriptPointingAtANeighbourIsRefused() throws Exception {
    Path upload = upload("upload-concat", "ffconcat version 1.0\nfile 'neighbour.mp4'\n");
    assertThat(TestMedia.unguardedProbeExit(upload)).as("unguarded ffprobe follows the script").isZero();

    assertRefused(upload);
  }

  private static void assertRefused(Path upload) {
    assertThatThrownBy(() -> ffprobe.json(upload))
        .isInstanceOfSatisfying(JobFailure.class, f -> {
          assertThat(f.code()).isEqualTo(FailureCode.UNSUPPORTED_FORMAT);
          assertThat(f.getMessage()).contains("ffprobe");
        });
    Path thumb = upload.resolveSibling(upload.getFileName() + ".jpg");
    assertThatThrownBy(() -> ffmpeg.run(ThumbnailPlan.command(upload, 2, thumb), s -> {}))
        .isInstanceOfSatisfying(JobFailure.class, f -> {
          assertThat(f.code()).isEqualTo(FailureCode.UNSUPPORTED_FORMAT);
          assertThat(f.getMessage()).contains("ffmpeg exited");
        });
    assertThat(thumb).doesNotExist();
  }
}
