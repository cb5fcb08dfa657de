package io.mediaflow.system.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediaflow.devstack.DevStack;
import io.mediaflow.system.support.FaultStack;
import io.mediaflow.system.support.MediaflowClient;
import io.mediaflow.system.support.Pipeline;
import io.mediaflow.system.support.TestMedia;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Load on the dev stack (issue #8): {@code uploaders} clients upload media in chunks back to back
 * while API reads arrive at a fixed {@code rate} per second (open loop: a late answer does not slow
 * the next request down), for {@code seconds}; then every uploaded asset must become READY. Reports
 * p50/p99 of chunk PUTs and reads, reads the gateway turned away ({@code 503 OVERLOADED}: its
 * in-flight limit at work, reported apart) and the errors, which must be zero. A service process
 * that exits during the run fails the test at once, with the end of its log. A benchmark, not a CI
 * test: runs only with {@code -Dmediaflow.bench.load=true} ({@code bench/load/run.sh}).
 *
 * <p>The reads come from {@link ReadDriver}, a JVM of its own with at most {@code connections}
 * ({@code -Dmediaflow.bench.connections}, 128) keep-alive connections, its latencies counted from
 * each read's intended send time: driven from this JVM, next to Kafka, S3Proxy, the MongoDB server
 * and the uploaders, the reads queued in the client (11-30 01:01: the gateway timed them at 407 ms
 * mean, the client at a 9.9 s median). This JVM tells the driver which assets it may read through
 * an ids file.
 */
class LoadBenchIT {

  /** For the gateway's metrics after the load (the reads themselves are the driver's). */
  private static final HttpClient METRICS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void uploadsAndReadsUnderLoadWithoutErrors() throws Exception {
    Assumptions.assumeTrue(
        Boolean.getBoolean("mediaflow.bench.load"), "benchmark: run with -Dmediaflow.bench.load=true (bench/load/run.sh)");
    int uploaders = Integer.getInteger("mediaflow.bench.uploaders", 50);
    int rate = Integer.getInteger("mediaflow.bench.rate", 500);
    int seconds = Integer.getInteger("mediaflow.bench.seconds", 120);
    int workers = Integer.getInteger("mediaflow.bench.workers", 2);
    int connections = Integer.getInteger("mediaflow.bench.connections", 128);
    int warmup = Integer.getInteger("mediaflow.bench.warmup", 60);

    // its own stack with data on disk, as `./mediaflow up` runs it: the tests' shared in-memory S3
    // (4 GiB) fills up with two minutes of 50 uploaders
    try (DevStack stack = FaultStack.start("load");
        Pipeline pipeline = Pipeline.start(stack.endpoints(), "load", workers)) {
      Path dir = TestMedia.tempDir("load");
      Path small = TestMedia.video(dir, "small.mp4", 4, 320, 240);
      // ~50 MB of hard-to-compress video (12 s), 7 chunks of the gateway's default 8 MB: 50 of
      // them in flight keep the uploaders busy for the whole window instead of flooding the
      // workers with thousands of tiny jobs
      Path clip = dir.resolve("noisy.mp4");
      TestMedia.ffmpeg(
          "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=12,noise=alls=60:allf=t",
          "-f", "lavfi", "-i", "sine=frequency=440:duration=12",
          "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "40M", "-maxrate", "40M", "-bufsize", "20M",
          "-g", "50", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k", "-shortest", clip.toString());
      MediaflowClient owner = pipeline.client("load-owner", false);

      // assets to read from the first second on: a few READY ones, and every upload once it is
      // visible, one id a line in the file the read driver reads again every second
      Path target = Path.of("target").toAbsolutePath();
      Path idsFile = target.resolve("load-read-ids.txt");
      Path driverResult = target.resolve("load-reads.properties");
      Path driverLog = target.resolve("load-read-driver.log");
      Files.deleteIfExists(driverResult);
      Files.writeString(idsFile, "");
      Consumer<String> readable = id -> appendLine(idsFile, id);
      List<String> ready = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        ready.add(owner.upload(small, "video/mp4", i % 2 == 0 ? "private" : "public"));
      }
      for (String id : ready) {
        owner.awaitStatus(id, Duration.ofMinutes(3), Set.of("READY", "FAILED"), pipeline::assertAllAlive);
        readable.accept(id);
      }

      Stats uploads = new Stats();
      List<String> uploaded = new CopyOnWriteArrayList<>();
      byte[] bytes = Files.readAllBytes(clip);
      ExecutorService uploaderPool = Executors.newFixedThreadPool(uploaders + 2); // + the warm-up's two
      Process driver = null;
      CpuTimes cpu = new CpuTimes();
      Stats warmUploads = new Stats();
      String cpuUse;
      long end;
      Instant started;
      try {
        Files.deleteIfExists(ReadDriver.startedMarker(driverResult));
        driver = startReadDriver(owner, rate, seconds, connections, warmup, idsFile, driverResult, driverLog);
        // the reads warm the gateway up first (not counted), and two uploaders the ingest path; the
        // uploads and the window start with the driver's measured window
        long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
        for (int u = 0; u < Math.min(2, uploaders); u++) {
          uploaderPool.submit(() -> uploadUntil(warmEnd, owner, clip, bytes, warmUploads, new CopyOnWriteArrayList<>(), id -> {}));
        }
        long warmDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup + 60L);
        while (!Files.exists(ReadDriver.startedMarker(driverResult))) {
          assertDriverNotFailed(driver, driverLog);
          pipeline.assertAllAlive();
          if (System.nanoTime() - warmDeadline > 0) {
            throw new AssertionError("read driver not started 60 s after its warm-up: " + tail(driverLog));
          }
          Thread.sleep(50);
        }
        long driverDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 60L);
        end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        started = Instant.now();
        cpu.addOwn("test JVM (Kafka, S3Proxy, MongoDB server, uploaders)", ProcessHandle.current())
            .add("ingest-gateway", pipeline.ingest().handle())
            .add("asset-projector", pipeline.projector().handle())
            .add("api-gateway", pipeline.api().handle());
        for (var worker : pipeline.workers()) {
          cpu.add(worker.name() + " + ffmpeg", worker.handle());
        }
        ProcessHandle.current().children()
            .filter(child -> child.info().command().orElse("").contains("redis-server"))
            .forEach(redis -> cpu.add("redis-server", redis));
        cpu.start();
        for (int u = 0; u < uploaders; u++) {
          // users arrive over the first 5 s, not within the same millisecond
          long delay = 5000L * u / uploaders;
          uploaderPool.submit(() -> {
            try {
              Thread.sleep(delay);
            } catch (InterruptedException e) {
              return;
            }
            uploadUntil(end, owner, clip, bytes, uploads, uploaded, readable);
          });
        }

        uploaderPool.shutdown();
        long uploadDeadline = end + TimeUnit.SECONDS.toNanos(300);
        while (!uploaderPool.awaitTermination(1, TimeUnit.SECONDS)) {
          pipeline.assertAllAlive();
          assertDriverNotFailed(driver, driverLog);
          if (System.nanoTime() - uploadDeadline > 0) {
            throw new AssertionError("uploaders still busy 300 s after the load window ended");
          }
        }
        // its last reads may wait up to 30 s for an answer after the window
        while (!driver.waitFor(1, TimeUnit.SECONDS)) {
          pipeline.assertAllAlive();
          if (System.nanoTime() - driverDeadline > 0) {
            throw new AssertionError("read driver still running 60 s after its window ended: " + tail(driverLog));
          }
        }
        assertDriverNotFailed(driver, driverLog);
        pipeline.assertAllAlive();
        cpuUse = cpu.since(Duration.between(started, Instant.now()).toMillis() / 1000.0, Runtime.getRuntime().availableProcessors());
      } finally {
        // a failure above (a dead service, say) must not leave clients hammering the stack while the
        // pipeline is torn down
        uploaderPool.shutdownNow();
        if (driver != null && driver.isAlive()) {
          driver.destroyForcibly();
        }
      }
      warmUploads.errors.forEach((error, count) -> uploads.errors.merge("during the warm-up: " + error, count, Long::sum));
      Properties reads = new Properties();
      try (Reader in = Files.newBufferedReader(driverResult)) {
        reads.load(in);
      }
      Map<String, Long> readErrors = new TreeMap<>();
      reads.stringPropertyNames().stream()
          .filter(key -> key.startsWith("error."))
          .forEach(key -> readErrors.put(key.substring("error.".length()), Long.parseLong(reads.getProperty(key))));

      String serverSide = serverSideReads(owner);

      long drainStart = System.nanoTime();
      int failed = 0;
      for (String id : uploaded) {
        JsonNode asset =
            owner.awaitStatus(id, Duration.ofMinutes(15), Set.of("READY", "FAILED"), pipeline::assertAllAlive);
        if (!"READY".equals(asset.path("status").asText())) {
          failed++;
          uploads.errors.put("asset " + id + " " + asset.path("error"), 1L);
        }
      }
      Duration drain = Duration.ofNanos(System.nanoTime() - drainStart);
      long readsSent = Long.parseLong(reads.getProperty("sent"));
      long readsAnswered = Long.parseLong(reads.getProperty("ok"));
      long readsRejected = Long.parseLong(reads.getProperty("rejected"));

      String report =
          String.format(
              "| %s | %d uploaders + %d reads/s for %d s (after %d s of reads alone, not counted), %d workers; read driver: own JVM, at most %d connections | uploads completed: %d (%.1f MiB); chunk PUT p50 %.1f ms, p99 %.1f ms | reads sent %d (%s/s), answered %d (%.0f/s); CO-corrected p50 %s ms, p99 %s ms from intended send time; service time p50 %s ms, p99 %s ms; max driver backlog %s (at %s s), driver CPU %s s (with its warm-up) | rejected (503 OVERLOADED): %d reads (%.1f %%), %d chunk PUTs (sent again after Retry-After) | errors: uploads %s, reads %s; FAILED assets %d | all READY %.0f s after the load ended | gateway's own view of the reads: %s | CPU from the start of the load until the last read was answered: %s |%n",
              started, uploaders, rate, seconds, warmup, workers, connections,
              uploaded.size(), uploaded.size() * Files.size(clip) / 1048576.0,
              uploads.latencies.percentileMillis(50), uploads.latencies.percentileMillis(99),
              readsSent, reads.getProperty("sendRate"), readsAnswered, readsAnswered / (double) seconds,
              reads.getProperty("latency.p50.ms"), reads.getProperty("latency.p99.ms"),
              reads.getProperty("service.p50.ms"), reads.getProperty("service.p99.ms"),
              reads.getProperty("backlog.max"), reads.getProperty("backlog.max.atSecond"), reads.getProperty("cpuSeconds"),
              readsRejected, 100.0 * readsRejected / Math.max(1, readsSent), uploads.rejected.get(),
              uploads.errors, readErrors, failed, drain.toMillis() / 1000.0, serverSide, cpuUse);
      System.out.print(report);
      Files.writeString(Path.of("target/load-result.md"), report);

      assertThat(uploads.errors).as("upload errors").isEmpty();
      assertThat(readErrors).as("read errors").isEmpty();
      assertThat(readsAnswered + readsRejected).as("reads answered or rejected").isEqualTo(readsSent);
    }
  }

  /**
   * One uploader: start, PUT every chunk, see the asset in the API; again until the window ends, or
   * until the test gives up (interrupted).
   */
  private static void uploadUntil(
      long end, MediaflowClient owner, Path clip, byte[] bytes, Stats stats, List<String> uploaded, Consumer<String> readable) {
    while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
      try {
        MediaflowClient.Upload upload = owner.startUpload(clip, "video/mp4", "private");
        for (int i = 0; i < upload.totalChunks(); i++) {
          int from = i * upload.chunkSize();
          byte[] chunk = java.util.Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + upload.chunkSize()));
          long t0 = System.nanoTime();
          HttpResponse<String> put = owner.tryPutChunk(upload.assetId(), i, chunk);
          while (isOverloaded(put)) {
            // what a client is told to do: wait Retry-After, send the chunk again (counted apart)
            stats.rejected.incrementAndGet();
            Thread.sleep(1000L * Long.parseLong(put.headers().firstValue("Retry-After").orElse("1")));
            put = owner.tryPutChunk(upload.assetId(), i, chunk);
          }
          if (put.statusCode() != 200) {
            throw new IllegalStateException("PUT chunk " + i + ": HTTP " + put.statusCode() + " " + put.body());
          }
          stats.latencies.record((System.nanoTime() - t0) / 1000);
        }
        uploaded.add(upload.assetId());
        awaitVisible(owner, upload.assetId());
        readable.accept(upload.assetId());
      } catch (InterruptedException e) {
        return;
      } catch (Throwable e) {
        stats.errors.merge(e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()), 1L, Long::sum);
      }
    }
  }

  private static void awaitVisible(MediaflowClient owner, String id) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (owner.asset(id).statusCode() != 200) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("asset " + id + " not visible in the API 60 s after its upload");
      }
      Thread.sleep(250);
    }
  }

  /**
   * Starts {@link ReadDriver} in a JVM of its own (full JIT, 256 MB, the serial collector: one small
   * heap needs no parallel GC threads on 2 cores), output to {@code log}.
   */
  private static Process startReadDriver(
      MediaflowClient owner, int rate, int seconds, int connections, int warmup, Path ids, Path result, Path log)
      throws IOException {
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Dreaddriver.warmup=" + warmup,
        "-cp", System.getProperty("java.class.path"), ReadDriver.class.getName(),
        owner.apiUrl(), owner.token(), Integer.toString(rate), Integer.toString(seconds), Integer.toString(connections),
        ids.toString(), result.toString());
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** The driver exits 0 when its window is over and its result written; anything else fails the run at once. */
  private static void assertDriverNotFailed(Process driver, Path log) {
    if (!driver.isAlive() && driver.exitValue() != 0) {
      throw new AssertionError("read driver exited with " + driver.exitValue() + ": " + tail(log));
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** One id a line, appended whole: the driver reads complete lines only. */
  private static synchronized void appendLine(Path file, String id) {
    try {
      Files.writeString(file, id + "\n", StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The gateway's own timing of the reads (Micrometer's http_server_requests, from the request's
   * first filter to its answer): count, mean and max. Set against the client's percentiles it tells
   * time spent in the gateway from time spent queueing before it (kernel, client).
   */
  private static String serverSideReads(MediaflowClient owner) {
    try {
      HttpResponse<String> metrics = METRICS.send(
          HttpRequest.newBuilder(URI.create(owner.apiUrl() + "/actuator/prometheus")).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      double count = 0;
      double sum = 0;
      double max = 0;
      for (String line : metrics.body().lines().toList()) {
        if (!line.startsWith("http_server_requests_seconds") || !line.contains("uri=\"/api/assets")) {
          continue;
        }
        double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        if (line.startsWith("http_server_requests_seconds_count")) {
          count += value;
        } else if (line.startsWith("http_server_requests_seconds_sum")) {
          sum += value;
        } else if (line.startsWith("http_server_requests_seconds_max")) {
          max = Math.max(max, value);
        }
      }
      return String.format("%.0f answered, mean %.1f ms, max %.1f ms (last minutes)", count,
          count == 0 ? 0 : 1000 * sum / count, 1000 * max);
    } catch (Exception e) {
      return "unavailable (" + e + ")";
    }
  }

  private static boolean isOverloaded(HttpResponse<String> response) {
    return response.statusCode() == 503 && response.body().contains("\"code\":\"OVERLOADED\"");
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  private static final class Stats {
    final Latencies latencies = new Latencies();
    final Map<String, Long> errors = new ConcurrentHashMap<>();
    final AtomicLong rejected = new AtomicLong();
  }
}
