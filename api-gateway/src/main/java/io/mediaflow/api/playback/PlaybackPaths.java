package io.mediaflow.api.playback;

import io.mediaflow.api.assets.Asset;
import java.util.regex.Pattern;

/** The gateway paths of playback, and the object keys behind them (docs/CONTRACTS.md). */
public final class PlaybackPaths {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

  private PlaybackPaths() {}

  /** A profile or file name from a URL: letters, digits, '_', '.', '-', and never "..". */
  public static boolean safeName(String name) {
    return name != null && NAME.matcher(name).matches() && !name.contains("..");
  }

  public static String master(String assetId) {
    return "/media/" + assetId + "/hls/master.m3u8";
  }

  public static String rendition(String assetId, String profile, String file) {
    return "/media/" + assetId + "/hls/" + profile + "/" + file;
  }

  /** The storyboard's WebVTT or its sprite, by file name (beside each other in the store). */
  public static String storyboard(String assetId, String file) {
    return "/media/" + assetId + "/storyboard/" + file;
  }

  public static String thumbnail(String assetId) {
    return "/media/" + assetId + "/thumbnail.jpg";
  }

  public static String stream(String assetId) {
    return "/media/" + assetId + "/stream";
  }

  /** The last path segment of an object key ("index.m3u8" of ".../720p/index.m3u8"). */
  public static String fileName(String key) {
    return key.substring(key.lastIndexOf('/') + 1);
  }

  /** The key of a file beside the rendition's playlist (its segments), by the playlist's key. */
  public static String siblingKey(Asset.Rendition rendition, String file) {
    return siblingKey(rendition.playlistKey(), file);
  }

  /** The key of a file in the same folder as {@code key}. */
  public static String siblingKey(String key, String file) {
    return key.substring(0, key.lastIndexOf('/') + 1) + file;
  }
}
