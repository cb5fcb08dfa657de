package io.mediaflow.workers.transcode;

import io.mediaflow.events.Job;
import io.mediaflow.events.MediaInfo;
import io.mediaflow.events.MediaKind;
import io.mediaflow.events.RenditionResult;
import io.mediaflow.events.TranscodeTask;
import io.mediaflow.workers.ffmpeg.FfmpegRunner;
import io.mediaflow.workers.ffmpeg.Ffprobe;
import io.mediaflow.workers.jobs.Workspace;
import io.mediaflow.workers.plan.FfmpegCommand;
import io.mediaflow.workers.plan.HlsPlan;
import io.mediaflow.workers.plan.ObjectKeys;
import io.mediaflow.workers.plan.StoryboardPlan;
import io.mediaflow.workers.storage.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoubleConsumer;

/**
 * The transcode job: the source downloaded (ffmpeg reads only a local file, behind the whitelist),
 * then one HLS rendition under the job's output prefix, or one image variant for an IMAGE profile.
 * The job flagged {@code storyboard} also makes the asset's sprite sheet and WebVTT in the same
 * ffmpeg run, from the same decoded frames, so the storyboard costs no second decode.
 */
public final class TranscodeExecutor {

  private final FfmpegRunner ffmpeg;
  private final RenditionFiles files;
  private final ImageVariant images;
  private final Path workRoot;
  private final long reserveBytes;

  public TranscodeExecutor(ObjectStore store, FfmpegRunner ffmpeg, Ffprobe ffprobe, Path workRoot, long reserveBytes) {
    this.ffmpeg = ffmpeg;
    this.files = new RenditionFiles(store);
    this.images = new ImageVariant(ffmpeg, ffprobe, files);
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
      files.download(task.getSourceKey(), source);
      Path out = RenditionFiles.createDir(ws.file("out"));
      if (task.getProfile().getKind() == MediaKind.IMAGE) {
        return images.make(task, source, out);
      }
      return hls(job, task, source, out, percent);
    }
  }

  private RenditionResult hls(Job job, TranscodeTask task, Path source, Path out, DoubleConsumer percent)
      throws InterruptedException {
    MediaInfo media = task.getMedia();
    HlsPlan plan = HlsPlan.of(task.getProfile(), media, task.getSegmentSeconds(), source, out);
    StoryboardPlan storyboard = wantsStoryboard(task) ? storyboardOf(media) : null;
    Path storyboardDir = out.resolveSibling("storyboard");
    FfmpegCommand command = storyboard == null
        ? plan.command()
        : plan.command().with(storyboard.output(RenditionFiles.createDir(storyboardDir).resolve(ObjectKeys.SPRITE)));
    double duration = media.getDurationSeconds();
    ffmpeg.run(command, done -> percent.accept(duration > 0 ? 100 * done / duration : 0));
    long bytes = files.uploadHls(out, task.getOutputPrefix());
    String storyboardKey = storyboard == null ? null : uploadStoryboard(job, storyboard, storyboardDir);
    return RenditionResult.newBuilder()
        .setProfile(task.getProfile().getName())
        .setWidth(plan.width())
        .setHeight(plan.height())
        .setBitrate(plan.bitrate())
        .setCodecs(plan.codecs())
        .setPlaylistKey(ObjectKeys.inPrefix(task.getOutputPrefix(), ObjectKeys.PLAYLIST))
        .setDurationSeconds(duration)
        .setBytes(bytes)
        .setStoryboardKey(storyboardKey)
        .build();
  }

  /** Only a video picture has a storyboard; an audio profile flagged by mistake just skips it. */
  private static boolean wantsStoryboard(TranscodeTask task) {
    return task.getStoryboard()
        && task.getProfile().getKind() == MediaKind.VIDEO
        && task.getMedia().getKind() == MediaKind.VIDEO;
  }

  private static StoryboardPlan storyboardOf(MediaInfo media) {
    boolean turned = Math.floorMod(media.getRotation(), 180) == 90;
    return StoryboardPlan.of(media.getDurationSeconds(),
        turned ? media.getHeight() : media.getWidth(), turned ? media.getWidth() : media.getHeight());
  }

  /** The sprite first, then the WebVTT that points at it. */
  private String uploadStoryboard(Job job, StoryboardPlan plan, Path dir) {
    String prefix = ObjectKeys.storyboardPrefix(job.getAssetId(), job.getGeneration());
    files.upload(dir.resolve(ObjectKeys.SPRITE), prefix + ObjectKeys.SPRITE, "image/jpeg");
    Path vtt = dir.resolve(ObjectKeys.STORYBOARD_VTT);
    try {
      Files.writeString(vtt, plan.webVtt(ObjectKeys.SPRITE), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.upload(vtt, prefix + ObjectKeys.STORYBOARD_VTT, "text/vtt");
    return prefix + ObjectKeys.STORYBOARD_VTT;
  }
}
