package io.mediaflow.workers.ffmpeg;

import io.mediaflow.workers.failure.FailureCode;
import io.mediaflow.workers.failure.JobFailure;
import io.mediaflow.workers.plan.InputFormats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * ffprobe's raw JSON for a file, guarded by the format whitelist. Run as a plain process rather than
 * through Jaffree's result model so that the JSON → MediaInfo mapping (rotation from side data,
 * attached pictures) stays one pure, tested function over the documented ffprobe output.
 */
public final class Ffprobe {

  private static final long TIMEOUT_SECONDS = 60;
  private final FfmpegBinaries binaries;

  public Ffprobe(FfmpegBinaries binaries) {
    this.binaries = binaries;
  }

  public String json(Path input) throws InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(binaries.ffprobe().toString(), "-hide_banner", "-v", "error"));
    cmd.addAll(InputFormats.guard());
    cmd.addAll(List.of("-print_format", "json", "-show_format", "-show_streams", "-i", input.toString()));
    Path stderr = input.resolveSibling(input.getFileName() + ".ffprobe.log");
    try {
      Process p =
          new ProcessBuilder(cmd)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .redirectError(stderr.toFile())
              .start();
      byte[] out;
      try {
        out = p.getInputStream().readAllBytes();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          throw new JobFailure(FailureCode.CORRUPT_MEDIA, "ffprobe did not finish within " + TIMEOUT_SECONDS + " s");
        }
      } finally {
        p.destroyForcibly();
      }
      if (p.exitValue() != 0) {
        StderrTail tail = new StderrTail();
        Files.readAllLines(stderr, StandardCharsets.UTF_8).forEach(tail::add);
        throw ToolErrors.failure("ffprobe", p.exitValue(), tail.lines());
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new JobFailure(FailureCode.INTERNAL_ERROR, "ffprobe could not run: " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(stderr);
      } catch (IOException ignored) {
        // inside the job's workspace, removed with it
      }
    }
  }
}
