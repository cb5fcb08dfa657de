package io.mediaflow.workers.media;

import io.mediaflow.events.MediaInfo;
import io.mediaflow.workers.failure.FailureCode;
import io.mediaflow.workers.failure.JobFailure;
import io.mediaflow.workers.ffmpeg.Ffprobe;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What an uploaded file really is: its first bytes against the declared type, then ffprobe (format
 * whitelist) for streams, codecs, duration, size and rotation, then the limits.
 */
public final class MediaInspector {

  private final Ffprobe ffprobe;
  private final MediaLimits limits;

  public MediaInspector(Ffprobe ffprobe, MediaLimits limits) {
    this.ffprobe = ffprobe;
    this.limits = limits;
  }

  public MediaInfo inspect(Path file, String declaredType, String sourceKey) throws InterruptedException {
    SniffedType sniffed = TypeSniffer.sniff(head(file));
    if (!DeclaredType.accepts(declaredType, sniffed)) {
      throw new JobFailure(
          FailureCode.TYPE_MISMATCH,
          "declared " + declaredType + " but the content is " + sniffed.mime());
    }
    MediaInfo media = ProbeMapper.toMediaInfo(ffprobe.json(file), sniffed.mime(), size(file), sourceKey);
    limits.check(media);
    return media;
  }

  private static byte[] head(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(TypeSniffer.HEAD_BYTES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
