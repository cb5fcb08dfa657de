package io.mediaflow.workers.plan;

import java.util.Locale;

/** Profile bitrates are written like ffmpeg's ("2800k", "5M", "128000"); this reads them. */
public final class Bitrates {

  private Bitrates() {}

  /** Bits per second, 0 for a blank value. */
  public static long bitsPerSecond(String value) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    long factor = 1;
    char last = v.charAt(v.length() - 1);
    if (last == 'k' || last == 'm') {
      factor = last == 'k' ? 1_000 : 1_000_000;
      v = v.substring(0, v.length() - 1);
    }
    try {
      double n = Double.parseDouble(v);
      if (n < 0 || Double.isNaN(n) || Double.isInfinite(n)) {
        throw new IllegalArgumentException("not a bitrate: " + value);
      }
      return Math.round(n * factor);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a bitrate: " + value, e);
    }
  }
}
