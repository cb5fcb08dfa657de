package io.mediaflow.workers.plan;

/**
 * Where the thumbnail is taken (the seed's rule): 10% in but at least 3 s, and never past 20% or
 * 30 s. The upper bound wins for short clips, so the frame is always inside the media.
 */
public final class ThumbnailPosition {

  private ThumbnailPosition() {}

  public static double seconds(double durationSeconds) {
    if (!(durationSeconds > 0) || Double.isInfinite(durationSeconds)) {
      return 0; // an image, or a duration nobody knows: the first frame
    }
    return Math.min(Math.max(durationSeconds * 0.1, 3), Math.min(durationSeconds * 0.2, 30));
  }
}
