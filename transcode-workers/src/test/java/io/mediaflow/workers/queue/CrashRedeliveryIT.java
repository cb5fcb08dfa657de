package io.mediaflow.workers.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.devstack.Endpoints;
import io.mediaflow.devstack.testing.MediaflowInfra;
import io.mediaflow.events.Job;
import io.mediaflow.events.JobEvent;
import io.mediaflow.events.MediaKind;
import io.mediaflow.events.TranscodeSucceeded;
import io.mediaflow.events.TranscodeTask;
import io.mediaflow.schemas.Topics;
import io.mediaflow.workers.ffmpeg.TestMedia;
import io.mediaflow.workers.plan.Fixtures;
import io.mediaflow.workers.support.Infra;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Two worker processes on the real broker; the one encoding is killed with SIGKILL mid-encode. */
@Tag("integration")
@ExtendWith(MediaflowInfra.class)
class CrashRedeliveryIT {

  @TempDir Path dir;
  final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stopProcesses() {
    processes.forEach(Process::destroyForcibly);
  }

  Process worker(Endpoints e, String group, String id, List<String> output) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = List.of(java, "-Xmx256m",
        "-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("org.bytedeco.javacpp.cachedir", System.getProperty("java.io.tmpdir") + "/javacpp"),
        "-cp", System.getProperty("java.class.path"), WorkerProcessMain.class.getName(),
        e.kafkaBootstrapServers(), e.s3Endpoint(), e.s3AccessKey(), e.s3SecretKey(), e.bucket(), group,
        Files.createDirectories(dir.resolve(id)).toString(), id);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    processes.add(p);
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
        for (String line; (line = r.readLine()) != null; ) {
          output.add(line);
        }
      } catch (Exception ignored) {
        // the process died: that is the test
      }
    });
    reader.setDaemon(true);
    reader.start();
    return p;
  }

  static void await(List<String> output, String text, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (output.stream().noneMatch(l -> l.contains(text))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no '" + text + "' within " + max + " in:\n" + String.join("\n", output));
      }
      Thread.sleep(100);
    }
  }

  @Test
  void aJobWhoseWorkerIsKilledCompletesOnTheOtherWorker(Endpoints e) throws Exception {
    String group = "it-crash-" + UUID.randomUUID();
    Infra.startGroupAtEnd(e, group);
    String asset = Infra.newAssetId();
    byte[] source = Files.readAllBytes(TestMedia.clip(dir, "long.mp4", 12, "640x360"));
    Infra.uploadChunks(e, asset, source, source.length);
    String sourceKey = "assets/" + asset + "/source";
    Infra.components(e, dir.resolve("setup")).store().copy(String.format("uploads/%s/chunks/%06d", asset, 0), sourceKey);
    Job job = Job.newBuilder().setJobId(asset + ".g1.360p.a1").setAssetId(asset).setIssuedAt(Instant.now())
        .setTask(TranscodeTask.newBuilder().setSourceKey(sourceKey)
            .setProfile(Fixtures.video("360p", 640, 360, "800k", "96k")).setOutputPrefix("assets/" + asset + "/g1/360p/")
            .setSegmentSeconds(4).setMedia(Fixtures.media(MediaKind.VIDEO, 640, 360, "h264", "aac", 12)).build())
        .build();

    List<String> outA = new CopyOnWriteArrayList<>();
    List<String> outB = new CopyOnWriteArrayList<>();
    Process a = worker(e, group, "worker-a", outA);
    Process b = worker(e, group, "worker-b", outB);
    await(outA, "WORKER READY", Duration.ofSeconds(90));
    await(outB, "WORKER READY", Duration.ofSeconds(90));
    try (KafkaProducer<String, Job> producer = new KafkaProducer<>(Map.of("bootstrap.servers", e.kafkaBootstrapServers()),
        Topics.JOBS.keySerde().serializer(), Topics.JOBS.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(Topics.JOBS.name(), job.getJobId(), job)).get();
    }
    String started = "job " + job.getJobId() + " (delivery 1) started";
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (outA.stream().noneMatch(l -> l.contains(started)) && outB.stream().noneMatch(l -> l.contains(started))
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    boolean aTookIt = outA.stream().anyMatch(l -> l.contains(started));
    assertThat(aTookIt || outB.stream().anyMatch(l -> l.contains(started))).as("a worker took the job").isTrue();
    Process victim = aTookIt ? a : b;
    List<String> victimOut = aTookIt ? outA : outB;
    List<String> survivorOut = aTookIt ? outB : outA;
    String survivor = aTookIt ? "worker-b" : "worker-a";

    victim.destroyForcibly(); // SIGKILL, mid-encode
    victim.waitFor();

    await(survivorOut, "job " + job.getJobId() + " (delivery 2) started", Duration.ofSeconds(60));
    try (KafkaConsumer<String, JobEvent> events = Infra.jobEvents(e)) {
      List<JobEvent> seen = Infra.awaitEvents(events, asset, Duration.ofSeconds(120),
          l -> l.stream().anyMatch(ev -> ev.getEvent() instanceof TranscodeSucceeded));
      List<JobEvent> outcomes = seen.stream().filter(ev -> ev.getEvent() instanceof TranscodeSucceeded).toList();
      assertThat(outcomes).hasSize(1);
      assertThat(outcomes.get(0).getWorker()).isEqualTo(survivor);
    }
    assertThat(victimOut).noneMatch(l -> l.contains("ended"));
  }
}
