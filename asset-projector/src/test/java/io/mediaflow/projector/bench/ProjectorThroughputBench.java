package io.mediaflow.projector.bench;

import static io.mediaflow.projector.bench.BenchData.seconds;
import static io.mediaflow.projector.fixtures.Events.chunk;
import static io.mediaflow.projector.fixtures.Events.started;

import com.mongodb.ConnectionString;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.mediaflow.devstack.Endpoints;
import io.mediaflow.devstack.testing.MediaflowInfra;
import io.mediaflow.events.UploadEvent;
import io.mediaflow.projector.asset.AssetDecider;
import io.mediaflow.projector.config.ProjectorProperties;
import io.mediaflow.projector.config.ProjectorStreams;
import io.mediaflow.projector.profiles.ProfileLadder;
import io.mediaflow.projector.projection.ProjectionSink;
import io.mediaflow.projector.projection.ProjectionStore;
import io.mediaflow.schemas.Topics;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

/**
 * Throughput on the real embedded servers, each figure against a baseline measured in the same run,
 * on demand only (tag bench, not an *IT): see bench/asset-projector/run.sh. Replay first, while the
 * asset-state topic holds only its 10,000 states; then the upload pipeline, baseline first.
 * Writes a Markdown table to target/bench-result.md.
 */
@Tag("bench")
@ExtendWith(MediaflowInfra.class)
class ProjectorThroughputBench {

  private static final int ASSETS = Integer.getInteger("bench.assets", 1_000);
  private static final int CHUNKS = Integer.getInteger("bench.chunks", 100);
  private static final int REPLAY_STATES = Integer.getInteger("bench.replay-states", 10_000);
  private static final long COMMIT_INTERVAL_MS = Long.getLong("bench.commit-interval-ms", 100);
  private static final Duration TIMEOUT = Duration.ofMinutes(15);
  private static final String PLAIN_TOPIC = "bench.plain-uploads";

  @Test
  void uploadsThroughTheProjectorAndReplayEachAgainstItsBaseline(Endpoints endpoints) throws Exception {
    BenchReport report = new BenchReport();
    try (MongoClient mongo = MongoClients.create(endpoints.mongoUri());
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers()))) {
      MongoDatabase db = mongo.getDatabase(new ConnectionString(endpoints.mongoUri()).getDatabase());
      // created first and given time to settle: producing to a just-created partition met the broker's
      // OUT_OF_ORDER_SEQUENCE_NUMBER retry loop here (NotLeaderOrFollower, then a sequence reset)
      admin.createTopics(List.of(new NewTopic(PLAIN_TOPIC, Topics.UPLOADS.partitions(), (short) 1))).all().get();
      BenchData.awaitLeaders(admin, PLAIN_TOPIC);
      new ReplayComparison(endpoints.kafkaBootstrapServers(), db, REPLAY_STATES).run(report);
      Mono.from(db.getCollection(ProjectionStore.COLLECTION).drop()).block();
      SinkOffsets.skipToEnd(admin, endpoints.kafkaBootstrapServers());
      uploads(endpoints, db, report);
    }
    report.print();
  }

  private static void uploads(Endpoints endpoints, MongoDatabase db, BenchReport report) throws Exception {
    String bootstrap = endpoints.kafkaBootstrapServers();
    int events = ASSETS * (CHUNKS + 1);

    ProjectionStore plainStore = new ProjectionStore(db.getCollection("bench_plain"));
    plainStore.createIndexes().block();
    double plain;
    try (PlainPipeline pipeline = new PlainPipeline(bootstrap, PLAIN_TOPIC, plainStore, CHUNKS + 1)) {
      pipeline.start();
      long t0 = System.nanoTime();
      produceUploads(bootstrap, PLAIN_TOPIC);
      BenchData.awaitProcessing(db.getCollection("bench_plain"), ASSETS, TIMEOUT);
      plain = seconds(t0);
    }

    ProjectorProperties props = new ProjectorProperties(null, 3, (short) 1, 1, Duration.ofMinutes(10), Duration.ofMillis(COMMIT_INTERVAL_MS));
    ProjectorStreams streams = new ProjectorStreams(bootstrap, Files.createTempDirectory("bench-streams"), props,
        new AssetDecider(ProfileLadder.defaults(), 3));
    ProjectionSink sink = new ProjectionSink(bootstrap, new ProjectionStore(db.getCollection(ProjectionStore.COLLECTION)));
    streams.start();
    sink.start();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    long t0 = System.nanoTime();
    produceUploads(bootstrap, Topics.UPLOADS.name());
    BenchData.awaitProcessing(db.getCollection(ProjectionStore.COLLECTION), ASSETS, TIMEOUT);
    double projector = seconds(t0);
    sink.close();
    streams.stop();

    String what = String.format("%,d upload events (%,d uploads x (start + %d chunks)) -> %,d documents PROCESSING", events, ASSETS, CHUNKS, ASSETS);
    report.add(what + ", projector (exactly_once_v2, commit interval " + COMMIT_INTERVAL_MS + " ms) vs plain read_committed consumer + same bulk upserts",
        "events/s", events / projector, projector, events / plain, plain);
  }

  private static void produceUploads(String bootstrap, String topic) {
    BenchData.Sent sent = new BenchData.Sent();
    try (KafkaProducer<String, UploadEvent> producer = BenchData.producer(bootstrap, Topics.UPLOADS.valueSerde().serializer())) {
      for (int a = 0; a < ASSETS; a++) {
        String id = BenchData.newAssetId();
        producer.send(new ProducerRecord<>(topic, id, started(id, CHUNKS)), sent);
        for (int c = 0; c < CHUNKS; c++) {
          producer.send(new ProducerRecord<>(topic, id, chunk(id, c)), sent);
        }
      }
    }
    sent.check();
  }
}
