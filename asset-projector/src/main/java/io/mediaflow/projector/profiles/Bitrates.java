package io.mediaflow.projector.profiles;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bitrates as FFmpeg and the seed write them: "5000k", "2M", "128000". */
final class Bitrates {

  private static final Pattern BITRATE = Pattern.compile("(\\d+)([kKmM]?)");

  private Bitrates() {}

  static boolean valid(String text) {
    return text != null && BITRATE.matcher(text).matches() && bitsPerSecond(text) > 0;
  }

  /** Bits per second, 0 when empty or malformed. */
  static long bitsPerSecond(String text) {
    Matcher m = text == null ? null : BITRATE.matcher(text);
    if (m == null || !m.matches()) {
      return 0;
    }
    long value = Long.parseLong(m.group(1));
    return switch (m.group(2).toLowerCase()) {
      case "k" -> value * 1_000;
      case "m" -> value * 1_000_000;
      default -> value;
    };
  }
}
