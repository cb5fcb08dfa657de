package io.mediaflow.workers.transcode;

import io.mediaflow.workers.plan.ObjectKeys;
import io.mediaflow.workers.storage.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** Moving a transcode job's files between its workspace and the store. */
final class RenditionFiles {

  private final ObjectStore store;

  RenditionFiles(ObjectStore store) {
    this.store = store;
  }

  void download(String key, Path target) {
    try (InputStream in = store.open(key)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot download " + key, e);
    }
  }

  /** Segments first, then the playlist, so a playlist in the store always has its segments. */
  long uploadHls(Path out, String prefix) {
    List<Path> segments;
    try (Stream<Path> files = Files.list(out)) {
      segments = files.filter(p -> p.getFileName().toString().endsWith(".ts")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long bytes = 0;
    for (Path segment : segments) {
      bytes += upload(segment, ObjectKeys.inPrefix(prefix, segment.getFileName().toString()), "video/mp2t");
    }
    return bytes + upload(out.resolve(ObjectKeys.PLAYLIST), ObjectKeys.inPrefix(prefix, ObjectKeys.PLAYLIST),
        "application/vnd.apple.mpegurl");
  }

  /** @return the file's size */
  long upload(Path file, String key, String contentType) {
    store.upload(file, key, contentType);
    return size(file);
  }

  static Path createDir(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
