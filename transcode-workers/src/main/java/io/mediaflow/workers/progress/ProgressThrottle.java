package io.mediaflow.workers.progress;

import java.util.OptionalInt;

/**
 * Decides which progress readings become events: one when the percentage moved 5 points since the
 * last event, or 2 s passed and it moved at all. Never 100: the success event says that. Not
 * thread-safe; one per job.
 */
public final class ProgressThrottle {

  static final int STEP_PERCENT = 5;
  static final long INTERVAL_MILLIS = 2_000;

  private int lastPercent = 0;
  private long lastAt;

  public ProgressThrottle(long startMillis) {
    this.lastAt = startMillis;
  }

  /** The percentage to publish now, if any. */
  public OptionalInt offer(double percent, long nowMillis) {
    if (Double.isNaN(percent)) {
      return OptionalInt.empty();
    }
    int p = (int) Math.max(0, Math.min(99, Math.floor(percent)));
    boolean moved = p > lastPercent;
    if (moved && (p - lastPercent >= STEP_PERCENT || nowMillis - lastAt >= INTERVAL_MILLIS)) {
      lastPercent = p;
      lastAt = nowMillis;
      return OptionalInt.of(p);
    }
    return OptionalInt.empty();
  }
}
