package io.mediaflow.workers.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.devstack.Endpoints;
import io.mediaflow.devstack.testing.MediaflowInfra;
import io.mediaflow.events.IngestSucceeded;
import io.mediaflow.events.Job;
import io.mediaflow.events.JobEvent;
import io.mediaflow.events.JobFailed;
import io.mediaflow.events.MediaInfo;
import io.mediaflow.events.RenditionProfile;
import io.mediaflow.events.TranscodeSucceeded;
import io.mediaflow.events.TranscodeTask;
import io.mediaflow.schemas.Topics;
import io.mediaflow.workers.config.WorkerComponents;
import io.mediaflow.workers.ffmpeg.TestMedia;
import io.mediaflow.workers.plan.Fixtures;
import io.mediaflow.workers.plan.ObjectKeys;
import io.mediaflow.workers.queue.RetryBackoff;
import io.mediaflow.workers.queue.WorkerFleet;
import io.mediaflow.workers.support.Infra;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench/transcode-workers/run.sh: a 60 s 1280x720 source through the real worker fleet (ingest job,
 * then the transcode jobs the projector dispatches for it, smallest first, storyboard on the highest),
 * on the real Kafka and S3, against one plain ffmpeg command making the same ladder, in the same run.
 */
@Tag("integration")
@EnabledIfSystemProperty(named = "mediaflow.bench.concurrency", matches = "\\d+")
@ExtendWith(MediaflowInfra.class)
class TranscodeBenchIT {

  /** What ProfileSelector picks from the default ladder for a 720p source (1080p would upscale). */
  static final List<RenditionProfile> LADDER = List.of(
      Fixtures.video("360p", 640, 360, "600k", "96k"),
      Fixtures.video("480p", 854, 480, "1000k", "128k"),
      Fixtures.video("720p", 1280, 720, "2500k", "128k"));
  static final int SEGMENT_SECONDS = 4;

  @TempDir Path dir;

  record Pipeline(double firstSeconds, double allSeconds, double ingestSeconds) {}

