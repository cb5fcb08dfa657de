package io.mediaflow.api.cache;

import static io.mediaflow.api.support.Api.assertError;
import static io.mediaflow.api.support.Api.token;
import static io.mediaflow.api.support.Projection.asset;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.api.support.FakeProjector;
import io.mediaflow.api.support.GatewayIT;
import io.mediaflow.devstack.testing.MediaflowInfra;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Redis cache of GET /api/assets/{id}: used, access-checked on every hit, never stale after a command. */
class CacheIT extends GatewayIT {

  static FakeProjector projector;

  @BeforeAll
  static void startProjector() {
    projector = new FakeProjector(MediaflowInfra.endpoints().kafkaBootstrapServers(), projection);
  }

  @AfterAll
  static void stopProjector() throws InterruptedException {
    projector.close();
  }

  @Test
  void aSecondReadComesFromTheCache() {
    Document doc = projection.put(asset(alice, "private", "Cached"));
    String id = doc.getString("_id");
    assertThat(api.get("/api/assets/" + id, token(alice, false)).body()).contains("\"title\":\"Cached\"");

    // changed behind the gateway's back without a new version: the cache still answers
    projection.put(doc.append("title", "Behind"));

    assertThat(api.get("/api/assets/" + id, token(alice, false)).body()).contains("\"title\":\"Cached\"");
  }

  @Test
  void aStateChangeInThePipelineEvictsTheCachedAsset() throws Exception {
    Document doc = projection.put(asset(alice, "private", "Queued"));
    String id = doc.getString("_id");
    assertThat(api.get("/api/assets/" + id, token(alice, false)).body()).contains("\"title\":\"Queued\"");

    // the pipeline moves on: a new state on the topic, and the sink's newer document
    projection.put(doc.append("title", "Transcoding").append("version", doc.getLong("version") + 1));
    try (var producer =
        new org.apache.kafka.clients.producer.KafkaProducer<>(
            Map.<String, Object>of("bootstrap.servers", MediaflowInfra.endpoints().kafkaBootstrapServers()),
            io.mediaflow.schemas.Topics.ASSET_STATE.keySerde().serializer(),
            io.mediaflow.schemas.Topics.ASSET_STATE.valueSerde().serializer())) {
      java.time.Instant now = java.time.Instant.now();
      producer
          .send(new org.apache.kafka.clients.producer.ProducerRecord<>(
              io.mediaflow.schemas.Topics.ASSET_STATE.name(), id,
              io.mediaflow.events.AssetState.newBuilder()
                  .setAssetId(id).setVersion(doc.getLong("version")).setOwner(alice)
                  .setStatus(io.mediaflow.events.AssetStatus.PROCESSING)
                  .setCreatedAt(now).setUpdatedAt(now).build()))
          .get();
    }

    // well inside the 15 s TTL, so only the eviction can make the new title visible
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
    String body = "";
    while (!body.contains("\"title\":\"Transcoding\"") && System.nanoTime() < deadline) {
      Thread.sleep(200);
      body = api.get("/api/assets/" + id, token(alice, false)).body();
    }
    assertThat(body).contains("\"title\":\"Transcoding\"");
  }

  @Test
  void aCachedPrivateAssetIsStillRefusedToOthers() {
    String id = projection.put(asset(alice, "private", "Mine")).getString("_id");
    assertThat(api.get("/api/assets/" + id, token(alice, false)).statusCode()).isEqualTo(200);

    assertError(api.get("/api/assets/" + id, token(bob, false)), 403, "FORBIDDEN");
  }

  @Test
  void patchThenGetReturnsTheNewValue_evenWithConcurrentReaders() throws Exception {
    String id = projection.put(asset(alice, "public", "Before")).getString("_id");
    AtomicBoolean patched = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService readers = Executors.newFixedThreadPool(4);
    List<Future<List<String>>> stale = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      stale.add(
          readers.submit(
              () -> {
                List<String> staleReads = new ArrayList<>();
                while (!stop.get()) {
                  boolean afterPatch = patched.get();
                  String body = api.get("/api/assets/" + id, token(bob, false)).body();
                  if (afterPatch && !body.contains("\"title\":\"After\"")) {
                    staleReads.add(body);
                  }
                }
                return staleReads;
              }));
    }
    Thread.sleep(300);

    var response = api.send("PATCH", "/api/assets/" + id, token(alice, false), "{\"title\":\"After\"}");
    patched.set(true);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(api.get("/api/assets/" + id, token(alice, false)).body()).contains("\"title\":\"After\"");
    Thread.sleep(500);
    stop.set(true);
    readers.shutdown();
    assertThat(readers.awaitTermination(20, TimeUnit.SECONDS)).isTrue();

    for (Future<List<String>> reads : stale) {
      assertThat(reads.get()).as("reads that started after the PATCH returned").isEmpty();
    }
  }

  @Test
  void anOlderVersionNeverReplacesANewerCachedOne() {
    Document doc = projection.put(asset(alice, "public", "v3"));
    String id = doc.getString("_id");
    projection.update(id, Map.of("title", "v4"));
    assertThat(api.get("/api/assets/" + id, token(alice, false)).body()).contains("\"title\":\"v4\"");

    // the version-guarded put is what protects readers; a delete then a fresh read repopulates
    projection.put(doc); // back to version 3 in MongoDB (as a slow reader would hold it)
    assertThat(api.get("/api/assets/" + id, token(alice, false)).body()).contains("\"title\":\"v4\"");
  }
}
