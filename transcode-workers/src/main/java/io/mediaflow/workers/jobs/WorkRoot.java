package io.mediaflow.workers.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's own folder for job workspaces, {@code <root>/w-<id>/}, owned through an OS file lock
 * on {@code <root>/w-<id>.lock} held for the life of the process. The kernel drops the lock when the
 * process dies however it dies (SIGKILL included), so at start-up a worker removes exactly the
 * instance folders whose lock it can take: those of dead workers. A live worker's folder, on the same
 * machine or in this JVM, is never touched, nor is anything under the root not named like an instance.
 * (A work dir shared over NFS between machines needs working NFS locks; use a local disk.)
 */
public final class WorkRoot implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WorkRoot.class);
  private static final Pattern INSTANCE = Pattern.compile("w-[0-9a-f]{16}");
  private static final String LOCK = ".lock";
  private static final String NEW = ".new";

  private final Path dir;
  private final Path lockFile;
  private final FileChannel channel;

  private WorkRoot(Path dir, Path lockFile, FileChannel channel) {
    this.dir = dir;
    this.lockFile = lockFile;
    this.channel = channel;
  }

  /** Removes what dead instances left under {@code root}, then takes a new instance folder. */
  public static WorkRoot claim(Path root) {
    try {
      Files.createDirectories(root);
      sweep(root);
      String id = "w-" + HexFormat.of().formatHex(ThreadLocalRandom.current().ints(8, 0, 256)
          .collect(java.io.ByteArrayOutputStream::new, (o, b) -> o.write(b), (a, b) -> {}).toByteArray());
      Path lockFile = root.resolve(id + LOCK);
      // locked under a name no sweep reads, then renamed (the lock stays with the file): a sweeper can
      // never take the lock of a starting worker; and lock first, folder second, so a folder without
      // its lock file is never a live one
      Path fresh = root.resolve(id + LOCK + NEW);
      FileChannel channel = FileChannel.open(fresh, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      channel.lock();
      try {
        Files.move(fresh, lockFile, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.NoSuchFileException e) {
        // a worker starting at the same instant swept it before the lock was taken: take another
        channel.close();
        return claim(root);
      }
      return new WorkRoot(Files.createDirectories(root.resolve(id)), lockFile, channel);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set up the work dir " + root, e);
    }
  }

  /** Where this process's job workspaces go. */
  public Path dir() {
    return dir;
  }

  /** Removes this instance's folder and gives up its lock. */
  @Override
  public void close() {
    delete(dir);
    try {
      Files.deleteIfExists(lockFile);
      channel.close();
    } catch (IOException ignored) {
      // the next worker to start sweeps it
    }
  }

  static void sweep(Path root) throws IOException {
    List<Path> entries;
    try (Stream<Path> list = Files.list(root)) {
      entries = list.toList();
    }
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      if (name.endsWith(LOCK) && INSTANCE.matcher(name.substring(0, name.length() - LOCK.length())).matches()) {
        sweepIfDead(entry, root.resolve(name.substring(0, name.length() - LOCK.length())));
      } else if (name.endsWith(LOCK + NEW) && INSTANCE.matcher(name.substring(0, name.length() - LOCK.length() - NEW.length())).matches()) {
        sweepIfDead(entry, root.resolve(name.substring(0, name.length() - LOCK.length() - NEW.length())));
      } else if (INSTANCE.matcher(name).matches() && Files.isDirectory(entry) && !Files.exists(root.resolve(name + LOCK))) {
        log.info("removing {}: an instance folder without its lock (a removal cut short)", entry);
        delete(entry);
      }
    }
  }

  private static void sweepIfDead(Path lockFile, Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = ch.tryLock();
      if (lock == null) {
        return; // another live process holds it
      }
      log.info("removing {}: its worker is gone", dir);
      delete(dir);
      Files.deleteIfExists(lockFile);
    } catch (OverlappingFileLockException e) {
      // held by this JVM: a live instance
    } catch (java.nio.file.NoSuchFileException e) {
      // swept by another starting worker meanwhile
    }
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // half gone: the next sweep finishes it
    }
  }
}
