package io.mediaflow.ingest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.devstack.testing.ServiceChecks;
import io.mediaflow.devstack.DevStack;
import io.mediaflow.devstack.DevStackConfig;
import io.mediaflow.devstack.DevTokens;
import io.mediaflow.devstack.Endpoints;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Opt-in benchmark and memory proof (run by bench/ingest-gateway/run.sh): the gateway runs as its
 * own JVM with -Xmx256m against a dev stack with on-disk S3; one tus upload of N bytes (default
 * 2 GiB) goes through it while its RSS is sampled, and the same bytes are put directly to the same
 * S3 store. Asserts the upload completes and the gateway's peak RSS stays under 400 MiB.
 */
class IngestBenchIT {

  static final long MIB = 1024 * 1024;

  @Test
  void gatewayVersusDirectPut() throws Exception {
    String bytesProperty = System.getProperty("mediaflow.bench.bytes");
    Assumptions.assumeTrue(bytesProperty != null, "benchmark: run with -Dmediaflow.bench.bytes=<n> (bench/ingest-gateway/run.sh)");
    long size = Long.parseLong(bytesProperty);
    String heap = System.getProperty("mediaflow.bench.xmx", "256m");
    Path home = Files.createTempDirectory("mediaflow-bench-");
    try (DevStack stack = DevStack.start(new DevStackConfig(home, true, 0, 0, 0, 0, 0, "mediaflow-bench", "mediaflow", "mediaflow-bench-secret"))) {
      Endpoints e = stack.endpoints();
      MinioClient minio = MinioClient.builder().endpoint(e.s3Endpoint()).credentials(e.s3AccessKey(), e.s3SecretKey()).build();
      double directSeconds = timed(() -> minio.putObject(PutObjectArgs.builder().bucket(e.bucket()).object("bench/direct")
          .stream(new PatternStream(size), size, 8 * MIB).build()));

      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      ProcessBuilder pb = new ProcessBuilder(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
          "-cp", System.getProperty("java.class.path"), "io.mediaflow.ingest.IngestGatewayApplication"));
      pb.environment().putAll(e.environment());
      pb.environment().put("PORT", Integer.toString(port));
      pb.environment().put("BIND_ADDRESS", "127.0.0.1");
      pb.redirectErrorStream(true).redirectOutput(Path.of("target", "bench-gateway.log").toFile());
      Process gateway = pb.start();
      try {
        String base = "http://127.0.0.1:" + port;
        ServiceChecks.assertHealthy(base, List.of());
        AtomicLong peakRss = new AtomicLong();
        Thread sampler = new Thread(() -> sample(gateway.pid(), peakRss), "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long rssBefore = rssKib(gateway.pid());
        HttpClient http = HttpClient.newHttpClient();
        String token = DevTokens.token(DevTokens.DEV_SECRET, "bench", false, Duration.ofHours(2));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/files/"))
            .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0")
            .header("Upload-Length", Long.toString(size))
            .header("Upload-Metadata", "filename " + b64("bench.mp4") + ",filetype " + b64("video/mp4"))
            .POST(BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String>[] patched = new HttpResponse[1];
        double gatewaySeconds = timed(() -> patched[0] = http.send(HttpRequest.newBuilder(URI.create(location))
            .header("Authorization", "Bearer " + token).header("Tus-Resumable", "1.0.0")
            .header("Upload-Offset", "0").header("Content-Type", "application/offset+octet-stream")
            .method("PATCH", BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> new PatternStream(size)), size))
            .build(), HttpResponse.BodyHandlers.ofString()));
        sampler.interrupt();
        assertThat(patched[0].statusCode()).as(patched[0].body()).isEqualTo(204);
        assertThat(patched[0].headers().firstValue("Upload-Offset")).hasValue(Long.toString(size));
        long hwm = hwmKib(gateway.pid());
        report(size, heap, directSeconds, gatewaySeconds, rssBefore, Math.max(hwm, peakRss.get()));
        assertThat(Math.max(hwm, peakRss.get()) / 1024).as("gateway peak RSS MiB").isLessThan(400);
      } finally {
        gateway.destroy();
        gateway.waitFor();
      }
    }
  }

  interface Action {
    void run() throws Exception;
  }

  static double timed(Action action) throws Exception {
    long t0 = System.nanoTime();
    action.run();
    return (System.nanoTime() - t0) / 1e9;
  }

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes());
  }


  static void sample(long pid, AtomicLong peak) {
    while (!Thread.currentThread().isInterrupted()) {
      peak.accumulateAndGet(rssKib(pid), Math::max);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  static long rssKib(long pid) {
    return statusKib(pid, "VmRSS:");
  }

  static long hwmKib(long pid) {
    return statusKib(pid, "VmHWM:");
  }

  static long statusKib(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException gone) {
      // the process ended
    }
    return 0;
  }

  static void report(long size, String heap, double direct, double gateway, long rssBeforeKib, long peakKib)
      throws IOException {
    double mib = size / (double) MIB;
    String text = String.format(
        "| bytes | direct S3 put | via gateway (tus, one PATCH) | ratio | gateway -Xmx | RSS before | peak RSS |%n"
            + "|---|---|---|---|---|---|---|%n"
            + "| %d (%.0f MiB) | %.1f s, %.1f MiB/s | %.1f s, %.1f MiB/s | %.2f | %s | %d MiB | %d MiB |%n",
        size, mib, direct, mib / direct, gateway, mib / gateway, direct / gateway, heap,
        rssBeforeKib / 1024, peakKib / 1024);
    System.out.println("BENCH RESULT\n" + text);
    Files.writeString(Path.of("target", "bench-result.md"), text);
  }
}
