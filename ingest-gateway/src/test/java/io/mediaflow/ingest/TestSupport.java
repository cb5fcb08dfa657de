package io.mediaflow.ingest;

import io.mediaflow.devstack.DevTokens;
import io.mediaflow.devstack.Endpoints;
import io.mediaflow.devstack.testing.MediaflowInfra;
import io.mediaflow.events.UploadEvent;
import io.mediaflow.schemas.Topics;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** What the ingest ITs share: HTTP with tokens, reading the uploads topic, listing objects. */
public final class TestSupport {

  public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  public static final long MIB = 1024 * 1024;

  private TestSupport() {}

  public static String token(String user) {
    return DevTokens.token(DevTokens.DEV_SECRET, user, false, Duration.ofHours(1));
  }

  public static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static HttpRequest.Builder request(String url, String user) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    return user == null ? b : b.header("Authorization", "Bearer " + token(user));
  }

  /** Bytes that start like an MP4 (ftyp box) and are random after, reproducible from the seed. */
  public static byte[] mp4Like(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    byte[] head = "\0\0\0\u0018ftypisom".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(head, 0, data, 0, Math.min(head.length, size));
    return data;
  }

  /** Every event of one asset on the uploads topic, polled until {@code done} holds or 20 s pass. */
  public static List<UploadEvent> uploadEvents(String assetId, Predicate<List<UploadEvent>> done) {
    return uploadEvents(assetId, done, Duration.ofSeconds(20));
  }

  /** Every event of one asset on the uploads topic, polled until {@code done} holds or the wait ends. */
  public static List<UploadEvent> uploadEvents(
      String assetId, Predicate<List<UploadEvent>> done, Duration wait) {
    Endpoints e = MediaflowInfra.endpoints();
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, e.kafkaBootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "ingest-it-" + UUID.randomUUID(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<String, UploadEvent> consumer =
        new KafkaConsumer<>(
            config, Topics.UPLOADS.keySerde().deserializer(), Topics.UPLOADS.valueSerde().deserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.UPLOADS.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<UploadEvent> events = new ArrayList<>();
      Instant deadline = Instant.now().plus(wait);
      while (Instant.now().isBefore(deadline) && !done.test(events)) {
        consumer.poll(Duration.ofMillis(300)).forEach(r -> {
          if (assetId.equals(r.key())) {
            events.add(r.value());
          }
        });
      }
      return events;
    }
  }

  public static MinioClient minio() {
    Endpoints e = MediaflowInfra.endpoints();
    return MinioClient.builder().endpoint(e.s3Endpoint()).credentials(e.s3AccessKey(), e.s3SecretKey()).build();
  }

  public static List<String> objectKeys(String prefix) {
    Endpoints e = MediaflowInfra.endpoints();
    List<String> keys = new ArrayList<>();
    try {
      for (Result<Item> item :
          minio().listObjects(ListObjectsArgs.builder().bucket(e.bucket()).prefix(prefix).recursive(true).build())) {
        keys.add(item.get().objectName());
      }
    } catch (Exception ex) {
      throw new IllegalStateException(ex);
    }
    return keys;
  }
  /** Waits (30 s at most) until a request in progress holds the Redis lock {@code key}. */
  public static void awaitLockHeld(String key) throws InterruptedException {
    io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(MediaflowInfra.endpoints().redisUri());
    try (var redis = client.connect()) {
      Instant deadline = Instant.now().plusSeconds(30);
      while (redis.sync().exists(key) == 0 && Instant.now().isBefore(deadline)) {
        Thread.sleep(50);
      }
      if (redis.sync().exists(key) != 1L) {
        throw new AssertionError("no request took the lock " + key + " within 30 s");
      }
    } finally {
      client.shutdown();
    }
  }
}
