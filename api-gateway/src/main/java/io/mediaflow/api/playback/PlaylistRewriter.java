package io.mediaflow.api.playback;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a rendition playlist written by a worker (segments by relative name, docs/CONTRACTS.md)
 * so that each segment, and an {@code EXT-X-MAP} init segment, becomes a signed gateway URL. Lines
 * that are not a plain file name are dropped: a playlist cannot make the player fetch anything else.
 */
public final class PlaylistRewriter {

  private static final Pattern URI_ATTRIBUTE = Pattern.compile("URI=\"([^\"]*)\"");

  private PlaylistRewriter() {}

  /**
   * @param signedUrl the signed URL of a file beside the playlist, by its name
   */
  public static String rewrite(String playlist, Function<String, String> signedUrl) {
    StringBuilder out = new StringBuilder(playlist.length() * 2);
    for (String raw : playlist.split("\r?\n")) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        String tag = rewriteUriAttribute(line, signedUrl);
        if (tag != null) {
          out.append(tag).append('\n');
        }
      } else if (PlaybackPaths.safeName(line)) {
        out.append(signedUrl.apply(line)).append('\n');
      }
    }
    return out.toString();
  }

  /** EXT-X-MAP / EXT-X-KEY carry a URI attribute; a tag with an unsafe one is dropped. */
  private static String rewriteUriAttribute(String line, Function<String, String> signedUrl) {
    Matcher m = URI_ATTRIBUTE.matcher(line);
    if (!m.find()) {
      return line;
    }
    String name = m.group(1);
    if (!PlaybackPaths.safeName(name)) {
      return null;
    }
    return line.substring(0, m.start(1)) + signedUrl.apply(name) + line.substring(m.end(1));
  }
}
