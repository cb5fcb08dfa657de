package io.mediaflow.workers.jobs;

import io.mediaflow.workers.failure.FailureCode;
import io.mediaflow.workers.failure.JobFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A job's private temporary directory. Created only when the disk has room for the job, and removed
 * with everything in it when the job ends, whether it succeeded or not.
 */
public final class Workspace implements AutoCloseable {

  private final Path dir;

  private Workspace(Path dir) {
    this.dir = dir;
  }

  /**
   * @param requiredBytes what the job will write plus the reserve the disk must keep
   */
  public static Workspace create(Path root, String jobId, long requiredBytes) {
    try {
      Files.createDirectories(root);
      long usable = Files.getFileStore(root).getUsableSpace();
      if (usable < requiredBytes) {
        throw new JobFailure(
            FailureCode.INSUFFICIENT_DISK,
            "job needs " + mib(requiredBytes) + " MiB free under " + root + ", " + mib(usable) + " MiB are");
      }
      String safe = jobId.replaceAll("[^A-Za-z0-9._-]", "_");
      return new Workspace(Files.createTempDirectory(root, safe + "-"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a workspace under " + root, e);
    }
  }

  public Path dir() {
    return dir;
  }

  public Path file(String name) {
    return dir.resolve(name);
  }

  @Override
  public void close() {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // already gone, or half gone: nothing more to do
    }
  }

  private static long mib(long bytes) {
    return bytes / (1024 * 1024);
  }
}
