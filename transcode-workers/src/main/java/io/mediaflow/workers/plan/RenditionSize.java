package io.mediaflow.workers.plan;

/**
 * The picture size of a rendition: the source as displayed (rotation applied), fitted into the
 * profile's box turned the same way as the source (a portrait phone video in a 1280x720 profile
 * becomes 720 wide), never upscaled, both sides even as H.264 4:2:0 needs.
 */
public record RenditionSize(int width, int height) {

  public static RenditionSize fit(int srcWidth, int srcHeight, int rotation, int boxWidth, int boxHeight) {
    if (srcWidth <= 0 || srcHeight <= 0) {
      throw new IllegalArgumentException("source size unknown: " + srcWidth + "x" + srcHeight);
    }
    boolean turned = Math.floorMod(rotation, 180) == 90;
    int w = turned ? srcHeight : srcWidth;
    int h = turned ? srcWidth : srcHeight;
    boolean portrait = h > w;
    int bw = boxWidth > 0 ? boxWidth : w;
    int bh = boxHeight > 0 ? boxHeight : h;
    if (portrait && bw > bh) {
      int t = bw;
      bw = bh;
      bh = t;
    }
    double scale = Math.min(1.0, Math.min((double) bw / w, (double) bh / h));
    return new RenditionSize(even(w * scale), even(h * scale));
  }

  private static int even(double v) {
    int r = (int) Math.round(v);
    return Math.max(2, r - (r % 2));
  }
}
