package io.mediaflow.workers.transcode;

import io.mediaflow.events.Job;
import io.mediaflow.events.RenditionResult;
import io.mediaflow.events.TranscodeTask;
import io.mediaflow.workers.ffmpeg.FfmpegRunner;
import io.mediaflow.workers.jobs.Workspace;
import io.mediaflow.workers.plan.HlsPlan;
import io.mediaflow.workers.plan.ObjectKeys;
import io.mediaflow.workers.storage.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.stream.Stream;

/**
 * The transcode job: one HLS rendition of one profile under the job's output prefix. The source is
 * downloaded first (ffmpeg reads only a local file, behind the whitelist); segments are uploaded
 * before the playlist, so a playlist in the store always has its segments.
 */
public final class TranscodeExecutor {

  private final ObjectStore store;
  private final FfmpegRunner ffmpeg;
  private final Path workRoot;
  private final long reserveBytes;

  public TranscodeExecutor(ObjectStore store, FfmpegRunner ffmpeg, Path workRoot, long reserveBytes) {
    this.store = store;
    this.ffmpeg = ffmpeg;
    this.workRoot = workRoot;
    this.reserveBytes = reserveBytes;
  }

  /**
   * @param percent receives the share of the media encoded so far, 0..100
   */
  public RenditionResult execute(Job job, TranscodeTask task, DoubleConsumer percent) throws InterruptedException {
    long sourceBytes = Math.max(0, task.getMedia().getBytes());
    try (Workspace ws = Workspace.create(workRoot, job.getJobId(), reserveBytes + 3 * sourceBytes)) {
      Path source = ws.file("source");
      download(task.getSourceKey(), source);
      Path out = createDir(ws.file("out"));
      HlsPlan plan = HlsPlan.of(task.getProfile(), task.getMedia(), task.getSegmentSeconds(), source, out);
      double duration = task.getMedia().getDurationSeconds();
      ffmpeg.run(plan.command(), done -> percent.accept(duration > 0 ? 100 * done / duration : 0));
      long bytes = uploadRendition(out, task.getOutputPrefix());
      return RenditionResult.newBuilder()
          .setProfile(task.getProfile().getName())
          .setWidth(plan.width())
          .setHeight(plan.height())
          .setBitrate(plan.bitrate())
          .setCodecs(plan.codecs())
          .setPlaylistKey(ObjectKeys.inPrefix(task.getOutputPrefix(), ObjectKeys.PLAYLIST))
          .setDurationSeconds(duration)
          .setBytes(bytes)
          .setStoryboardKey(null)
          .build();
    }
  }

  private long uploadRendition(Path out, String prefix) {
    List<Path> segments;
    try (Stream<Path> files = Files.list(out)) {
      segments = files.filter(p -> p.getFileName().toString().endsWith(".ts")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long bytes = 0;
    for (Path segment : segments) {
      store.upload(segment, ObjectKeys.inPrefix(prefix, segment.getFileName().toString()), "video/mp2t");
      bytes += size(segment);
    }
    Path playlist = out.resolve(ObjectKeys.PLAYLIST);
    store.upload(playlist, ObjectKeys.inPrefix(prefix, ObjectKeys.PLAYLIST), "application/vnd.apple.mpegurl");
    return bytes + size(playlist);
  }

  private void download(String key, Path target) {
    try (InputStream in = store.open(key)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot download " + key, e);
    }
  }

  private static Path createDir(Path dir) {
    try {
      return Files.createDirectories(dir);
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
