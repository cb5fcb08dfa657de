package io.mediaflow.api.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

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

  /**
   * @param cpuMsPerRequest CPU time of the measured process per successful call (ms): busy work,
   *     unlike latency not inflated by waiting for a core on a loaded machine
   * @param loadAverage the machine's 1-minute load average at the end (a shared machine: context)
   */
  record Result(String name, long requests, long errors, double seconds, double p50Ms, double p99Ms,
      double cpuMsPerRequest, double loadAverage) {
    double perSecond() {
      return requests / seconds;
    }
  }

  private LoadRun() {}

  /**
   * @param cpuNanos the CPU time so far of the process whose cost per call is reported
   */
  static Result run(String name, int clients, double warmupSeconds, double seconds, LongSupplier cpuNanos, Operation op)
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
    long[] cpuAtStart = new long[1];
    Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
    cpuAtStart[0] = cpuNanos.getAsLong();
    for (Thread t : threads) {
      t.join();
    }
    long cpu = cpuNanos.getAsLong() - cpuAtStart[0];
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Result(name, all.length, errors.get(), seconds, percentileMs(all, 0.50), percentileMs(all, 0.99),
        all.length == 0 ? Double.NaN : cpu / 1e6 / all.length, loadAverage());
  }

  /** This JVM's CPU time (client threads and, in the bench, the embedded servers). */
  static long ownCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** Another process's CPU time from /proc/<pid>/stat (utime + stime, in clock ticks of 10 ms). */
  static long processCpuNanos(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }

  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException unknown) {
      return Double.NaN;
    }
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
