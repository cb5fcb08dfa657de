package io.mediaflow.system.support;

import io.mediaflow.devstack.Endpoints;
import io.mediaflow.devstack.testing.ServiceChecks;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One mediaflow service running from its built Boot jar as a separate JVM, the way {@code ./mediaflow
 * up} runs it: real process, real port, its own log file. It can be stopped politely (SIGTERM),
 * killed (SIGKILL) and started again on the same port.
 */
public final class ServiceProcess implements AutoCloseable {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /**
   * Every service JVM this test JVM started and has not stopped: killed, with their children, when
   * the test JVM ends however it ends (a Failsafe timeout, a test that never reached its teardown),
   * so no service outlives the run and keeps a port, a CPU or an ffmpeg busy.
   */
  private static final Set<ProcessHandle> STARTED = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> STARTED.forEach(ServiceProcess::killTree), "service-process-reaper"));
  }

  private final String service;
  private final String instance;
  private final int port;
  private final Endpoints infra;
  private final Path work;
  private final Map<String, String> extraEnv;
  private Process process;
  private int starts;
  /** Children seen when SIGTERM was sent: once the JVM has exited they are no longer its descendants. */
  private List<ProcessHandle> childrenAtTerminate = List.of();

  ServiceProcess(String service, String instance, Endpoints infra, Path work, Map<String, String> extraEnv) {
    this.service = service;
    this.instance = instance;
    this.port = freePort();
    this.infra = infra;
    this.work = work;
    this.extraEnv = Map.copyOf(extraEnv);
  }

  public String name() {
    return instance;
  }

  public int port() {
    return port;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** This instance's log file of its latest start. */
  public Path log() {
    return work.resolve(instance + "." + starts + ".log");
  }

  public synchronized ServiceProcess start() {
    if (process != null && process.isAlive()) {
      return this;
    }
    Path jar = ROOT.resolve(service + "/target/" + service + ".jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException("build " + service + " first (mvn package): " + jar);
    }
    starts++;
    List<String> command = new ArrayList<>();
    // as `./mediaflow up` runs them: encodes yield the CPU to the request path on a shared machine;
    // -Dmediaflow.services.nice.<service>=N sets any service's niceness (benchmarks)
    Integer nice = Integer.getInteger("mediaflow.services.nice." + service, service.equals("transcode-workers") ? 10 : 0);
    if (nice != 0 && Files.isExecutable(Path.of("/usr/bin/nice"))) {
      command.addAll(List.of("/usr/bin/nice", "-n", Integer.toString(nice)));
    }
    // out of heap = dead: exit, so the harness sees it (isAlive) instead of polling a JVM whose
    // threads die one by one
    command.addAll(List.of(javaBin(), "-Xmx384m", "-XX:+ExitOnOutOfMemoryError"));
    // C1 only by default: the fault and hostile suites restart services often and need no peak
    // throughput; the load benchmark asks for the full JIT (-Dmediaflow.services.jit=full)
    if (!"full".equals(System.getProperty("mediaflow.services.jit"))) {
      command.add("-XX:TieredStopAtLevel=1");
    }
    command.addAll(List.of("-Dorg.bytedeco.javacpp.cachedir=" + javacppCache(), "-jar", jar.toString()));
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log().toFile());
    pb.environment().putAll(infra.environment());
    pb.environment().put("PORT", Integer.toString(port));
    pb.environment().put("BIND_ADDRESS", "127.0.0.1");
    pb.environment().put("WORK_DIR", work.resolve(instance).toString());
    pb.environment().putAll(extraEnv);
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    STARTED.add(process.toHandle());
    return this;
  }

  /**
   * Waits until GET /health says UP with Kafka UP: first (3 min at most: a JVM starts slowly on a
   * loaded 2-core machine) until the service answers at all, then 90 s for UP.
   */
  public ServiceProcess awaitHealthy() {
    long deadline = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
    int retries = 0;
    while (health() == null && System.nanoTime() < deadline) {
      if (!isAlive()) {
        // a service that gives up at start-up (seen: ingest-gateway's 2 s Redis handshake on a machine
        // with load 40) is started again, as a supervisor would; twice at most, every log is kept
        if (retries++ == 2) {
          throw new AssertionError(instance + " exited with " + process.exitValue() + " three times; see " + log());
        }
        System.err.printf("%s exited with %d during start-up (%s); starting it again%n", instance, process.exitValue(), log());
        start();
      }
      MediaflowClient.sleep(500);
    }
    ServiceChecks.assertHealthy(url(), List.of("kafka"));
    return this;
  }

  /** GET /health as JSON, or null while nothing answers on the port. */
  public com.fasterxml.jackson.databind.JsonNode health() {
    try {
      java.net.http.HttpResponse<String> response =
          MediaflowClient.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(url() + "/health"))
                  .timeout(java.time.Duration.ofSeconds(10))
                  .build());
      return MediaflowClient.json(response);
    } catch (RuntimeException | AssertionError notAnswering) {
      return null;
    }
  }

  /** The text of every log of this instance so far (one file per start). */
  public String logText() {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= starts; i++) {
      try {
        text.append(Files.readString(work.resolve(instance + "." + i + ".log")));
      } catch (IOException | UncheckedIOException e) {
        // not written yet
      }
    }
    return text.toString();
  }

  /** SIGTERM, without waiting: lets several services shut down at once before {@link #stop()}. */
  public synchronized void terminate() {
    if (process != null) {
      childrenAtTerminate = process.descendants().toList();
      process.destroy();
    }
  }

  /**
   * SIGTERM, then SIGKILL after 30 s; then SIGKILL to whatever the service started and left behind
   * (a worker's ffmpeg). An interrupted caller (a failing test) gets the SIGKILL at once, so a
   * teardown never leaves a service running.
   */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    List<ProcessHandle> children = new ArrayList<>(childrenAtTerminate);
    children.addAll(process.descendants().toList());
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.forEach(ProcessHandle::destroyForcibly);
    STARTED.remove(process.toHandle());
  }

  /**
   * SIGKILL: no shutdown hook runs, nothing is acknowledged or flushed. Its children (a worker's
   * ffmpeg) are killed with it, as a crashed container's are.
   */
  public synchronized void kill() {
    if (process == null) {
      return;
    }
    killTree(process.toHandle());
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    STARTED.remove(process.toHandle());
  }

  private static void killTree(ProcessHandle root) {
    List<ProcessHandle> children = root.descendants().toList();
    root.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
  }

  public synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  public synchronized long pid() {
    return process.pid();
  }

  /** The running JVM's process handle (for its CPU time, say). */
  public synchronized ProcessHandle handle() {
    return process.toHandle();
  }

  /** The exit code of the latest start once it has exited; -1 if it was never started. */
  public synchronized int exitValue() {
    return process == null ? -1 : process.exitValue();
  }

  /** The last {@code lines} lines of the latest log (read from its last 64 KiB, however long it is). */
  public String logTail(int lines) {
    try (RandomAccessFile file = new RandomAccessFile(log().toFile(), "r")) {
      long from = Math.max(0, file.length() - 65_536);
      byte[] bytes = new byte[(int) (file.length() - from)];
      file.seek(from);
      file.readFully(bytes);
      List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** Where the worker's bundled ffmpeg is unpacked: shared by every run, so it is extracted once. */
  static Path javacppCache() {
    String configured = System.getProperty("org.bytedeco.javacpp.cachedir");
    return configured != null
        ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".javacpp", "cache");
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
