package io.mediaflow.workers.ffmpeg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.bytedeco.javacpp.Loader;

/**
 * The ffmpeg and ffprobe executables: the ones shipped in the bytedeco Maven artifacts by default
 * (extracted once to the javacpp cache directory), or a system installation when FFMPEG_PATH and
 * FFPROBE_PATH are set.
 */
public record FfmpegBinaries(Path ffmpeg, Path ffprobe) {

  public FfmpegBinaries {
    for (Path exe : new Path[] {ffmpeg, ffprobe}) {
      if (!Files.isExecutable(exe)) {
        throw new IllegalStateException(exe + " is not an executable file");
      }
    }
  }

  /** Resolves the configured paths, falling back to the bytedeco binaries for blank ones. */
  public static FfmpegBinaries resolve(String ffmpegPath, String ffprobePath) {
    try {
      return load(ffmpegPath, ffprobePath);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the bundled ffmpeg", e);
    } catch (UnsatisfiedLinkError e) {
      throw new IllegalStateException(
          "the ffmpeg bundled from Maven cannot run here ("
              + e.getMessage()
              + "); install its system libraries (Debian: apt-get install libpulse0),"
              + " or point FFMPEG_PATH and FFPROBE_PATH at a system ffmpeg",
          e);
    }
  }

  private static FfmpegBinaries load(String ffmpegPath, String ffprobePath) throws IOException {
    Path ffmpeg =
        isBlank(ffmpegPath)
            ? wrapped(Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class)))
            : Path.of(ffmpegPath);
    Path ffprobe =
        isBlank(ffprobePath)
            ? wrapped(Path.of(Loader.load(org.bytedeco.ffmpeg.ffprobe.class)))
            : Path.of(ffprobePath);
    return new FfmpegBinaries(ffmpeg, ffprobe);
  }

  /**
   * The bundled executables find their shared libraries (libavcodec...) only through
   * LD_LIBRARY_PATH; a wrapper script beside them, named like them in a sibling folder, sets it, so
   * that Jaffree and plain ProcessBuilder callers can run them like any ffmpeg.
   */
  private static Path wrapped(Path executable) throws IOException {
    Path libs = executable.getParent();
    Path dir = libs.resolveSibling(libs.getFileName() + "-bin");
    Files.createDirectories(dir);
    Path wrapper = dir.resolve(executable.getFileName());
    String script =
        "#!/bin/sh\n"
            + "LD_LIBRARY_PATH='"
            + libs
            + "'${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} exec '"
            + executable
            + "' \"$@\"\n";
    if (!Files.exists(wrapper) || !Files.readString(wrapper).equals(script)) {
      Path tmp = Files.createTempFile(dir, "wrapper", ".tmp");
      Files.writeString(tmp, script);
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.move(tmp, wrapper, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
    return wrapper;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
