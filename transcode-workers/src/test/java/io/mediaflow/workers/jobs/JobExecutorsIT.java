package io.mediaflow.workers.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.devstack.Endpoints;
import io.mediaflow.devstack.testing.MediaflowInfra;
import io.mediaflow.events.IngestSucceeded;
import io.mediaflow.events.Job;
import io.mediaflow.events.JobEvent;
import io.mediaflow.events.MediaInfo;
import io.mediaflow.events.MediaKind;
import io.mediaflow.events.RenditionResult;
import io.mediaflow.events.TranscodeSucceeded;
import io.mediaflow.events.TranscodeTask;
import io.mediaflow.workers.config.WorkerComponents;
import io.mediaflow.workers.failure.FailureCode;
import io.mediaflow.workers.ffmpeg.TestMedia;
import io.mediaflow.workers.media.MediaLimits;
import io.mediaflow.workers.plan.Fixtures;
import io.mediaflow.workers.support.Infra;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Each executor run directly against the real S3 and Kafka, with media made by ffmpeg. */
@Tag("integration")
@ExtendWith(MediaflowInfra.class)
class JobExecutorsIT {

  @TempDir static Path media;
  @TempDir static Path work;
  static Endpoints infra;
  static WorkerComponents workers;
  static byte[] clip;

  @BeforeAll
  static void setUp(Endpoints endpoints) throws Exception {
    infra = endpoints;
    workers = Infra.components(endpoints, work);
    clip = Files.readAllBytes(TestMedia.clip(media, "clip.mp4", 4, "320x240"));
  }

  @AfterAll
  static void tearDown() {
    workers.close();
  }

  static JobOutcome run(Job job) {
    return workers.runner().run(job, "it-worker");
  }

  static FailureCode failure(JobOutcome outcome) {
    assertThat(outcome).isInstanceOf(JobOutcome.Failed.class);
    return ((JobOutcome.Failed) outcome).failure().code();
  }

  @Test
  void ingestThenTranscodeAndAgainOnRedelivery() throws Exception {
    String asset = Infra.newAssetId();
    List<String> chunks = Infra.uploadChunks(infra, asset, clip, 64 * 1024);
    Job ingest = Infra.ingestJob(asset, chunks, clip, "video/mp4", Infra.sha256(clip));

    JobOutcome outcome = run(ingest);

    assertThat(outcome).isInstanceOf(JobOutcome.Succeeded.class);
    JobEvent event = ((JobOutcome.Succeeded) outcome).event();
    MediaInfo info = ((IngestSucceeded) event.getEvent()).getMedia();
    assertThat(info.getKind()).isEqualTo(MediaKind.VIDEO);
    assertThat(info.getWidth()).isEqualTo(320);
    assertThat(info.getBytes()).isEqualTo(clip.length);
    assertThat(info.getSourceKey()).isEqualTo("assets/" + asset + "/source");
    assertThat(info.getThumbnailKey()).isEqualTo("assets/" + asset + "/thumbnail.jpg");
    assertThat(Infra.exists(infra, info.getSourceKey())).isTrue();
    assertThat(Infra.exists(infra, info.getThumbnailKey())).isTrue();
    assertThat(chunks).noneMatch(k -> Infra.exists(infra, k));
    assertThat(event.getProfile()).isNull();

    assertThat(run(ingest)).as("a redelivered ingest finds the source assembled").isInstanceOf(JobOutcome.Succeeded.class);

    workers.publisher().outcome(event);
    try (KafkaConsumer<String, JobEvent> events = Infra.jobEvents(infra)) {
      List<JobEvent> seen = Infra.awaitEvents(events, asset, Duration.ofSeconds(30),
          l -> l.stream().anyMatch(e -> e.getEvent() instanceof IngestSucceeded));
      assertThat(seen).as("progress, then the outcome, keyed by asset id")
          .anyMatch(e -> e.getEvent() instanceof io.mediaflow.events.JobProgress)
          .anyMatch(e -> e.getEvent() instanceof IngestSucceeded);
    }

    String prefix = "assets/" + asset + "/g1/240p/";
    Job transcode = Job.newBuilder().setJobId(asset + ".g1.240p.a1").setAssetId(asset).setGeneration(1).setAttempt(1)
        .setIssuedAt(Instant.now())
        .setTask(TranscodeTask.newBuilder().setSourceKey(info.getSourceKey())
            .setProfile(Fixtures.video("240p", 426, 240, "300k", "64k")).setOutputPrefix(prefix)
            .setSegmentSeconds(2).setMedia(info).build())
        .build();
    JobOutcome encoded = run(transcode);
    assertThat(encoded).isInstanceOf(JobOutcome.Succeeded.class);
    JobEvent done = ((JobOutcome.Succeeded) encoded).event();
    RenditionResult r = ((TranscodeSucceeded) done.getEvent()).getRendition();
    assertThat(done.getProfile()).isEqualTo("240p");
    assertThat(r.getPlaylistKey()).isEqualTo(prefix + "index.m3u8");
    assertThat(r.getWidth()).isEqualTo(320);
    assertThat(r.getHeight()).isEqualTo(240);
    assertThat(r.getCodecs()).isEqualTo("avc1.4d401f,mp4a.40.2");
    assertThat(r.getBytes()).isPositive();
    assertThat(Infra.exists(infra, prefix + "index.m3u8")).isTrue();
    assertThat(Infra.exists(infra, prefix + "seg_00001.ts")).isTrue();
    assertThat(Infra.exists(infra, prefix + "seg_00002.ts")).isTrue();
    assertThat(workers.workRoot().dir()).isEmptyDirectory();
  }

