package io.mediaflow.workers.plan;

/** Object keys of docs/CONTRACTS.md; deterministic, so a redelivered job overwrites its outputs. */
public final class ObjectKeys {

  public static final String PLAYLIST = "index.m3u8";
  public static final String SEGMENT_PATTERN = "seg_%05d.ts";
  public static final String IMAGE = "image.jpg";
  public static final String SPRITE = "sprite.jpg";
  public static final String STORYBOARD_VTT = "storyboard.vtt";

  private ObjectKeys() {}

  public static String source(String assetId) {
    return "assets/" + assetId + "/source";
  }

  public static String thumbnail(String assetId) {
    return "assets/" + assetId + "/thumbnail.jpg";
  }

  public static String renditionPrefix(String assetId, int generation, String profile) {
    return "assets/" + assetId + "/g" + generation + "/" + profile + "/";
  }

  /** Where the one storyboard of a generation goes: the sprite sheet and its WebVTT beside it. */
  public static String storyboardPrefix(String assetId, int generation) {
    return "assets/" + assetId + "/g" + generation + "/storyboard/";
  }

  /** A file of a rendition: the prefix from the job (ending in '/') and the local file name. */
  public static String inPrefix(String outputPrefix, String fileName) {
    return outputPrefix.endsWith("/") ? outputPrefix + fileName : outputPrefix + "/" + fileName;
  }
}