  @Test
  void ladder(Endpoints infra) throws Exception {
    int concurrency = Integer.getInteger("mediaflow.bench.concurrency");
    int rounds = Integer.getInteger("mediaflow.bench.rounds", 1);
    Path source = TestMedia.ffmpeg(dir.resolve("source.mp4"),
        "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
        "-t", "60", "-c:v", "libx264", "-preset", "veryfast", "-b:v", "4M", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
    byte[] bytes = Files.readAllBytes(source);

    try (WorkerComponents components = Infra.components(infra, dir.resolve("work"));
        Admin admin = Admin.create(Map.of("bootstrap.servers", infra.kafkaBootstrapServers()));
        KafkaProducer<String, Job> jobs = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()),
            Topics.JOBS.keySerde().serializer(), Topics.JOBS.valueSerde().serializer());
        KafkaConsumer<String, JobEvent> events = Infra.jobEvents(infra)) {
      String group = "bench-" + UUID.randomUUID();
      Infra.startGroupAtEnd(infra, group);
      WorkerFleet fleet = WorkerFleet.create(admin, infra.kafkaBootstrapServers(), group, concurrency, 3, Duration.ofSeconds(5),
          Duration.ofMillis(100), Duration.ofSeconds(5), RetryBackoff.NONE, components.runner(), components.publisher(), "bench");
      fleet.start();
      try {
        warmUp(infra, jobs, events);
        List<Double> plain = new ArrayList<>();
        List<Pipeline> piped = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
          piped.add(pipeline(infra, jobs, events, bytes));
          plain.add(plain(bytes, r));
        }
        report(concurrency, rounds, plain, piped);
      } finally {
        fleet.stop();
      }
    }
  }

  /** The fleet's share consumers joined and ffmpeg extracted before the clock starts. */
  static void warmUp(Endpoints infra, KafkaProducer<String, Job> jobs, KafkaConsumer<String, JobEvent> events) throws Exception {
    String asset = Infra.newAssetId();
    jobs.send(new ProducerRecord<>(Topics.JOBS.name(), asset + ".g1.ingest.a1",
        Infra.ingestJob(asset, List.of("uploads/" + asset + "/chunks/000000"), new byte[1], "video/mp4", null))).get();
    List<JobEvent> seen = Infra.awaitEvents(events, asset, Duration.ofSeconds(120), l -> l.stream().anyMatch(e -> e.getEvent() instanceof JobFailed));
    assertThat(seen).as("warm-up job answered").isNotEmpty();
  }

  /** Ingest job produced at t0; the transcode jobs produced, as the projector would, once it succeeded. */
  Pipeline pipeline(Endpoints infra, KafkaProducer<String, Job> jobs, KafkaConsumer<String, JobEvent> events, byte[] bytes) throws Exception {
    String asset = Infra.newAssetId();
    List<String> chunks = Infra.uploadChunks(infra, asset, bytes, 8 * 1024 * 1024);
    Job ingest = Infra.ingestJob(asset, chunks, bytes, "video/mp4", Infra.sha256(bytes));
    Instant t0 = Instant.now();
    jobs.send(new ProducerRecord<>(Topics.JOBS.name(), ingest.getJobId(), ingest)).get();
    List<JobEvent> seen = Infra.awaitEvents(events, asset, Duration.ofMinutes(10), l -> l.stream().anyMatch(e -> e.getEvent() instanceof IngestSucceeded || e.getEvent() instanceof JobFailed));
    JobEvent ingested = seen.stream().filter(e -> e.getEvent() instanceof IngestSucceeded).findFirst().orElseThrow(() -> new AssertionError("ingest failed: " + seen));
    MediaInfo media = ((IngestSucceeded) ingested.getEvent()).getMedia();
    for (RenditionProfile p : LADDER) {
      Job job = Job.newBuilder().setJobId(asset + ".g1." + p.getName() + ".a1").setAssetId(asset).setGeneration(1).setAttempt(1)
          .setIssuedAt(Instant.now())
          .setTask(TranscodeTask.newBuilder().setSourceKey(media.getSourceKey()).setProfile(p)
              .setOutputPrefix(ObjectKeys.renditionPrefix(asset, 1, p.getName())).setSegmentSeconds(SEGMENT_SECONDS).setMedia(media)
              .setStoryboard(p == LADDER.get(LADDER.size() - 1)).build())
          .build();
      jobs.send(new ProducerRecord<>(Topics.JOBS.name(), job.getJobId(), job));
    }
    jobs.flush();
    // one per profile: a redelivered job's second success must not count as another rendition
    List<JobEvent> done = Infra.awaitEvents(events, asset, Duration.ofMinutes(20),
        l -> l.stream().filter(e -> e.getEvent() instanceof TranscodeSucceeded || e.getEvent() instanceof JobFailed)
            .map(JobEvent::getProfile).distinct().count() >= LADDER.size());
    Map<String, Instant> firstReady = new java.util.HashMap<>();
    done.stream().filter(e -> e.getEvent() instanceof TranscodeSucceeded).forEach(e -> firstReady.merge(e.getProfile(), e.getOccurredAt(),
        (x, y) -> x.isBefore(y) ? x : y));
    List<Instant> ready = firstReady.values().stream().sorted().toList();
    assertThat(ready).as("every rendition made: %s", done).hasSize(LADDER.size());
    return new Pipeline(seconds(t0, ready.get(0)), seconds(t0, ready.get(ready.size() - 1)), seconds(t0, ingested.getOccurredAt()));
  }

  /** The plain ffmpeg ladder on the same source file, written to local disk. */
  double plain(byte[] bytes, int round) throws Exception {
    Path src = dir.resolve("plain-" + round + ".mp4");
    Files.write(src, bytes);
    MediaInfo media = Fixtures.media(io.mediaflow.events.MediaKind.VIDEO, 1280, 720, "h264", "aac", 60);
    Path out = dir.resolve("plain-out-" + round);
    for (RenditionProfile p : LADDER) {
      Files.createDirectories(out.resolve(p.getName()));
    }
    List<String> cmd = new ArrayList<>(List.of(TestMedia.binaries().ffmpeg().toString()));
    cmd.addAll(PlainLadder.arguments(LADDER, media, SEGMENT_SECONDS, src, out));
    long start = System.nanoTime();
    Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String log = new String(proc.getInputStream().readAllBytes());
    assertThat(proc.waitFor()).as("plain ladder: %s", log).isZero();
    double s = (System.nanoTime() - start) / 1e9;
    for (RenditionProfile p : LADDER) {
      assertThat(out.resolve(p.getName()).resolve("index.m3u8")).exists();
    }
    return s;
  }

  static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }

  static void report(int concurrency, int rounds, List<Double> plain, List<Pipeline> piped) throws Exception {
    double base = median(plain);
    double all = median(piped.stream().map(Pipeline::allSeconds).toList());
    double first = median(piped.stream().map(Pipeline::firstSeconds).toList());
    double ingest = median(piped.stream().map(Pipeline::ingestSeconds).toList());
    String row = String.format(Locale.ROOT,
        "| %s | %d | %d | %.1f s | %.1f s | %.1f s | %.1f s | **%.2f×** (≤ 1.2) | **%.2f×** (≤ 0.5) |%n",
        Instant.now().toString().substring(0, 16) + "Z", concurrency, rounds, base, ingest, first, all, all / base, first / base);
    String md = "| date | concurrency | rounds | plain ffmpeg ladder | ingest done | first rendition | all renditions | all / plain | first / plain |\n"
        + "|---|---|---|---|---|---|---|---|---|\n" + row;
    System.out.println("\n" + md);
    System.out.printf(Locale.ROOT, "rounds: plain %s, pipeline %s%n", plain, piped);
    Path result = Path.of(System.getProperty("mediaflow.bench.out", "target/bench-result.md"));
    Files.createDirectories(result.toAbsolutePath().getParent());
    Files.writeString(result, md);
  }

  static double median(List<Double> xs) {
    List<Double> s = xs.stream().sorted().toList();
    return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
  }
}