  @Test
  void largeChunksAreComposedInTheStore() throws Exception {
    // raw video: 17 MB in 4 chunks of 5 MiB, so every part but the last is big enough to compose
    byte[] raw = Files.readAllBytes(TestMedia.ffmpeg(media.resolve("raw.avi"),
        "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-t", "2", "-c:v", "rawvideo", "-pix_fmt", "yuv420p"));
    String asset = Infra.newAssetId();
    List<String> chunks = Infra.uploadChunks(infra, asset, raw, 5 * 1024 * 1024);
    assertThat(chunks).hasSizeGreaterThan(2);

    JobOutcome outcome = run(Infra.ingestJob(asset, chunks, raw, "video/x-msvideo", Infra.sha256(raw)));

    assertThat(outcome).isInstanceOf(JobOutcome.Succeeded.class);
    MediaInfo info = ((IngestSucceeded) ((JobOutcome.Succeeded) outcome).event().getEvent()).getMedia();
    assertThat(info.getBytes()).isEqualTo(raw.length);
    assertThat(info.getSniffedType()).isEqualTo("video/x-msvideo");
  }

  @Test
  void wrongChecksumFailsForGood() throws Exception {
    String asset = Infra.newAssetId();
    List<String> chunks = Infra.uploadChunks(infra, asset, clip, 100 * 1024);
    JobOutcome outcome = run(Infra.ingestJob(asset, chunks, clip, "video/mp4", "00".repeat(32)));
    assertThat(failure(outcome)).isEqualTo(FailureCode.CHECKSUM_MISMATCH);
    assertThat(((JobOutcome.Failed) outcome).failure().retryable()).isFalse();
  }

  @Test
  void textDeclaredAsVideoIsATypeMismatch() throws Exception {
    byte[] text = "just some notes, definitely not a video\n".getBytes();
    String asset = Infra.newAssetId();
    List<String> chunks = Infra.uploadChunks(infra, asset, text, 1024);
    assertThat(failure(run(Infra.ingestJob(asset, chunks, text, "video/mp4", null)))).isEqualTo(FailureCode.TYPE_MISMATCH);
  }

  @Test
  void missingChunksAreReported() {
    String asset = Infra.newAssetId();
    Job job = Infra.ingestJob(asset, List.of("uploads/" + asset + "/chunks/000000"), clip, "video/mp4", null);
    assertThat(failure(run(job))).isEqualTo(FailureCode.SOURCE_MISSING);
  }

  @Test
  void tooLittleDiskIsRetryableAndLeavesNothing(@TempDir Path otherWork) throws Exception {
    try (WorkerComponents greedy = WorkerComponents.create(Infra.minio(infra), infra.bucket(), infra.kafkaBootstrapServers(),
        "it-greedy", TestMedia.binaries(), otherWork, Long.MAX_VALUE / 4, MediaLimits.DEFAULT)) {
      String asset = Infra.newAssetId();
      List<String> chunks = Infra.uploadChunks(infra, asset, clip, 100 * 1024);
      JobOutcome outcome = greedy.runner().run(Infra.ingestJob(asset, chunks, clip, "video/mp4", null), "it");
      assertThat(failure(outcome)).isEqualTo(FailureCode.INSUFFICIENT_DISK);
      assertThat(((JobOutcome.Failed) outcome).failure().retryable()).isTrue();
      assertThat(greedy.workRoot().dir()).isEmptyDirectory();
    }
  }
}
