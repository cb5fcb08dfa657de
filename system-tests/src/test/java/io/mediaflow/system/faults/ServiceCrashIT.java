package io.mediaflow.system.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.devstack.DevStack;
import io.mediaflow.devstack.Endpoints;
import io.mediaflow.events.Job;
import io.mediaflow.system.support.Await;
import io.mediaflow.system.support.FaultStack;
import io.mediaflow.system.support.JobsLog;
import io.mediaflow.system.support.MediaflowClient;
import io.mediaflow.system.support.Pipeline;
import io.mediaflow.system.support.Projection;
import io.mediaflow.system.support.ServiceProcess;
import io.mediaflow.system.support.TestMedia;
import io.mediaflow.system.support.Tus;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Services killed with SIGKILL in the middle of their work, on one pipeline (two workers) over a dev
 * stack of this class alone: nothing is lost, nothing is done twice where it must not be.
 */
class ServiceCrashIT {

  private static final Pattern STARTED = Pattern.compile("job (\\S+) \\(delivery (\\d+)\\) started");

  private static DevStack stack;
  private static Pipeline pipeline;
  private static MediaflowClient alice;
  private static Path clip;

  @BeforeAll
  static void startPipeline() {
    stack = FaultStack.start("service-crash");
    pipeline = Pipeline.start(stack.endpoints(), "faults-service-crash", 2);
    alice = pipeline.client("alice", false);
    clip = TestMedia.video(TestMedia.tempDir("crash"), "clip.mp4", 6, 320, 240);
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
  void everyServiceRuns() {
    pipeline.ensureRunning();
  }

  @Test
  void aWorkerKilledMidEncodeLosesNoAssetAndProducesEachRenditionOnce() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(alice.upload(clip, "video/mp4", "private"));
    }

    String[] victim = new String[2];
    Await.until(
        "a worker running a transcode job of this test",
        () -> runningTranscode(ids).map(v -> { victim[0] = v.getKey(); victim[1] = v.getValue(); return v; }).isPresent(),
        Duration.ofMinutes(2));
    ServiceProcess worker =
        pipeline.workers().stream().filter(w -> w.name().equals(victim[0])).findFirst().orElseThrow();
    worker.kill();

