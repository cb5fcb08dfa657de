package io.mediaflow.api.playback;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a storyboard WebVTT written by a worker (cue payloads {@code sprite.jpg#xywh=x,y,w,h},
 * relative, docs/CONTRACTS.md) so that each payload becomes the signed gateway URL of the sprite
 * with the same fragment. Only cue payloads (the lines after a timing line) are touched, so cue
 * identifiers such as {@code 1} stay as they are; a payload that is not a plain file name (with an
 * optional media fragment) is dropped, so a storyboard cannot make the player fetch anything else.
 */
public final class StoryboardRewriter {

  private static final Pattern PAYLOAD = Pattern.compile("([^#\\s]+)(#xywh=\\d{1,6},\\d{1,6},\\d{1,6},\\d{1,6})?");

  private StoryboardRewriter() {}

  /**
   * @param signedUrl the signed URL of a file beside the storyboard, by its name
   */
  public static String rewrite(String vtt, Function<String, String> signedUrl) {
    StringBuilder out = new StringBuilder(vtt.length() * 2);
    boolean inPayload = false;
    for (String raw : vtt.split("\r?\n", -1)) {
      String line = raw.strip();
      if (line.isEmpty()) {
        inPayload = false;
        out.append('\n');
      } else if (line.contains("-->")) {
        inPayload = true;
        out.append(line).append('\n');
      } else if (inPayload) {
        Matcher m = PAYLOAD.matcher(line);
        if (m.matches() && PlaybackPaths.safeName(m.group(1))) {
          out.append(signedUrl.apply(m.group(1))).append(m.group(2) == null ? "" : m.group(2)).append('\n');
        }
      } else {
        out.append(line).append('\n');
      }
    }
    return out.toString().replaceAll("\n{3,}", "\n\n").stripTrailing() + "\n";
  }
}
