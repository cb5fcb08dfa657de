package io.mediaflow.workers.ffmpeg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Generates tiny media with ffmpeg's lavfi sources, for tests. */
public final class TestMedia {

  private static FfmpegBinaries binaries;

  private TestMedia() {}

  public static synchronized FfmpegBinaries binaries() {
    if (binaries == null) {
      binaries = FfmpegBinaries.resolve("", "");
    }
    return binaries;
  }

  /** A clip with picture and a 440 Hz tone, H.264/AAC in mp4. */
  public static Path clip(Path dir, String name, int seconds, String size) {
    return ffmpeg(dir.resolve(name),
        "-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=25",
        "-f", "lavfi", "-i", "sine=frequency=440",
        "-t", Integer.toString(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-shortest");
  }

  public static Path audio(Path dir, String name, int seconds) {
    return ffmpeg(dir.resolve(name), "-f", "lavfi", "-i", "sine=frequency=440", "-t", Integer.toString(seconds));
  }

  public static Path image(Path dir, String name) {
    return ffmpeg(dir.resolve(name), "-f", "lavfi", "-i", "testsrc2=size=320x240", "-frames:v", "1");
  }

  public static Path ffmpeg(Path out, String... args) {
    List<String> cmd = new ArrayList<>(List.of(binaries().ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-y"));
    cmd.addAll(List.of(args));
    cmd.add(out.toString());
    try {
      Files.createDirectories(out.getParent());
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String log = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("test media failed: " + cmd + "\n" + log);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** ffprobe without the whitelist: what an unguarded worker would see. */
  public static int unguardedProbeExit(Path input) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(binaries().ffprobe().toString(), "-v", "error", "-show_format", input.toString())
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    p.waitFor(30, TimeUnit.SECONDS);
    return p.exitValue();
  }
}
