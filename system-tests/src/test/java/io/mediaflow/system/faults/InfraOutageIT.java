package io.mediaflow.system.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.devstack.DevStack;
import io.mediaflow.devstack.DevStack.Server;
import io.mediaflow.system.support.Await;
import io.mediaflow.system.support.FaultStack;
import io.mediaflow.system.support.MediaflowClient;
import io.mediaflow.system.support.Pipeline;
import io.mediaflow.system.support.ServiceProcess;
import io.mediaflow.system.support.TestMedia;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server of the stack goes away under a running pipeline and comes back on the same port with the
 * same data: the services say so on /health, recover by themselves (same processes), lose nothing.
 */
class InfraOutageIT {

  private static final Duration OUTAGE = Duration.ofSeconds(30);

  private static DevStack stack;
  private static Pipeline pipeline;
  private static MediaflowClient alice;
  private static Path clip;

  @BeforeAll
  static void startPipeline() {
    stack = FaultStack.start("infra-outage");
    pipeline = Pipeline.start(stack.endpoints(), "faults-infra-outage", 1);
    alice = pipeline.client("alice", false);
    clip = TestMedia.video(TestMedia.tempDir("outage"), "clip.mp4", 6, 320, 240);
  }

  @AfterAll
  static void stopPipeline() {
    if (pipeline != null) {
      pipeline.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @BeforeEach
  void everythingRuns() {
    for (Server server : Server.values()) {
      stack.start(server);
    }
    pipeline.ensureRunning();
  }

  @AfterEach
  void serversBack() {
    for (Server server : Server.values()) {
      stack.start(server);
    }
  }

  @Test
  void aKafkaRestartMidPipelineLosesNothing() throws Exception {
    List<String> ids = new CopyOnWriteArrayList<>();
    Thread uploads =
        new Thread(
            () -> {
              for (int i = 0; i < 6; i++) {
                ids.add(alice.uploadPatiently(clip, "video/mp4", "private", Duration.ofMinutes(3)));
              }
            },
            "uploads");
    uploads.start();
    Await.until(
        "an asset of this test PROCESSING (jobs in flight)",
        () -> ids.stream().anyMatch(id -> inFlight(alice.asset(id).body())),
        Duration.ofMinutes(2));

    stack.stop(Server.KAFKA);
    MediaflowClient.sleep(10_000);
    stack.start(Server.KAFKA);

    uploads.join(Duration.ofMinutes(4).toMillis());
    assertThat(ids).as("uploads done").hasSize(6);
    Await.allReady(pipeline, alice, ids, Duration.ofMinutes(4));
  }

  /**
   * S3 away: besides the upload made during the outage, the ingest job of one uploaded just before
   * meets it, fails retryably and is held before each redelivery (transcode-workers README), so it
   * outlives the outage instead of being dead-lettered within a second (the bug this test found).
   */
  @Test
  void s3AwayFor30sDegradesRecoversAndLosesNoJob() {
    outage(Server.S3, "s3", List.of(pipeline.ingest(), pipeline.api(), pipeline.workers().get(0)), true);
  }

  @Test
  void mongoDbAwayFor30sDegradesAndRecoversWithoutRestart() {
    outage(Server.MONGODB, "mongodb", List.of(pipeline.projector(), pipeline.api()), true);
  }

  private static boolean inFlight(String asset) {
    return asset.contains("\"PROCESSING\"") || asset.contains("\"PLAYABLE\"");
  }

  /**
   * One asset is uploaded while {@code server} is away (the client retries what is refused), and with
   * {@code uploadBefore} one just before it goes away (its jobs meet the outage); all end READY.
   * Meanwhile every service that depends on it reports DEGRADED with the dependency DOWN, and UP
   * again afterwards, same process.
   */
  private void outage(Server server, String dependency, List<ServiceProcess> dependents, boolean uploadBefore) {
    Map<String, Long> pids = dependents.stream().collect(Collectors.toMap(ServiceProcess::name, ServiceProcess::pid));
    List<String> ids = new ArrayList<>();
    if (uploadBefore) {
      ids.add(alice.upload(clip, "video/mp4", "private"));
    }

    long down = System.nanoTime();
    stack.stop(server);
    for (ServiceProcess service : dependents) {
      Await.health(pipeline, service, "DEGRADED with " + dependency + " DOWN",
          Await.reports("DEGRADED", dependency, "DOWN"), Duration.ofSeconds(20));
    }
    List<String> during = new CopyOnWriteArrayList<>();
    Thread upload =
        new Thread(() -> during.add(alice.uploadPatiently(clip, "video/mp4", "private", Duration.ofMinutes(2))));
    upload.start();
    MediaflowClient.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - down) / 1_000_000));
    stack.start(server);

    for (ServiceProcess service : dependents) {
      Await.health(pipeline, service, "UP with " + dependency + " UP",
          Await.reports("UP", dependency, "UP"), Duration.ofSeconds(60));
      assertThat(service.pid()).as(service.name() + " was not restarted").isEqualTo(pids.get(service.name()));
      assertThat(service.isAlive()).isTrue();
    }
    try {
      upload.join(Duration.ofMinutes(2).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    assertThat(during).as("upload made during the outage").hasSize(1);
    ids.addAll(during);
    Await.allReady(pipeline, alice, ids, Duration.ofMinutes(3));
  }
}
