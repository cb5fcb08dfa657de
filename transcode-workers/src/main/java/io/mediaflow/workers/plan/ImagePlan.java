package io.mediaflow.workers.plan;

import io.mediaflow.events.MediaInfo;
import io.mediaflow.events.MediaKind;
import io.mediaflow.events.RenditionProfile;
import io.mediaflow.workers.failure.FailureCode;
import io.mediaflow.workers.failure.JobFailure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How an IMAGE profile becomes one JPEG variant. The box is applied by ffmpeg to the picture as it is
 * displayed: ffmpeg turns a JPEG by its EXIF orientation while decoding, which ffprobe does not
 * report at stream level, so a size computed here from the probe could be the wrong way round. The
 * scale keeps the aspect ratio and takes min(source, box) on each side, so it never upscales; the
 * real size is read back from the output.
 */
public final class ImagePlan {

  private ImagePlan() {}

  public static FfmpegCommand command(RenditionProfile profile, MediaInfo media, Path input, Path output) {
    if (profile.getKind() != MediaKind.IMAGE || media.getKind() != MediaKind.IMAGE) {
      throw new JobFailure(
          FailureCode.UNSUPPORTED_PROFILE,
          "profile " + profile.getName() + " (" + profile.getKind() + ") cannot be made from a " + media.getKind() + " source");
    }
    int boxWidth = profile.getWidth() > 0 ? profile.getWidth() : Integer.MAX_VALUE;
    int boxHeight = profile.getHeight() > 0 ? profile.getHeight() : Integer.MAX_VALUE;
    List<String> in = new ArrayList<>(InputFormats.imageGuard());
    List<String> out =
        List.of(
            "-map", "0:v:0",
            // an animated GIF or WebP gives its first frame
            "-frames:v", "1",
            "-vf", scale(boxWidth, boxHeight),
            "-c:v", "mjpeg",
            "-q:v", "3",
            "-f", "image2",
            "-update", "1");
    return new FfmpegCommand(in, input, out, output);
  }

  static String scale(int boxWidth, int boxHeight) {
    return "scale=w='min(iw," + boxWidth + ")':h='min(ih," + boxHeight + ")'"
        + ":force_original_aspect_ratio=decrease,setsar=1";
  }
}
