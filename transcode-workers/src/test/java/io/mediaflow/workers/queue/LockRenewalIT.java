package io.mediaflow.workers.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs that run many times longer than the group's record lock, on two competing worker processes'
 * worth of consumers, both encoding at once on the same cores (the load under which duplicate
 * deliveries were seen): each job must run exactly once, on one worker, because its lock is renewed
 * for as long as it runs. The group's lock is lowered to 2 s so that a 10-minute encode's dozens of
 * lock periods fit in a test; the renewal cadence scales with the lock (a third of it).
 */
@Tag("integration")
@ExtendWith(MediaflowInfra.class)
class LockRenewalIT {

  static final int LOCK_MS = 2_000;

  @TempDir Path media;
  @TempDir Path work;

  @Test
  void jobsLastingManyLockPeriodsRunOnceEachOnOneWorker(Endpoints infra) throws Exception {
    String group = "it-lock-" + UUID.randomUUID();
    Infra.startGroupAtEnd(infra, group);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", infra.kafkaBootstrapServers()));
        WorkerComponents components = Infra.components(infra, work);
        KafkaProducer<String, Job> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()),
            Topics.JOBS.keySerde().serializer(), Topics.JOBS.valueSerde().serializer())) {
      assumeThat(brokerMinimumLockMs(admin, infra)).as("the broker allows a 2 s record lock").isLessThanOrEqualTo(LOCK_MS);
      ShareGroupSetup.apply(admin, group);
      admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, group), List.of(
              new AlterConfigOp(new ConfigEntry("share.record.lock.duration.ms", Integer.toString(LOCK_MS)), AlterConfigOp.OpType.SET))))
          .all().get(30, TimeUnit.SECONDS);

      // two fleets as two worker processes would be; renewal configured at 5 s as in production,
      // which is longer than this lock: the worker must renew on the lock's cadence, not only its own
      RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2));
      List<WorkerFleet> fleets = new ArrayList<>();
      for (String id : List.of("lock-a", "lock-b")) {
        fleets.add(WorkerFleet.create(admin, infra.kafkaBootstrapServers(), group, 1, 4, Duration.ofSeconds(5),
            Duration.ofMillis(200), Duration.ofSeconds(10), backoff, components.runner(), components.publisher(), id));
      }
      fleets.forEach(WorkerFleet::start);
      try {
        byte[] source = Files.readAllBytes(TestMedia.clip(media, "long.mp4", 24, "1280x720"));
        List<String> assets = new ArrayList<>();
        Instant issued = Instant.now();
        for (int i = 0; i < 3; i++) { // more jobs than workers: both encode at once
          String asset = Infra.newAssetId();
          assets.add(asset);
          String key = "assets/" + asset + "/source";
          Infra.uploadChunks(infra, asset, source, source.length);
          components.store().copy(String.format("uploads/%s/chunks/%06d", asset, 0), key);
          Job job = Job.newBuilder().setJobId(asset + ".g1.720p.a1").setAssetId(asset).setIssuedAt(issued)
              .setTask(TranscodeTask.newBuilder().setSourceKey(key)
                  .setProfile(Fixtures.video("720p", 1280, 720, "2500k", "128k")).setOutputPrefix("assets/" + asset + "/g1/720p/")
                  .setSegmentSeconds(2).setMedia(Fixtures.media(MediaKind.VIDEO, 1280, 720, "h264", "aac", 24)).build())
              .build();
          producer.send(new ProducerRecord<>(Topics.JOBS.name(), job.getJobId(), job)).get();
        }

        for (String asset : assets) {
          List<JobEvent> events;
          try (KafkaConsumer<String, JobEvent> consumer = Infra.jobEvents(infra)) {
            events = new ArrayList<>(Infra.awaitEvents(consumer, asset, Duration.ofMinutes(3),
                l -> l.stream().anyMatch(e -> !(e.getEvent() instanceof JobProgress))));
            // a second delivery would start within one lock period of the lapse and report progress at once
            events.addAll(Infra.awaitEvents(consumer, asset, Duration.ofMillis(3L * LOCK_MS), l -> false));
          }
          List<JobEvent> outcomes = events.stream().filter(e -> !(e.getEvent() instanceof JobProgress)).toList();
          assertThat(outcomes).as("one outcome for %s", asset).hasSize(1);
          assertThat(outcomes.get(0).getEvent()).isInstanceOf(TranscodeSucceeded.class);
          assertThat(Duration.between(issued, outcomes.get(0).getOccurredAt()))
              .as("the job outlasted several lock periods").isGreaterThan(Duration.ofMillis(3L * LOCK_MS));
          assertThat(events).extracting(JobEvent::getWorker).as("every event of %s from one worker", asset)
              .containsOnly(outcomes.get(0).getWorker());
        }
      } finally {
        fleets.forEach(WorkerFleet::stop);
      }
    }
  }

  private static long brokerMinimumLockMs(Admin admin, Endpoints infra) throws Exception {
    String node = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).iterator().next().idString();
    ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, node);
    Config config = admin.describeConfigs(List.of(broker)).all().get(30, TimeUnit.SECONDS).get(broker);
    ConfigEntry min = config.get("group.share.min.record.lock.duration.ms");
    return min == null || min.value() == null ? 15_000 : Long.parseLong(min.value());
  }
}
