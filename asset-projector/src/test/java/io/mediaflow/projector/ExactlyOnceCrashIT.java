package io.mediaflow.projector;

import static io.mediaflow.projector.ProjectorFlowIT.committedJobsByAsset;
import static io.mediaflow.projector.ProjectorFlowIT.newAssetId;
import static io.mediaflow.projector.ProjectorFlowIT.send;
import static io.mediaflow.projector.fixtures.Events.chunk;
import static io.mediaflow.projector.fixtures.Events.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediaflow.devstack.testing.MediaflowInfra;
import io.mediaflow.events.Job;
import io.mediaflow.events.UploadEvent;
import io.mediaflow.schemas.Topics;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the Streams application (SIGKILL, its own JVM) in the middle of a stream of uploads,
 * restarts it on the same state directory, and checks every upload got exactly one ingest job:
 * none dispatched twice, no completion lost.
 */
@Tag("integration")
@ExtendWith(MediaflowInfra.class)
class ExactlyOnceCrashIT {

  private static final int ASSETS = 40;
  private static final int CHUNKS = 4;

  @TempDir Path stateDir;

  @Test
  void aKilledAndRestartedProjectorDispatchesEveryIngestJobExactlyOnce() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < ASSETS; i++) {
      ids.add(newAssetId());
    }
    Process first = startProjector("first");
    try {
      for (int i = 0; i < ASSETS / 2; i++) {
        upload(ids.get(i));
      }
      Thread.sleep(1500); // let it process and commit part of the stream
    } finally {
      first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    for (int i = ASSETS / 2; i < ASSETS; i++) {
      upload(ids.get(i));
    }
    Process second = startProjector("second");
    try {
      await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2)).until(() -> allDispatched(ids));
      Map<String, List<Job>> jobs = committedJobsByAsset();
      for (String id : ids) {
        assertThat(jobs.get(id)).as("jobs of %s", id).extracting(Job::getJobId).containsExactly(id + ".g1.ingest.a1");
      }
    } finally {
      second.destroy();
      second.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static boolean allDispatched(List<String> ids) {
    return committedJobsByAsset().keySet().containsAll(ids);
  }

  /** Start, duplicated chunks, and the first chunk again after the rest. */
  private static void upload(String id) {
    List<UploadEvent> events = new ArrayList<>(List.of(started(id, CHUNKS)));
    for (int c = CHUNKS - 1; c >= 0; c--) {
      events.add(chunk(id, c));
      events.add(chunk(id, c));
    }
    events.add(chunk(id, 0));
    send(Topics.UPLOADS, id, events);
  }

  private Process startProjector(String name) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = Files.createTempFile("projector-" + name, ".log");
    Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
            StreamsProcessMain.class.getName(), MediaflowInfra.endpoints().kafkaBootstrapServers(), stateDir.toString())
        .redirectErrorStream(true)
        .start();
    CountDownLatch running = new CountDownLatch(1);
    Thread pump = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          Files.writeString(log, line + System.lineSeparator(), StandardOpenOption.APPEND);
          if (line.equals("STATE RUNNING")) {
            running.countDown();
          }
        }
      } catch (Exception e) {
        // the process died: that is the point of this test
      }
    });
    pump.setDaemon(true);
    pump.start();
    assertThat(running.await(90, TimeUnit.SECONDS)).as("projector %s running (log %s)", name, log).isTrue();
    return process;
  }
}
