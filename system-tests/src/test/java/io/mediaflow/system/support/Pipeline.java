package io.mediaflow.system.support;

import io.mediaflow.devstack.Endpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The four mediaflow services as separate processes on one set of servers: ingest-gateway,
 * asset-projector, {@code workers} transcode-workers and api-gateway. More workers can be added, any
 * service killed or restarted. Logs stay in {@link #work()} (kept under {@code target/} for CI).
 */
public final class Pipeline implements AutoCloseable {

  private final Endpoints infra;
  private final Path work;
  private final ServiceProcess ingest;
  private final ServiceProcess projector;
  private final ServiceProcess api;
  private final List<ServiceProcess> workers = new ArrayList<>();
  private final Map<String, String> workerEnv;

  private Pipeline(Endpoints infra, Path work, Map<String, String> workerEnv) {
    this.infra = infra;
    this.work = work;
    this.workerEnv = workerEnv;
    this.ingest = new ServiceProcess("ingest-gateway", "ingest-gateway", infra, work, Map.of());
    this.projector = new ServiceProcess("asset-projector", "asset-projector", infra, work, Map.of());
    this.api = new ServiceProcess("api-gateway", "api-gateway", infra, work, Map.of());
  }

  /** Starts every service (and {@code workerCount} workers) and waits until all are healthy. */
  public static Pipeline start(Endpoints infra, String name, int workerCount) {
    return start(infra, name, workerCount, Map.of());
  }

  /** As {@link #start(Endpoints, String, int)}, with extra environment for the workers. */
  public static Pipeline start(
      Endpoints infra, String name, int workerCount, Map<String, String> workerEnv) {
    Path work = ServiceProcess.ROOT.resolve("system-tests/target/pipelines/" + name);
    try {
      Files.createDirectories(work);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Pipeline pipeline = new Pipeline(infra, work, workerEnv);
    try {
      pipeline.ingest.start();
      pipeline.projector.start();
      pipeline.api.start();
      for (int i = 0; i < workerCount; i++) {
        pipeline.addWorker(false);
      }
      for (ServiceProcess service : pipeline.all()) {
        service.awaitHealthy();
      }
      return pipeline;
    } catch (RuntimeException | Error e) {
      pipeline.close();
      throw e;
    }
  }

  /** Starts one more transcode worker (its own port, work dir and log). */
  public ServiceProcess addWorker(boolean awaitHealthy) {
    ServiceProcess worker =
        new ServiceProcess(
            "transcode-workers", "transcode-workers-" + (workers.size() + 1), infra, work, workerEnv);
    workers.add(worker);
    worker.start();
    return awaitHealthy ? worker.awaitHealthy() : worker;
  }

  public ServiceProcess ingest() {
    return ingest;
  }

  public ServiceProcess projector() {
    return projector;
  }

  public ServiceProcess api() {
    return api;
  }

  public List<ServiceProcess> workers() {
    return List.copyOf(workers);
  }

  public Endpoints infra() {
    return infra;
  }

  public Path work() {
    return work;
  }

  /** A client of this pipeline's gateways, acting as {@code user}. */
  public MediaflowClient client(String user, boolean admin) {
    return new MediaflowClient(ingest.url(), api.url(), user, admin);
  }

  /** Starts again any service that is not running (killed by a test) and waits until all are healthy. */
  public void ensureRunning() {
    for (ServiceProcess service : all()) {
      if (!service.isAlive()) {
        service.start();
      }
    }
    for (ServiceProcess service : all()) {
      service.awaitHealthy();
    }
  }

  /** Where to look when a test fails: every service's log file. */
  public String logs() {
    StringBuilder text = new StringBuilder("service logs:");
    for (ServiceProcess service : all()) {
      text.append("\n  ").append(service.log());
    }
    return text.toString();
  }

  /**
   * Fails, with the end of its log, if any service has exited (crashed, out of heap, killed by the
   * OS): for tests that would otherwise go on polling a dead service until their timeouts run out.
   */
  public void assertAllAlive() {
    for (ServiceProcess service : all()) {
      if (!service.isAlive()) {
        throw new AssertionError(
            service.name() + " exited with " + service.exitValue() + " during the test; the end of "
                + service.log() + ":\n" + service.logTail(80));
      }
    }
  }

  public List<ServiceProcess> all() {
    List<ServiceProcess> all = new ArrayList<>(List.of(ingest, projector, api));
    all.addAll(workers);
    return all;
  }

  /** Every service asked to stop at once, then each awaited (and SIGKILLed after 30 s). */
  @Override
  public void close() {
    List<ServiceProcess> all = all();
    all.forEach(ServiceProcess::terminate);
    all.forEach(ServiceProcess::stop);
  }
}
