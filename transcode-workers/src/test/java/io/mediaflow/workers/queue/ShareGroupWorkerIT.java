package io.mediaflow.workers.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.devstack.Endpoints;
import io.mediaflow.devstack.testing.MediaflowInfra;
import io.mediaflow.events.DeadLetter;
import io.mediaflow.events.IngestSucceeded;
import io.mediaflow.events.Job;
import io.mediaflow.events.JobEvent;
import io.mediaflow.events.JobFailed;
import io.mediaflow.events.MediaKind;
import io.mediaflow.events.TranscodeSucceeded;
import io.mediaflow.events.TranscodeTask;
import io.mediaflow.schemas.Topics;
import io.mediaflow.workers.config.WorkerComponents;
import io.mediaflow.workers.ffmpeg.TestMedia;
import io.mediaflow.workers.plan.Fixtures;
import io.mediaflow.workers.support.Infra;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Jobs produced to the jobs topic, taken by a real share-group fleet, outcomes on the event topics. */
@Tag("integration")
@ExtendWith(MediaflowInfra.class)
class ShareGroupWorkerIT {

  @TempDir static Path media;
  @TempDir static Path work;
  static Endpoints infra;
  static WorkerComponents components;
  static Admin admin;
  static WorkerFleet fleet;
  static KafkaProducer<String, Job> jobs;
  static byte[] clip;
  static final RetryBackoff BACKOFF = new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(5));

  @BeforeAll
  static void setUp(Endpoints endpoints) throws Exception {
    infra = endpoints;
    clip = Files.readAllBytes(TestMedia.clip(media, "clip.mp4", 4, "320x240"));
    components = Infra.components(endpoints, work);
    admin = Admin.create(Map.of("bootstrap.servers", endpoints.kafkaBootstrapServers()));
    jobs = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers()),
        Topics.JOBS.keySerde().serializer(), Topics.JOBS.valueSerde().serializer());
    // its own group, starting after the jobs of earlier tests, so only these jobs run; renewal every second
    String group = "it-workers-" + UUID.randomUUID();
    Infra.startGroupAtEnd(endpoints, group);
    fleet = WorkerFleet.create(admin, endpoints.kafkaBootstrapServers(), group, 1, 2,
        Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(10), BACKOFF, components.runner(), components.publisher(), "it-fleet");
    fleet.start();
  }

  @AfterAll
  static void tearDown() {
    fleet.stop();
    jobs.close();
    admin.close();
    components.close();
  }

  static void produce(Job job) throws Exception {
    jobs.send(new ProducerRecord<>(Topics.JOBS.name(), job.getJobId(), job)).get();
  }

  static List<JobEvent> outcomes(List<JobEvent> events) {
    return events.stream().filter(e -> !(e.getEvent() instanceof io.mediaflow.events.JobProgress)).toList();
  }

  /** Waits for the first outcome, then a little longer so that a duplicate would show. */
  static List<JobEvent> awaitOutcomes(String asset) {
    try (KafkaConsumer<String, JobEvent> events = Infra.jobEvents(infra)) {
      List<JobEvent> seen = new ArrayList<>(Infra.awaitEvents(events, asset, Duration.ofSeconds(90), l -> !outcomes(l).isEmpty()));
      seen.addAll(Infra.awaitEvents(events, asset, Duration.ofSeconds(3), l -> false));
      return outcomes(seen);
    }
  }

  @Test
  void ingestJobRunsOnceAndReportsSuccess() throws Exception {
    String asset = Infra.newAssetId();
    List<String> chunks = Infra.uploadChunks(infra, asset, clip, 64 * 1024);
    produce(Infra.ingestJob(asset, chunks, clip, "video/mp4", Infra.sha256(clip)));

    List<JobEvent> outcomes = awaitOutcomes(asset);

    assertThat(outcomes).hasSize(1);
    assertThat(outcomes.get(0).getEvent()).isInstanceOf(IngestSucceeded.class);
    assertThat(outcomes.get(0).getWorker()).isEqualTo("it-fleet");
  }

  @Test
  void aJobLongerThanTheRenewIntervalKeepsItsLockAndRunsOnce() throws Exception {
    String asset = Infra.newAssetId();
    byte[] longer = Files.readAllBytes(TestMedia.clip(media, asset + ".mp4", 6, "640x360"));
    String source = "assets/" + asset + "/source";
    Infra.uploadChunks(infra, asset, longer, longer.length); // one chunk
    components.store().copy(String.format("uploads/%s/chunks/%06d", asset, 0), source);
    produce(Job.newBuilder().setJobId(asset + ".g1.360p.a1").setAssetId(asset).setIssuedAt(Instant.now())
        .setTask(TranscodeTask.newBuilder().setSourceKey(source)
            .setProfile(Fixtures.video("360p", 640, 360, "800k", "96k")).setOutputPrefix("assets/" + asset + "/g1/360p/")
            .setSegmentSeconds(2).setMedia(Fixtures.media(MediaKind.VIDEO, 640, 360, "h264", "aac", 6)).build())
        .build());

    List<JobEvent> outcomes = awaitOutcomes(asset);

    assertThat(outcomes).hasSize(1);
    assertThat(outcomes.get(0).getEvent()).isInstanceOf(TranscodeSucceeded.class);
  }

  @Test
  void aRetryOfTheOrchestratorWaitsForItsBackoffAndRunsOnce() throws Exception {
    String asset = Infra.newAssetId();
    Instant issued = Instant.now();
    Job attempt3 = Job.newBuilder(Infra.ingestJob(asset, List.of("uploads/" + asset + "/chunks/000000"), clip, "video/mp4", null))
        .setJobId(asset + ".g1.ingest.a3").setAttempt(3).setIssuedAt(issued).build();
    produce(attempt3);

    List<JobEvent> outcomes = awaitOutcomes(asset);

    assertThat(outcomes).hasSize(1);
    assertThat(outcomes.get(0).getAttempt()).isEqualTo(3);
    assertThat(outcomes.get(0).getOccurredAt()).as("attempt 3 waits 2 s·2").isAfterOrEqualTo(issued.plusSeconds(4));
  }

  @Test
  void jobsQueuedBehindARenewedJobRunOnceEach() throws Exception {
    String asset = Infra.newAssetId();
    byte[] longer = Files.readAllBytes(TestMedia.clip(media, asset + ".mp4", 12, "1280x720"));
    String source = "assets/" + asset + "/source";
    Infra.uploadChunks(infra, asset, longer, longer.length);
    components.store().copy(String.format("uploads/%s/chunks/%06d", asset, 0), source);
    List<String> queued = new ArrayList<>();
    produce(Job.newBuilder().setJobId(asset + ".g1.360p.a1").setAssetId(asset).setIssuedAt(Instant.now())
        .setTask(TranscodeTask.newBuilder().setSourceKey(source)
            .setProfile(Fixtures.video("360p", 640, 360, "800k", "96k")).setOutputPrefix("assets/" + asset + "/g1/360p/")
            .setSegmentSeconds(2).setMedia(Fixtures.media(MediaKind.VIDEO, 1280, 720, "h264", "aac", 12)).build())
        .build());
    Thread.sleep(1500); // the long job is running and renewing when the others arrive
    for (int i = 0; i < 3; i++) {
      // a missing chunk: a quick permanent failure, reported once
      Job quick = Job.newBuilder(Infra.ingestJob(asset, List.of("uploads/" + asset + "/chunks/00000" + (i + 5)), clip, "video/mp4", null))
          .setJobId(asset + ".g1.ingest.a" + (i + 1)).setAttempt(i + 1).setIssuedAt(Instant.now().minusSeconds(3600)).build();
      produce(quick);
      queued.add(quick.getJobId());
    }

    List<JobEvent> seen;
    try (KafkaConsumer<String, JobEvent> events = Infra.jobEvents(infra)) {
      seen = new ArrayList<>(Infra.awaitEvents(events, asset, Duration.ofSeconds(120), l -> outcomes(l).size() >= 4));
      seen.addAll(Infra.awaitEvents(events, asset, Duration.ofSeconds(5), l -> false));
    }
    assertThat(outcomes(seen)).extracting(JobEvent::getJobId)
        .as("each job exactly once").containsExactlyInAnyOrder(asset + ".g1.360p.a1", queued.get(0), queued.get(1), queued.get(2));
  }

  @Test
  void aPermanentFailureIsReportedOnceAndNotRetried() throws Exception {
    String asset = Infra.newAssetId();
    produce(Infra.ingestJob(asset, List.of("uploads/" + asset + "/chunks/000000"), clip, "video/mp4", null));

    List<JobEvent> outcomes = awaitOutcomes(asset);

    assertThat(outcomes).hasSize(1);
    assertThat(((JobFailed) outcomes.get(0).getEvent()).getFailure().getCode()).isEqualTo("SOURCE_MISSING");
    assertThat(((JobFailed) outcomes.get(0).getEvent()).getRetryable()).isFalse();
  }

  @Test
  void aTransientFailureIsRetriedThenDeadLettered() throws Exception {
    String asset = Infra.newAssetId();
    String source = "assets/" + asset + "/source";
    Infra.uploadChunks(infra, asset, clip, clip.length);
    components.store().copy(String.format("uploads/%s/chunks/%06d", asset, 0), source);
    // a segment length of 0 cannot be planned: an internal error, which is worth retrying
    Job job = Job.newBuilder().setJobId(asset + ".g1.240p.a1").setAssetId(asset).setIssuedAt(Instant.now())
        .setTask(TranscodeTask.newBuilder().setSourceKey(source).setProfile(Fixtures.video("240p", 426, 240, "300k", "64k"))
            .setOutputPrefix("assets/" + asset + "/g1/240p/").setSegmentSeconds(0)
            .setMedia(Fixtures.media(MediaKind.VIDEO, 320, 240, "h264", "aac", 4)).build())
        .build();
    produce(job);

    List<JobEvent> outcomes = awaitOutcomes(asset);
    assertThat(outcomes).hasSize(1);
    assertThat(((JobFailed) outcomes.get(0).getEvent()).getFailure().getCode()).isEqualTo("INTERNAL_ERROR");

    try (KafkaConsumer<String, DeadLetter> dlt = new KafkaConsumer<>(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        Topics.JOBS_DLT.keySerde().deserializer(), Topics.JOBS_DLT.valueSerde().deserializer())) {
      dlt.subscribe(List.of(Topics.JOBS_DLT.name()));
      List<DeadLetter> letters = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (letters.isEmpty() && System.nanoTime() < deadline) {
        dlt.poll(Duration.ofMillis(200)).forEach(r -> {
          if (r.key().equals(job.getJobId())) {
            letters.add(r.value());
          }
        });
      }
      assertThat(letters).hasSize(1);
      assertThat(letters.get(0).getDeliveryCount()).isEqualTo(2);
      assertThat(letters.get(0).getFailure().getCode()).isEqualTo("INTERNAL_ERROR");
    }
  }
}