    Await.allReady(pipeline, alice, ids, Duration.ofMinutes(4));
    try (Projection projection = new Projection(stack.endpoints())) {
      for (String id : ids) {
        Document asset = projection.asset(id);
        List<Document> renditions = asset.getList("renditions", Document.class);
        List<String> profiles = renditions.stream().map(r -> r.getString("profile")).toList();
        assertThat(profiles).as("renditions of %s: %s", id, asset.toJson()).doesNotHaveDuplicates().isNotEmpty();
        assertThat(renditions).as("renditions of %s: %s", id, asset.toJson())
            .allSatisfy(r -> assertThat(r.getString("status")).isEqualTo("READY"));
        assertThat(asset.getString("status")).isEqualTo("READY");
      }
    }
    System.out.printf("killed %s while it ran job %s%n", victim[0], victim[1]);
  }

  @Test
  void aKilledProjectorDispatchesNoJobTwiceAndLosesNoCompletion() throws Exception {
    List<String> ids = new CopyOnWriteArrayList<>();
    Thread uploads =
        new Thread(
            () -> {
              for (int i = 0; i < 8; i++) {
                ids.add(alice.uploadPatiently(clip, "video/mp4", "private", Duration.ofMinutes(2)));
              }
            },
            "uploads");
    uploads.start();
    // mid-stream: uploads have completed, their jobs and job events are flowing, more uploads come
    Await.until("3 uploads done", () -> ids.size() >= 3, Duration.ofMinutes(2));
    Await.until(
        "a job event of this test reached the projection",
        () -> ids.stream().anyMatch(id -> inFlight(alice.asset(id).body())),
        Duration.ofMinutes(2));
    pipeline.projector().kill();
    pipeline.projector().start();
    uploads.join(Duration.ofMinutes(3).toMillis());
    assertThat(ids).hasSize(8);

    Await.allReady(pipeline, alice, ids, Duration.ofMinutes(4));
    List<Job> jobs =
        JobsLog.readCommitted(stack.endpoints()).stream().filter(j -> ids.contains(j.getAssetId())).toList();
    Map<String, Long> perJobId = jobs.stream().collect(Collectors.groupingBy(Job::getJobId, Collectors.counting()));
    assertThat(perJobId).as("committed jobs per job id").allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
    Map<String, Long> ingestPerAsset =
        jobs.stream()
            .filter(j -> j.getJobId().contains(".ingest."))
            .collect(Collectors.groupingBy(Job::getAssetId, Collectors.counting()));
    assertThat(ingestPerAsset).as("ingest jobs per asset").hasSize(ids.size())
        .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
    Map<String, Long> perTask =
        jobs.stream().collect(Collectors.groupingBy(ServiceCrashIT::taskOf, Collectors.counting()));
    assertThat(perTask).as("attempts per asset/generation/task (no failure, so one each)")
        .allSatisfy((task, n) -> assertThat(n).as(task).isEqualTo(1L));
  }

  @Test
  void aTusUploadResumesAcrossAnIngestGatewayKillAndArrivesIntact() throws Exception {
    Path big = TestMedia.cbrVideo(TestMedia.tempDir("tus"), "tus.mp4", 6, 320, 240, 20);
    byte[] bytes = Files.readAllBytes(big);
    String sha256 = MediaflowClient.sha256(big);
    Tus tus = new Tus(alice);
    String upload =
        tus.create(bytes.length, Map.of("filename", "tus.mp4", "filetype", "video/mp4", "sha256", sha256));
    int first = 10 * 1024 * 1024; // one whole 8 MiB chunk and a partial one
    assertThat(bytes.length).isGreaterThan(first);

    var answer = tus.patch(upload, 0, Arrays.copyOfRange(bytes, 0, first));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    pipeline.ingest().kill();
    pipeline.ingest().start().awaitHealthy();

    long offset = tus.offset(upload);
    assertThat(offset).isEqualTo(first);
    answer = tus.patch(upload, offset, Arrays.copyOfRange(bytes, (int) offset, bytes.length));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    assertThat(answer.headers().firstValue("Upload-Offset")).contains(Long.toString(bytes.length));

    String id = Tus.assetId(upload);
    Await.allReady(pipeline, alice, List.of(id), Duration.ofMinutes(3));
    Endpoints e = stack.endpoints();
    MinioClient s3 =
        MinioClient.builder().endpoint(e.s3Endpoint()).credentials(e.s3AccessKey(), e.s3SecretKey())
            .region("us-east-1").build();
    try (InputStream source =
        s3.getObject(GetObjectArgs.builder().bucket(e.bucket()).object("assets/" + id + "/source").build())) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(source.readAllBytes());
      assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(sha256);
    }
  }

  private static boolean inFlight(String asset) {
    return asset.contains("\"PROCESSING\"") || asset.contains("\"PLAYABLE\"");
  }

  /** A transcode job of {@code ids} that a worker has started and not ended: (worker, job id). */
  private static Optional<Map.Entry<String, String>> runningTranscode(List<String> ids) {
    for (ServiceProcess worker : pipeline.workers()) {
      String log = worker.logText();
      Matcher m = STARTED.matcher(log);
      while (m.find()) {
        String job = m.group(1);
        boolean ours = ids.stream().anyMatch(job::startsWith);
        boolean ended = log.contains("job " + job + " (delivery " + m.group(2) + ") ended");
        if (ours && !job.contains(".ingest.") && !ended) {
          return Optional.of(Map.entry(worker.name(), job));
        }
      }
    }
    return Optional.empty();
  }

  /** {assetId}.g{generation}.{task}: the job id without its attempt. */
  private static String taskOf(Job job) {
    return job.getJobId().substring(0, job.getJobId().lastIndexOf(".a"));
  }
}
