package io.mediaflow.projector;

import static io.mediaflow.projector.fixtures.Events.chunk;
import static io.mediaflow.projector.fixtures.Events.ingestSucceeded;
import static io.mediaflow.projector.fixtures.Events.started;
import static io.mediaflow.projector.fixtures.Events.transcoded;
import static io.mediaflow.projector.fixtures.Events.video;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.mediaflow.devstack.DevTokens;
import io.mediaflow.devstack.testing.MediaflowInfra;
import io.mediaflow.events.IngestTask;
import io.mediaflow.events.Job;
import io.mediaflow.events.UploadEvent;
import io.mediaflow.projector.config.ProjectorStreams;
import io.mediaflow.projector.projection.ProjectionReplayer;
import io.mediaflow.schemas.Topic;
import io.mediaflow.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The whole projector on the real broker and MongoDB-protocol server: upload → ingest job → state → document. */
@Tag("integration")
@ExtendWith(MediaflowInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProjectorFlowIT {

  @Autowired ProjectorStreams streams;
  @Autowired ProjectionReplayer replayer;
  @Autowired MongoClient mongo;
  @LocalServerPort int port;

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    MediaflowInfra.endpoints().springProperties().forEach((k, v) -> registry.add(k, () -> v));
    registry.add("mediaflow.work-dir", () -> System.getProperty("java.io.tmpdir") + "/mediaflow-projector-it-" + System.nanoTime());
  }

  static String newAssetId() {
    byte[] bytes = new byte[12];
    new Random().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  static <V> void send(Topic<String, V> topic, String key, List<V> values) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, MediaflowInfra.endpoints().kafkaBootstrapServers());
    try (KafkaProducer<String, V> producer = new KafkaProducer<>(p, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
      values.forEach(v -> producer.send(new ProducerRecord<>(topic.name(), key, v)));
    }
  }

  /** Every committed job of the asset on the jobs topic, read from the beginning. */
  static List<Job> jobsOf(String assetId) {
    return committedJobsByAsset().getOrDefault(assetId, List.of());
  }

  /** Every committed job on the jobs topic, by asset id, read from the beginning. */
  static Map<String, List<Job>> committedJobsByAsset() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, MediaflowInfra.endpoints().kafkaBootstrapServers());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Map<String, List<Job>> jobs = new TreeMap<>();
    try (KafkaConsumer<String, Job> consumer =
        new KafkaConsumer<>(p, Topics.JOBS.keySerde().deserializer(), Topics.JOBS.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.JOBS.name()).stream()
          .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, Job> r : consumer.poll(Duration.ofMillis(300))) {
          jobs.computeIfAbsent(r.value().getAssetId(), k -> new ArrayList<>()).add(r.value());
        }
      }
    }
    return jobs;
  }

  MongoCollection<Document> assets() {
    return mongo.getDatabase("mediaflow").getCollection("assets");
  }

  Document document(String assetId) {
    return Mono.from(assets().find(Filters.eq("_id", assetId)).first()).block(Duration.ofSeconds(10));
  }

  String statusOf(String assetId) {
    Document doc = document(assetId);
    return doc == null ? null : doc.getString("status");
  }

  static List<UploadEvent> chunksShuffledWithDuplicates(String assetId, int total) {
    List<UploadEvent> events = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      events.add(chunk(assetId, i));
      events.add(chunk(assetId, i));
    }
    Collections.shuffle(events, new Random(7));
    return events;
  }

  @Test
  void anUploadBecomesOneIngestJobAndAReadyDocumentThatReplayRebuildsIdentically() {
    await().atMost(Duration.ofSeconds(90)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
    String id = newAssetId();
    List<UploadEvent> upload = new ArrayList<>(List.of(started(id, 5)));
    upload.addAll(chunksShuffledWithDuplicates(id, 5));
    send(Topics.UPLOADS, id, upload);

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(statusOf(id)).isEqualTo("PROCESSING"));
    List<Job> jobs = jobsOf(id);
    assertThat(jobs).extracting(Job::getJobId).containsExactly(id + ".g1.ingest.a1");
    assertThat(((IngestTask) jobs.get(0).getTask()).getChunkKeys()).hasSize(5).isSorted();
    Document doc = document(id);
    assertThat(doc.getString("owner")).isEqualTo("alice");
    assertThat(doc.getString("access")).isEqualTo("private");
    assertThat(doc.getLong("version")).isEqualTo(2L);

    send(Topics.JOB_EVENTS, id, List.of(ingestSucceeded(id, video(id, 640, 360)), transcoded(id, 1, "360p")));
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(statusOf(id)).isEqualTo("READY"));
    // jobs are keyed by job id, so they spread over partitions: no order between them
    assertThat(jobsOf(id)).extracting(Job::getJobId).containsExactlyInAnyOrder(id + ".g1.ingest.a1", id + ".g1.360p.a1");
    assertThat(document(id).getList("renditions", Document.class)).singleElement()
        .satisfies(r -> assertThat(r.getString("playlistKey")).isEqualTo("assets/" + id + "/g1/360p/index.m3u8"));

    Map<String, Document> before = allDocuments();
    long replayed = replayer.replay(Duration.ofMinutes(2));
    assertThat(replayed).isGreaterThanOrEqualTo(4);
    assertThat(allDocuments()).isEqualTo(before);
  }

  @Test
  void replayOverHttpNeedsAnAdminToken() throws Exception {
    await().atMost(Duration.ofSeconds(90)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> user = http.send(replayRequest(false), HttpResponse.BodyHandlers.ofString());
    assertThat(user.statusCode()).isEqualTo(403);
    assertThat(user.body()).contains("\"code\":\"ADMIN_REQUIRED\"");
    HttpResponse<String> admin = http.send(replayRequest(true), HttpResponse.BodyHandlers.ofString());
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.body()).contains("\"replayed\"");
  }

  private HttpRequest replayRequest(boolean admin) {
    String token = DevTokens.token(DevTokens.DEV_SECRET, "ops", admin, Duration.ofMinutes(5));
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/internal/replay"))
        .header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
  }

  Map<String, Document> allDocuments() {
    Map<String, Document> all = new TreeMap<>();
    Flux.from(assets().find()).toIterable().forEach(d -> all.put(d.getString("_id"), d));
    return all;
  }
}
