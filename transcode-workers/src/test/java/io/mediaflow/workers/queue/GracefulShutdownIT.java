package io.mediaflow.workers.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.devstack.Endpoints;
import io.mediaflow.devstack.testing.MediaflowInfra;
import io.mediaflow.events.Job;
import io.mediaflow.events.JobEvent;
import io.mediaflow.events.JobProgress;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A worker stopping mid-job past its grace period releases the job; another worker finishes it. */
@Tag("integration")
@ExtendWith(MediaflowInfra.class)
class GracefulShutdownIT {

  @TempDir Path dir;

  static WorkerFleet fleet(Admin admin, Endpoints e, String group, WorkerComponents c, String id) {
    return WorkerFleet.create(admin, e.kafkaBootstrapServers(), group, 1, 3, Duration.ofSeconds(1), Duration.ofMillis(200),
        Duration.ofMillis(300), RetryBackoff.NONE, c.runner(), c.publisher(), id);
  }

  @Test
  void aStoppedWorkerReleasesItsJobForAnother(Endpoints e) throws Exception {
    String group = "it-stop-" + UUID.randomUUID();
    Infra.startGroupAtEnd(e, group);
    String asset = Infra.newAssetId();
    byte[] source = Files.readAllBytes(TestMedia.clip(dir, "clip.mp4", 30, "640x360"));
    Infra.uploadChunks(e, asset, source, source.length);
    String sourceKey = "assets/" + asset + "/source";
    try (WorkerComponents c = Infra.components(e, dir.resolve("work"));
        Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", e.kafkaBootstrapServers()));
        KafkaConsumer<String, JobEvent> events = Infra.jobEvents(e);
        KafkaProducer<String, Job> producer = new KafkaProducer<>(Map.of("bootstrap.servers", e.kafkaBootstrapServers()),
            Topics.JOBS.keySerde().serializer(), Topics.JOBS.valueSerde().serializer())) {
      c.store().copy(String.format("uploads/%s/chunks/%06d", asset, 0), sourceKey);
      Job job = Job.newBuilder().setJobId(asset + ".g1.360p.a1").setAssetId(asset).setIssuedAt(Instant.now())
          .setTask(TranscodeTask.newBuilder().setSourceKey(sourceKey).setProfile(Fixtures.video("360p", 640, 360, "800k", "96k"))
              .setOutputPrefix("assets/" + asset + "/g1/360p/").setSegmentSeconds(2)
              .setMedia(Fixtures.media(MediaKind.VIDEO, 640, 360, "h264", "aac", 30)).build())
          .build();
      WorkerFleet first = fleet(admin, e, group, c, "first");
      first.start();
      producer.send(new ProducerRecord<>(Topics.JOBS.name(), job.getJobId(), job)).get();
      assertThat(Infra.awaitEvents(events, asset, Duration.ofSeconds(60), l -> !l.isEmpty()))
          .as("the first worker is encoding").anyMatch(ev -> ev.getEvent() instanceof JobProgress);

      first.stop(); // grace 300 ms: the encode cannot finish, so it is stopped and released

      WorkerFleet second = fleet(admin, e, group, c, "second");
      second.start();
      try {
        List<JobEvent> seen = Infra.awaitEvents(events, asset, Duration.ofSeconds(90),
            l -> l.stream().anyMatch(ev -> ev.getEvent() instanceof TranscodeSucceeded));
        List<JobEvent> done = seen.stream().filter(ev -> ev.getEvent() instanceof TranscodeSucceeded).toList();
        assertThat(done).hasSize(1);
        assertThat(done.get(0).getWorker()).isEqualTo("second");
        assertThat(seen).noneMatch(ev -> ev.getEvent() instanceof io.mediaflow.events.JobFailed);
      } finally {
        second.stop();
      }
    }
  }
}
