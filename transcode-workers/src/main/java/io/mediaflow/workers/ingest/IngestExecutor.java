package io.mediaflow.workers.ingest;

import io.mediaflow.events.IngestTask;
import io.mediaflow.events.Job;
import io.mediaflow.events.MediaInfo;
import io.mediaflow.events.MediaKind;
import io.mediaflow.workers.failure.FailureCode;
import io.mediaflow.workers.failure.JobFailure;
import io.mediaflow.workers.ffmpeg.FfmpegRunner;
import io.mediaflow.workers.jobs.Workspace;
import io.mediaflow.workers.media.MediaInspector;
import io.mediaflow.workers.plan.ObjectKeys;
import io.mediaflow.workers.plan.ThumbnailPlan;
import io.mediaflow.workers.storage.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.IntConsumer;

/**
 * The ingest job: chunks → source object → verified, probed and sniffed file → thumbnail; then the
 * chunks go. Every output key is deterministic, so a redelivered job just writes them again.
 */
public final class IngestExecutor {

  private final ObjectStore store;
  private final SourceAssembler assembler;
  private final MediaInspector inspector;
  private final FfmpegRunner ffmpeg;
  private final Path workRoot;
  private final long reserveBytes;

  public IngestExecutor(ObjectStore store, MediaInspector inspector, FfmpegRunner ffmpeg, Path workRoot, long reserveBytes) {
    this.store = store;
    this.assembler = new SourceAssembler(store);
    this.inspector = inspector;
    this.ffmpeg = ffmpeg;
    this.workRoot = workRoot;
    this.reserveBytes = reserveBytes;
  }

  public MediaInfo execute(Job job, IngestTask task, IntConsumer progress) throws InterruptedException {
    try (Workspace ws = Workspace.create(workRoot, job.getJobId(), reserveBytes + 2 * Math.max(0, task.getFileSize()))) {
      assembler.assemble(task.getChunkKeys(), task.getSourceKey());
      progress.accept(20);
      Path source = ws.file("source");
      verify(download(task.getSourceKey(), source), source, task);
      progress.accept(40);
      MediaInfo media = inspector.inspect(source, task.getDeclaredType(), task.getSourceKey());
      progress.accept(60);
      if (media.getKind() == MediaKind.VIDEO || media.getKind() == MediaKind.IMAGE) {
        Path thumb = ws.file("thumbnail.jpg");
        ffmpeg.run(ThumbnailPlan.command(source, media.getDurationSeconds(), thumb), s -> {});
        String key = ObjectKeys.thumbnail(job.getAssetId());
        store.upload(thumb, key, "image/jpeg");
        media = MediaInfo.newBuilder(media).setThumbnailKey(key).build();
      }
      progress.accept(90);
      for (String chunk : task.getChunkKeys()) {
        store.remove(chunk);
      }
      return media;
    }
  }

  private String download(String key, Path target) {
    try (InputStream in = new DigestInputStream(store.open(key), sha256())) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot download " + key, e);
    }
  }

  private static void verify(String sha256, Path file, IngestTask task) {
    long size = size(file);
    if (task.getFileSize() > 0 && size != task.getFileSize()) {
      throw new JobFailure(FailureCode.SIZE_MISMATCH, "assembled " + size + " bytes, declared " + task.getFileSize());
    }
    String declared = task.getSha256();
    if (declared != null && !declared.isBlank() && !declared.trim().equalsIgnoreCase(sha256)) {
      throw new JobFailure(FailureCode.CHECKSUM_MISMATCH, "SHA-256 of the assembled file is " + sha256 + ", declared " + declared.trim());
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
