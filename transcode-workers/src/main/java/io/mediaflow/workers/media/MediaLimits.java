package io.mediaflow.workers.media;

import io.mediaflow.events.MediaInfo;
import io.mediaflow.events.MediaKind;
import io.mediaflow.workers.failure.FailureCode;
import io.mediaflow.workers.failure.JobFailure;

/**
 * What a probed source must satisfy before anything decodes it: some stream, a duration for audio
 * and video, and a picture no larger than the limits (a forged header declaring 60000x60000 would
 * otherwise make the decoder allocate gigabytes).
 */
public record MediaLimits(int maxSide, long maxPixels) {

  public static final MediaLimits DEFAULT = new MediaLimits(8192, 8192L * 4320);

  public void check(MediaInfo media) {
    if (media.getKind() == MediaKind.UNKNOWN) {
      throw new JobFailure(FailureCode.EMPTY_MEDIA, "no audio or video stream in " + media.getFormatName());
    }
    if (media.getKind() != MediaKind.IMAGE && !(media.getDurationSeconds() > 0)) {
      throw new JobFailure(FailureCode.EMPTY_MEDIA, "the media has zero duration");
    }
    if (media.getKind() != MediaKind.AUDIO) {
      int w = media.getWidth();
      int h = media.getHeight();
      if (w <= 0 || h <= 0) {
        throw new JobFailure(FailureCode.CORRUPT_MEDIA, "the picture size is unknown (" + w + "x" + h + ")");
      }
      if (w > maxSide || h > maxSide || (long) w * h > maxPixels) {
        throw new JobFailure(
            FailureCode.DIMENSIONS_TOO_LARGE,
            "the picture is " + w + "x" + h + "; at most " + maxSide + " per side and " + maxPixels + " pixels are accepted");
      }
    }
  }
}
