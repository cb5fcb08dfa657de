package io.mediaflow.workers.ffmpeg;

import io.mediaflow.workers.failure.FailureCode;
import io.mediaflow.workers.failure.JobFailure;
import java.util.List;
import java.util.Locale;

/** Reads why ffmpeg or ffprobe gave up from the last lines it wrote, and names the failure. */
public final class ToolErrors {

  private ToolErrors() {}

  public static JobFailure failure(String tool, int exitCode, List<String> tail) {
    String text = String.join("\n", tail).toLowerCase(Locale.ROOT);
    FailureCode code;
    if (text.contains("whitelist")) {
      code = FailureCode.UNSUPPORTED_FORMAT;
    } else if (text.contains("no space left on device")) {
      code = FailureCode.INSUFFICIENT_DISK;
    } else if (text.contains("moov atom not found")
        || text.contains("truncat")
        || text.contains("error while decoding")
        || text.contains("invalid nal")
        || text.contains("could not find codec parameters")
        || text.contains("corrupt")) {
      code = FailureCode.CORRUPT_MEDIA;
    } else if (text.contains("invalid data found when processing input")) {
      // no demuxer recognised the bytes: not a container we accept
      code = FailureCode.UNSUPPORTED_FORMAT;
    } else {
      code = tool.equals("ffprobe") ? FailureCode.UNSUPPORTED_FORMAT : FailureCode.ENCODE_FAILED;
    }
    String reason = tool + " exited with " + exitCode + (tail.isEmpty() ? "" : ": " + String.join(" | ", tail));
    return new JobFailure(code, reason);
  }
}
