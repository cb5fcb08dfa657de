package io.mediaflow.system.load;

import java.util.Arrays;

/** Recorded latencies (microseconds) of one kind of request; thread-safe, percentiles on demand. */
final class Latencies {

  private long[] values = new long[1 << 16];
  private int size;

  synchronized void record(long micros) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = micros;
  }

  synchronized int count() {
    return size;
  }

  /** The {@code p}-th percentile (0 < p ≤ 100) in milliseconds, nearest-rank; 0 when empty. */
  synchronized double percentileMillis(double p) {
    if (size == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1000.0;
  }
}
