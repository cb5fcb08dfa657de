package io.mediaflow.api.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: N client threads each call one operation back to back, first for a warm-up
 * (not recorded), then for a fixed duration in which every call's latency is kept. Errors are
 * counted, not timed.
 */
final class LoadRun {

  /** One call of client {@code client}, the {@code n}-th it makes; throws or returns false on failure. */
  interface Operation {
    boolean call(int client, long n) throws Exception;
  }

  record Result(String name, long requests, long errors, double seconds, double p50Ms, double p99Ms) {
    double perSecond() {
      return requests / seconds;
    }
  }

  private LoadRun() {}

  static Result run(String name, int clients, double warmupSeconds, double seconds, Operation op)
      throws InterruptedException {
    AtomicLong errors = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    long start = System.nanoTime();
    long measureFrom = start + (long) (warmupSeconds * 1e9);
    long end = measureFrom + (long) (seconds * 1e9);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      long[][] mine = {new long[1 << 16]};
      int client = c;
      Thread t =
          new Thread(
              () -> {
                long n = 0;
                int count = 0;
                while (true) {
                  long t0 = System.nanoTime();
                  if (t0 >= end) {
                    break;
                  }
                  boolean ok;
                  try {
                    ok = op.call(client, n++);
                  } catch (Exception e) {
                    ok = false;
                  }
                  long t1 = System.nanoTime();
                  if (t0 < measureFrom) {
                    continue;
                  }
                  if (!ok) {
                    errors.incrementAndGet();
                    continue;
                  }
                  if (count == mine[0].length) {
                    mine[0] = Arrays.copyOf(mine[0], count * 2);
                  }
                  mine[0][count++] = t1 - t0;
                }
                synchronized (latencies) {
                  latencies.add(Arrays.copyOf(mine[0], count));
                }
              },
              name + "-client-" + c);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Result(name, all.length, errors.get(), seconds, percentileMs(all, 0.50), percentileMs(all, 0.99));
  }

  /** Nearest-rank percentile of sorted nanosecond latencies, in milliseconds. */
  static double percentileMs(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }
}
