package io.mediaflow.platform.health;

import io.mediaflow.platform.MediaflowProperties;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs every configured probe in parallel, each within a time limit, and assembles the report. */
public final class HealthService implements AutoCloseable {

  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  private final MediaflowProperties properties;
  private final Map<String, DependencyProbe> probes;
  private final Clock clock;
  private final ExecutorService executor = Executors.newCachedThreadPool(daemon());

  public HealthService(
      MediaflowProperties properties, Map<String, DependencyProbe> probes, Clock clock) {
    this.properties = properties;
    this.probes = probes;
    this.clock = clock;
  }

  public HealthReport report() {
    List<String> names = properties.health().dependencies();
    Map<String, CompletableFuture<DependencyHealth>> running = new LinkedHashMap<>();
    for (String name : names) {
      running.put(name, CompletableFuture.supplyAsync(() -> check(name), executor));
    }
    Map<String, DependencyHealth> results = new LinkedHashMap<>();
    running.forEach((name, future) -> results.put(name, await(future)));
    return new HealthReport(
        HealthAssessor.overall(results),
        properties.service(),
        clock.instant(),
        properties.version(),
        results,
        memory(),
        ManagementFactory.getRuntimeMXBean().getUptime() / 60_000 + " minutes");
  }

  private DependencyHealth check(String name) {
    if ("diskSpace".equals(name)) {
      return disk(properties.workDir());
    }
    DependencyProbe probe = probes.get(name);
    if (probe == null) {
      return new DependencyHealth(HealthStatus.UNKNOWN, "no probe for " + name, null, null, null);
    }
    long t0 = System.nanoTime();
    try {
      probe.check();
      return DependencyHealth.up(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    } catch (Exception e) {
      return DependencyHealth.down(message(e), clock.instant());
    }
  }

  private DependencyHealth await(CompletableFuture<DependencyHealth> future) {
    try {
      return future.get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return DependencyHealth.down("no answer within " + PROBE_TIMEOUT.toSeconds() + " s", clock.instant());
    } catch (Exception e) {
      return DependencyHealth.down(message(e), clock.instant());
    }
  }

  static DependencyHealth disk(Path dir) {
    try {
      Path existing = dir;
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      long usable = Files.getFileStore(existing == null ? Path.of(".") : existing).getUsableSpace();
      return HealthAssessor.disk(usable / (1024.0 * 1024 * 1024));
    } catch (IOException | RuntimeException e) {
      return new DependencyHealth(HealthStatus.UNKNOWN, message(e), null, null, null);
    }
  }

  private static Map<String, String> memory() {
    Runtime rt = Runtime.getRuntime();
    Map<String, String> memory = new LinkedHashMap<>();
    memory.put("rss", mb(residentSetBytes()));
    memory.put("heapTotal", mb(rt.totalMemory()));
    memory.put("heapUsed", mb(rt.totalMemory() - rt.freeMemory()));
    memory.put(
        "external",
        mb(ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed()));
    return memory;
  }

  private static long residentSetBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    return Runtime.getRuntime().totalMemory();
  }

  private static String mb(long bytes) {
    return Math.round(bytes / (1024.0 * 1024)) + " MB";
  }

  private static String message(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage();
    return root.getClass().getSimpleName() + (text == null ? "" : ": " + text);
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "health-probe");
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
