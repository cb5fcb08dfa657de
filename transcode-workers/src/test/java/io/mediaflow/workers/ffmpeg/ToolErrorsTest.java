package io.mediaflow.workers.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.workers.failure.FailureCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines are what ffmpeg 7.1 printed in the ITs of this module. */
class ToolErrorsTest {

  static FailureCode code(String tool, String... lines) {
    return ToolErrors.failure(tool, 1, List.of(lines)).code();
  }

  @Test
  void whitelistRefusalIsAnUnsupportedFormat() {
    assertThat(code("ffmpeg", "[hls @ 0x55] [error] Format not on whitelist 'mov,mp4'", "[fatal] Error opening input files: Invalid argument"))
        .isEqualTo(FailureCode.UNSUPPORTED_FORMAT);
  }

  @Test
  void truncatedOrDamagedMediaIsCorrupt() {
    assertThat(code("ffprobe", "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55] moov atom not found", "x: Invalid data found when processing input"))
        .isEqualTo(FailureCode.CORRUPT_MEDIA);
    assertThat(code("ffmpeg", "[h264 @ 0x1] Invalid NAL unit size")).isEqualTo(FailureCode.CORRUPT_MEDIA);
  }

  @Test
  void bytesNoDemuxerKnowsAreUnsupported() {
    assertThat(code("ffprobe", "junk.bin: Invalid data found when processing input")).isEqualTo(FailureCode.UNSUPPORTED_FORMAT);
  }

  @Test
  void aFullDiskIsRetryable() {
    assertThat(code("ffmpeg", "av_interleaved_write_frame(): No space left on device")).isEqualTo(FailureCode.INSUFFICIENT_DISK);
  }

  @Test
  void anythingElseIsAnEncodeFailureWithTheTailAsReason() {
    var f = ToolErrors.failure("ffmpeg", 187, List.of("Unknown encoder 'libx265'"));
    assertThat(f.code()).isEqualTo(FailureCode.ENCODE_FAILED);
    assertThat(f.getMessage()).isEqualTo("ffmpeg exited with 187: Unknown encoder 'libx265'");
  }

  @Test
  void keepsOnlyTheLastLines() {
    StderrTail tail = new StderrTail();
    for (int i = 0; i < 40; i++) {
      tail.add("line " + i);
    }
    tail.add("  ");
    assertThat(tail.lines()).hasSize(StderrTail.LINES).endsWith("line 39");
  }
}
