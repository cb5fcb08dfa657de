package io.mediaflow.api.playback;

import io.mediaflow.api.assets.Asset;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Builds the HLS master playlist from an asset's READY renditions (it is never stored: renditions
 * become ready one by one). Lowest bandwidth first, which is also where most players start.
 */
public final class MasterPlaylist {

  /** H.264 High@3.1 + AAC-LC: what the workers' default profiles produce. */
  static final String DEFAULT_CODECS = "avc1.64001f,mp4a.40.2";
  /** BANDWIDTH is mandatory; a rendition whose bitrate is unknown is announced as this. */
  static final long UNKNOWN_BANDWIDTH = 1_000_000L;
  private static final Pattern SAFE_CODECS = Pattern.compile("[A-Za-z0-9.,]{1,100}");

  private MasterPlaylist() {}

  /**
   * @param renditionUrl the (signed) URL of one rendition's playlist
   */
  public static String build(List<Asset.Rendition> ready, Function<Asset.Rendition, String> renditionUrl) {
    StringBuilder out = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n");
    ready.stream()
        .sorted(Comparator.comparingLong(MasterPlaylist::bandwidth))
        .forEach(
            r -> {
              out.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(bandwidth(r));
              if (r.width() != null && r.height() != null) {
                out.append(",RESOLUTION=").append(r.width()).append('x').append(r.height());
              }
              out.append(",CODECS=\"").append(codecs(r)).append("\"\n");
              out.append(renditionUrl.apply(r)).append('\n');
            });
    return out.toString();
  }

  static long bandwidth(Asset.Rendition r) {
    return r.bitrate() != null && r.bitrate() > 0 ? r.bitrate() : UNKNOWN_BANDWIDTH;
  }

  /** The projection's codecs if they are a plain codec list (no quote can break the playlist). */
  static String codecs(Asset.Rendition r) {
    return r.codecs() != null && SAFE_CODECS.matcher(r.codecs()).matches() ? r.codecs() : DEFAULT_CODECS;
  }
}
