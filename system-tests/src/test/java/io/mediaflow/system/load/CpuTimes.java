package io.mediaflow.system.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU seconds used by named process trees (Linux {@code /proc/<pid>/stat}): the process's own user +
 * system time, its reaped children's (an ffmpeg that has exited) and its live descendants' (an
 * ffmpeg running now). Taken before and after the load window, the difference says where the
 * machine's cores went: which service, the test JVM (Kafka, S3Proxy, the MongoDB server, the
 * uploaders), the read driver.
 */
final class CpuTimes {

  private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every Linux we run on

  private final Map<String, ProcessHandle> trees = new LinkedHashMap<>();
  private final Map<String, ProcessHandle> own = new LinkedHashMap<>();
  private Map<String, Double> before = Map.of();

  /** A process and everything it starts (a worker and its ffmpeg). */
  CpuTimes add(String name, ProcessHandle process) {
    trees.put(name, process);
    return this;
  }

  /** A process alone, without its children (the test JVM, whose children are the services). */
  CpuTimes addOwn(String name, ProcessHandle process) {
    own.put(name, process);
    return this;
  }

  void start() {
    before = now();
  }

  /** "name 12.3 s (45 %)" per process tree since {@link #start()}, in order added; % of all of them. */
  String since(double windowSeconds, int cores) {
    Map<String, Double> after = now();
    Map<String, Double> used = new LinkedHashMap<>();
    after.forEach((name, seconds) -> used.put(name, Math.max(0, seconds - before.getOrDefault(name, 0.0))));
    double machine = windowSeconds * cores;
    return used.entrySet().stream()
        .map(e -> String.format("%s %.0f s (%.0f %%)", e.getKey(), e.getValue(), 100 * e.getValue() / machine))
        .collect(Collectors.joining(", "))
        + String.format(" of %.0f core-seconds", machine);
  }

  private Map<String, Double> now() {
    Map<String, Double> seconds = new LinkedHashMap<>();
    own.forEach((name, process) -> seconds.put(name, ownSeconds(process.pid())));
    trees.forEach((name, process) -> seconds.put(name, treeSeconds(process)));
    return seconds;
  }

  static double treeSeconds(ProcessHandle root) {
    double total = ownAndReapedSeconds(root.pid());
    for (ProcessHandle child : root.descendants().toList()) {
      total += ownSeconds(child.pid());
    }
    return total;
  }

  static double ownAndReapedSeconds(long pid) {
    long[] t = ticks(pid);
    return (t[0] + t[1] + t[2] + t[3]) / TICKS_PER_SECOND;
  }

  static double ownSeconds(long pid) {
    long[] t = ticks(pid);
    return (t[0] + t[1]) / TICKS_PER_SECOND;
  }

  /** utime, stime, cutime, cstime of {@code pid}; zeros once it is gone. */
  static long[] ticks(long pid) {
    try {
      return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException | RuntimeException gone) {
      return new long[4];
    }
  }

  /** Fields 14-17 of a stat line, counted after the command, which may hold spaces and parentheses. */
  static long[] parse(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    // f[0] is field 3 (state): utime is field 14 -> f[11]
    return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])};
  }
}
