package io.mediaflow.projector;

import static io.mediaflow.projector.ProjectorFlowIT.newAssetId;
import static io.mediaflow.projector.fixtures.Events.chunk;
import static io.mediaflow.projector.fixtures.Events.started;

import com.mongodb.ConnectionString;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.mediaflow.devstack.Endpoints;
import io.mediaflow.devstack.testing.MediaflowInfra;
import io.mediaflow.events.AssetState;
import io.mediaflow.events.AssetStatus;
import io.mediaflow.events.UploadEvent;
import io.mediaflow.projector.asset.AssetDecider;
import io.mediaflow.projector.config.ProjectorProperties;
import io.mediaflow.projector.config.ProjectorStreams;
import io.mediaflow.projector.fixtures.Events;
import io.mediaflow.projector.profiles.ProfileLadder;
import io.mediaflow.projector.projection.ProjectionReplayer;
import io.mediaflow.projector.projection.ProjectionSink;
import io.mediaflow.projector.projection.ProjectionStore;
import io.mediaflow.schemas.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

/**
 * Throughput on the real embedded servers, run on demand only (not an *IT):
 * {@code mvn -B -pl asset-projector -am verify -Dtest=none -Dit.test=ProjectorThroughputBench
 * -Dprojector.itGroups=bench -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}. Prints its results.
 */
@Tag("bench")
@ExtendWith(MediaflowInfra.class)
class ProjectorThroughputBench {

  /** -Dbench.assets=0 skips the upload part and measures the replay only. */
  private static final int ASSETS = Integer.getInteger("bench.assets", 1_000);
  private static final int CHUNKS = 100;
  private static final int REPLAY_ASSETS = 10_000;

  @Test
  void chunkEventsThroughTheTopologyIntoMongoAndReplay(Endpoints endpoints) throws Exception {
    MongoClient mongo = MongoClients.create(endpoints.mongoUri());
    MongoCollection<Document> assets = mongo.getDatabase(new ConnectionString(endpoints.mongoUri()).getDatabase()).getCollection("assets");
    ProjectionStore store = new ProjectionStore(assets);
    ProjectorProperties props = new ProjectorProperties(null, 3, (short) 1, 1, Duration.ofMinutes(10),
        Duration.ofMillis(Long.getLong("bench.commit-interval-ms", 100)));
    ProjectorStreams streams = new ProjectorStreams(endpoints.kafkaBootstrapServers(), Files.createTempDirectory("bench-streams"),
        props, new AssetDecider(ProfileLadder.defaults(), 3));
    ProjectionSink sink = new ProjectionSink(endpoints.kafkaBootstrapServers(), store);
    if (ASSETS > 0) {
      uploadsThroughTheTopology(endpoints, assets, streams, sink);
    }

    replay(endpoints, assets, store);
    mongo.close();
  }

  private static void uploadsThroughTheTopology(Endpoints endpoints, MongoCollection<Document> assets, ProjectorStreams streams,
      ProjectionSink sink) throws Exception {
    streams.start();
    sink.start();
    while (streams.state() != org.apache.kafka.streams.KafkaStreams.State.RUNNING) {
      Thread.sleep(200);
    }
    List<String> ids = new ArrayList<>();
    long t0 = System.nanoTime();
    try (KafkaProducer<String, UploadEvent> producer = producer(endpoints, Topics.UPLOADS.valueSerde().serializer())) {
      for (int a = 0; a < ASSETS; a++) {
        String id = newAssetId();
        ids.add(id);
        producer.send(new ProducerRecord<>(Topics.UPLOADS.name(), id, started(id, CHUNKS)));
        for (int c = 0; c < CHUNKS; c++) {
          producer.send(new ProducerRecord<>(Topics.UPLOADS.name(), id, chunk(id, c)));
        }
      }
    }
    double produced = seconds(t0);
    while (Mono.from(assets.countDocuments(Filters.and(Filters.in("_id", ids), Filters.eq("status", "PROCESSING")))).block() < ASSETS) {
      Thread.sleep(250);
    }
    double endToEnd = seconds(t0);
    int events = ASSETS * (CHUNKS + 1);
    System.out.printf("BENCH topology+sink: %d upload events (%d assets x %d chunks) produced in %.1f s, all %d documents PROCESSING after %.1f s: %.0f events/s%n",
        events, ASSETS, CHUNKS, produced, ASSETS, endToEnd, events / endToEnd);
    sink.close();
    streams.stop();
  }

  private static void replay(Endpoints endpoints, MongoCollection<Document> assets, ProjectionStore store) {
    try (KafkaProducer<String, AssetState> producer = producer(endpoints, Topics.ASSET_STATE.valueSerde().serializer())) {
      for (int a = 0; a < REPLAY_ASSETS; a++) {
        String id = newAssetId();
        producer.send(new ProducerRecord<>(Topics.ASSET_STATE.name(), id, state(id)));
      }
    }
    ProjectionReplayer replayer = new ProjectionReplayer(endpoints.kafkaBootstrapServers(), store);
    long t1 = System.nanoTime();
    long read = replayer.replay(Duration.ofMinutes(10));
    double replay = seconds(t1);
    long docs = Mono.from(assets.countDocuments()).block();
    System.out.printf("BENCH replay: %d states read, %d documents rebuilt in %.1f s: %.0f states/s%n", read, docs, replay, read / replay);
  }

  private static AssetState state(String id) {
    return AssetState.newBuilder().setAssetId(id).setVersion(3).setOwner("bench").setTitle("t").setFilename("f.mp4")
        .setFileType("video/mp4").setStatus(AssetStatus.READY).setProgress(100).setCreatedAt(Events.T0).setUpdatedAt(Events.T0)
        .setMetadata(Map.of()).setRenditions(List.of()).build();
  }

  private static <V> KafkaProducer<String, V> producer(Endpoints endpoints, org.apache.kafka.common.serialization.Serializer<V> values) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers());
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    return new KafkaProducer<>(p, Topics.UPLOADS.keySerde().serializer(), values);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
