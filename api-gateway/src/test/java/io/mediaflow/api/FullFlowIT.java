package io.mediaflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mediaflow.devstack.DevTokens;
import io.mediaflow.devstack.Endpoints;
import io.mediaflow.devstack.testing.MediaflowInfra;
import io.mediaflow.devstack.testing.ServiceChecks;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole pipeline in a real browser: this api-gateway (serving the player) plus the other three
 * services started from their built jars, on the real servers; the player's {@code e2e/full-flow.mjs}
 * uploads a generated clip through the page, waits for READY, plays it, sees time advance and switches
 * quality. Screenshots land in {@code player/target/screenshots}. Skipped without Chromium or node
 * unless MEDIAFLOW_REQUIRE_BROWSER=true.
 */
@ExtendWith(MediaflowInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FullFlowIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final List<Process> SERVICES = new ArrayList<>();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    MediaflowInfra.endpoints().springProperties().forEach((k, v) -> registry.add(k, () -> v));
  }

  @Test
  void uploadProcessPlayAndSwitchQualityThroughThePage() throws Exception {
    boolean required = "true".equals(System.getenv("MEDIAFLOW_REQUIRE_BROWSER"));
    boolean ready =
        Files.isExecutable(Path.of("/usr/bin/chromium"))
            && Files.isDirectory(ROOT.resolve("player/node_modules/playwright-core"));
    assumeTrue(required || ready, "no Chromium or player node_modules: full-flow browser test skipped");

    Endpoints infra = MediaflowInfra.endpoints();
    Path work = Files.createTempDirectory("mediaflow-e2e-");
    String cache = System.getProperty("org.bytedeco.javacpp.cachedir", work.resolve("javacpp").toString());
    String api = "http://127.0.0.1:" + port;
    int ingestPort = freePort();
    start("ingest-gateway", ingestPort, infra, work, cache,
        Map.of("CORS_ALLOWED_ORIGINS", api + ",http://localhost:" + port));
    int projectorPort = freePort();
    start("asset-projector", projectorPort, infra, work, cache, Map.of());
    int workersPort = freePort();
    start("transcode-workers", workersPort, infra, work, cache, Map.of());
    for (int p : new int[] {ingestPort, projectorPort, workersPort}) {
      awaitListening(p, Duration.ofMinutes(4));
      ServiceChecks.assertHealthy("http://127.0.0.1:" + p, List.of("kafka"));
    }

    ProcessBuilder e2e =
        new ProcessBuilder("node", "e2e/full-flow.mjs")
            .directory(ROOT.resolve("player").toFile())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("e2e.log").toFile());
    e2e.environment().put("MEDIAFLOW_URL", api);
    e2e.environment().put("MEDIAFLOW_INGEST_URL", "http://127.0.0.1:" + ingestPort);
    e2e.environment().put(
        "MEDIAFLOW_TOKEN", DevTokens.token(DevTokens.DEV_SECRET, "e2e-user", false, Duration.ofHours(1)));
    e2e.environment().put("FFMPEG_PATH", bundledFfmpeg(Path.of(cache)));
    Process run = e2e.start();
    boolean finished = run.waitFor(6, TimeUnit.MINUTES);
    String log = Files.readString(work.resolve("e2e.log"));
    if (!finished) {
      run.destroyForcibly();
    }
    assertThat(finished && run.exitValue() == 0).as("full-flow.mjs:%n%s", log).isTrue();
  }

  private static void start(
      String service, int port, Endpoints infra, Path work, String cache, Map<String, String> extra)
      throws IOException {
    Path jar = ROOT.resolve(service + "/target/" + service + ".jar");
    assertThat(jar).as("build %s first (mvn package)", service).exists();
    ProcessBuilder pb =
        new ProcessBuilder(
                javaBin(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-Dorg.bytedeco.javacpp.cachedir=" + cache, "-jar", jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve(service + ".log").toFile());
    pb.environment().putAll(infra.environment());
    pb.environment().put("PORT", Integer.toString(port));
    pb.environment().put("BIND_ADDRESS", "127.0.0.1");
    pb.environment().put("WORK_DIR", work.resolve(service).toString());
    pb.environment().putAll(extra);
    SERVICES.add(pb.start());
  }

  private static String bundledFfmpeg(Path cache) throws IOException {
    try (var files = Files.walk(cache)) {
      return files
          .filter(p -> p.getParent().getFileName().toString().endsWith("-bin"))
          .filter(p -> p.getFileName().toString().equals("ffmpeg"))
          .findFirst()
          .map(Path::toString)
          .orElse("ffmpeg");
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Three Spring Boot services starting at once took over 100 s on a loaded 2-core machine (load
   * average 40): wait for the port before ServiceChecks' own 90 s health wait begins.
   */
  private static void awaitListening(int port, Duration atMost) throws InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < deadline) {
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(500);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @AfterAll
  static void stopServices() throws InterruptedException {
    for (Process p : SERVICES) {
      p.destroy();
    }
    for (Process p : SERVICES) {
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    SERVICES.clear();
  }
}
