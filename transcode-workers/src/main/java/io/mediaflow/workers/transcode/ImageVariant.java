package io.mediaflow.workers.transcode;

import io.mediaflow.events.MediaInfo;
import io.mediaflow.events.RenditionResult;
import io.mediaflow.events.TranscodeTask;
import io.mediaflow.workers.ffmpeg.FfmpegRunner;
import io.mediaflow.workers.ffmpeg.Ffprobe;
import io.mediaflow.workers.media.ProbeMapper;
import io.mediaflow.workers.plan.ImagePlan;
import io.mediaflow.workers.plan.ObjectKeys;
import java.nio.file.Path;

/**
 * The transcode job of an IMAGE profile: one JPEG fitted into the profile's box, stored as
 * {@code {outputPrefix}image.jpg}. Its size is read back from the file, because ffmpeg applies the
 * EXIF orientation that the probe of the source cannot see.
 */
final class ImageVariant {

  private final FfmpegRunner ffmpeg;
  private final Ffprobe ffprobe;
  private final RenditionFiles files;

  ImageVariant(FfmpegRunner ffmpeg, Ffprobe ffprobe, RenditionFiles files) {
    this.ffmpeg = ffmpeg;
    this.ffprobe = ffprobe;
    this.files = files;
  }

  RenditionResult make(TranscodeTask task, Path source, Path outDir) throws InterruptedException {
    // no extension: the size is read back through the whitelisted probe, which takes a ".jpg" for image2
    Path image = outDir.resolve("image");
    ffmpeg.run(ImagePlan.command(task.getProfile(), task.getMedia(), source, image), s -> {});
    String key = ObjectKeys.inPrefix(task.getOutputPrefix(), ObjectKeys.IMAGE);
    MediaInfo made = ProbeMapper.toMediaInfo(ffprobe.json(image), "image/jpeg", RenditionFiles.size(image), key);
    long bytes = files.upload(image, key, "image/jpeg");
    return RenditionResult.newBuilder()
        .setProfile(task.getProfile().getName())
        .setWidth(made.getWidth())
        .setHeight(made.getHeight())
        .setBitrate(0)
        .setCodecs("")
        .setPlaylistKey(key)
        .setDurationSeconds(0)
        .setBytes(bytes)
        .setStoryboardKey(null)
        .build();
  }
}
