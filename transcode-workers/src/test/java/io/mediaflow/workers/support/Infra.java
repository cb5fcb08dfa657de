package io.mediaflow.workers.support;

import io.mediaflow.devstack.Endpoints;
import io.mediaflow.events.IngestTask;
import io.mediaflow.events.Job;
import io.mediaflow.events.JobEvent;
import io.mediaflow.schemas.Topics;
import io.mediaflow.workers.config.WorkerComponents;
import io.mediaflow.workers.ffmpeg.TestMedia;
import io.mediaflow.workers.media.MediaLimits;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Helpers for ITs on the real S3 and Kafka: clients, uploads as the gateway makes them, job events. */
public final class Infra {

  private Infra() {}

  public static MinioClient minio(Endpoints e) {
    return MinioClient.builder().endpoint(e.s3Endpoint()).credentials(e.s3AccessKey(), e.s3SecretKey()).region("us-east-1").build();
  }

  public static WorkerComponents components(Endpoints e, Path workRoot) {
    return WorkerComponents.create(minio(e), e.bucket(), e.kafkaBootstrapServers(), "it-" + UUID.randomUUID(),
        TestMedia.binaries(), workRoot, 16L * 1024 * 1024, MediaLimits.DEFAULT);
  }

  public static String newAssetId() {
    return HexFormat.of().formatHex(ThreadLocalRandom.current().ints(12, 0, 256)
        .collect(java.io.ByteArrayOutputStream::new, (o, b) -> o.write(b), (a, b) -> {}).toByteArray());
  }

  /** Stores the file's bytes as chunks of {@code chunkSize}, like ingest-gateway; returns their keys. */
  public static List<String> uploadChunks(Endpoints e, String assetId, byte[] bytes, int chunkSize) throws Exception {
    MinioClient minio = minio(e);
    List<String> keys = new ArrayList<>();
    for (int i = 0, index = 0; i < bytes.length; i += chunkSize, index++) {
      byte[] part = java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + chunkSize));
      String key = String.format("uploads/%s/chunks/%06d", assetId, index);
      minio.putObject(PutObjectArgs.builder().bucket(e.bucket()).object(key)
          .stream(new ByteArrayInputStream(part), part.length, -1).build());
      keys.add(key);
    }
    return keys;
  }

  public static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  public static Job ingestJob(String assetId, List<String> chunks, byte[] bytes, String declaredType, String sha) {
    return Job.newBuilder()
        .setJobId(assetId + ".g1.ingest.a1")
        .setAssetId(assetId)
        .setGeneration(1)
        .setAttempt(1)
        .setIssuedAt(Instant.now())
        .setTask(IngestTask.newBuilder().setChunkKeys(chunks).setSourceKey("assets/" + assetId + "/source")
            .setFileSize(bytes.length).setDeclaredType(declaredType).setFilename("upload").setSha256(sha).build())
        .build();
  }

  public static boolean exists(Endpoints e, String key) {
    try {
      minio(e).statObject(io.minio.StatObjectArgs.builder().bucket(e.bucket()).object(key).build());
      return true;
    } catch (Exception ex) {
      return false;
    }
  }

  /**
   * Starts a new share group at the current end of the jobs topic, so that a test's fleet takes only
   * the jobs that test produces, not every job earlier tests left on the shared topic.
   */
  public static void startGroupAtEnd(Endpoints e, String group) throws Exception {
    try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
        Map.<String, Object>of("bootstrap.servers", e.kafkaBootstrapServers()))) {
      Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
      for (int p = 0; p < Topics.JOBS.partitions(); p++) {
        latest.put(new org.apache.kafka.common.TopicPartition(Topics.JOBS.name(), p), org.apache.kafka.clients.admin.OffsetSpec.latest());
      }
      Map<org.apache.kafka.common.TopicPartition, Long> ends = new java.util.HashMap<>();
      admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
      admin.alterShareGroupOffsets(group, ends).all().get();
    }
  }

  /** A consumer of job events from the beginning, in its own group. */
  public static KafkaConsumer<String, JobEvent> jobEvents(Endpoints e) {
    KafkaConsumer<String, JobEvent> c = new KafkaConsumer<>(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, e.kafkaBootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        Topics.JOB_EVENTS.keySerde().deserializer(), Topics.JOB_EVENTS.valueSerde().deserializer());
    c.subscribe(List.of(Topics.JOB_EVENTS.name()));
    return c;
  }

  /** Job events of one asset, polled until {@code done} holds for the list or the deadline passes. */
  public static List<JobEvent> awaitEvents(KafkaConsumer<String, JobEvent> c, String assetId, Duration max,
      java.util.function.Predicate<List<JobEvent>> done) {
    List<JobEvent> seen = new ArrayList<>();
    long deadline = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < deadline && !done.test(seen)) {
      c.poll(Duration.ofMillis(200)).forEach(r -> {
        if (assetId.equals(r.key())) {
          seen.add(r.value());
        }
      });
    }
    return seen;
  }
}
