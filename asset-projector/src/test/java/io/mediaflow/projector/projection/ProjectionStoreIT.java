package io.mediaflow.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.mediaflow.devstack.Endpoints;
import io.mediaflow.devstack.testing.MediaflowInfra;
import io.mediaflow.events.Access;
import io.mediaflow.events.AssetState;
import io.mediaflow.events.AssetStatus;
import io.mediaflow.events.Failure;
import io.mediaflow.events.Rendition;
import io.mediaflow.events.RenditionStatus;
import io.mediaflow.projector.fixtures.Events;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

/** The version guard and the document shape, on the MongoDB-protocol server. */
@Tag("integration")
@ExtendWith(MediaflowInfra.class)
class ProjectionStoreIT {

  private static final String ID = "aaaaaaaaaaaaaaaaaaaaaaaa";
  private MongoClient mongo;
  private MongoCollection<Document> assets;
  private ProjectionStore store;

  @BeforeEach
  void connect(Endpoints endpoints) {
    mongo = MongoClients.create(endpoints.mongoUri());
    assets = mongo.getDatabase("mediaflow").getCollection("assets-store-it");
    store = new ProjectionStore(assets);
    Mono.from(assets.deleteMany(Filters.eq("_id", ID))).block();
  }

  @AfterEach
  void close() {
    mongo.close();
  }

  private static AssetState state(long version, AssetStatus status) {
    return AssetState.newBuilder().setAssetId(ID).setVersion(version).setOwner("alice").setTitle("v" + version)
        .setAccess(Access.PUBLIC).setMetadata(Map.of("k", "v")).setStatus(status).setProgress(40)
        .setCreatedAt(Events.T0).setUpdatedAt(Events.T0.plusSeconds(version))
        .setRenditions(List.of(Rendition.newBuilder().setProfile("360p").setStatus(RenditionStatus.FAILED)
            .setError(new Failure("FFMPEG_FAILED", "exit 1")).build()))
        .build();
  }

  private Document stored() {
    return Mono.from(assets.find(Filters.eq("_id", ID)).first()).block(Duration.ofSeconds(10));
  }

  @Test
  void onlyForwardInVersionAndAStaleWriteIsIgnored() {
    assertThat(store.createIndexes().then(store.write(state(2, AssetStatus.PLAYABLE))).block()).isTrue();
    assertThat(store.write(state(1, AssetStatus.UPLOADING)).block()).isFalse();
    assertThat(store.write(state(2, AssetStatus.UPLOADING)).block()).isFalse();
    assertThat(stored().getLong("version")).isEqualTo(2L);
    assertThat(stored().getString("status")).isEqualTo("PLAYABLE");
    assertThat(store.write(state(3, AssetStatus.READY)).block()).isTrue();
    assertThat(stored().getString("status")).isEqualTo("READY");
  }

  @Test
  void aBulkWritesTheNewAndSkipsTheStale() {
    String other = "bbbbbbbbbbbbbbbbbbbbbbbb";
    Mono.from(assets.deleteMany(Filters.eq("_id", other))).block();
    store.write(state(2, AssetStatus.PLAYABLE)).block();
    AssetState newer = AssetState.newBuilder(state(1, AssetStatus.UPLOADING)).setAssetId(other).build();
    assertThat(store.writeAll(List.of(state(1, AssetStatus.UPLOADING), newer)).block()).isEqualTo(1L);
    assertThat(stored().getString("status")).isEqualTo("PLAYABLE");
    assertThat(Mono.from(assets.find(Filters.eq("_id", other)).first()).block()).isNotNull();
    assertThat(store.writeAll(List.of(state(3, AssetStatus.READY))).block()).isEqualTo(1L);
    assertThat(stored().getString("status")).isEqualTo("READY");
  }

  @Test
  void insertFirstFallsBackToTheGuardedWriteForDocumentsAlreadyThere() {
    String other = "cccccccccccccccccccccccc";
    Mono.from(assets.deleteMany(Filters.eq("_id", other))).block();
    store.write(state(2, AssetStatus.PLAYABLE)).block();
    AssetState fresh = AssetState.newBuilder(state(1, AssetStatus.UPLOADING)).setAssetId(other).build();
    assertThat(store.insertOrWriteAll(List.of(state(1, AssetStatus.UPLOADING), fresh)).block()).isEqualTo(1L);
    assertThat(stored().getString("status")).isEqualTo("PLAYABLE");
    assertThat(Mono.from(assets.find(Filters.eq("_id", other)).first()).block().getString("status")).isEqualTo("UPLOADING");
    assertThat(store.insertOrWriteAll(List.of(state(3, AssetStatus.READY))).block()).isEqualTo(1L);
    assertThat(stored().getString("status")).isEqualTo("READY");
  }

  @Test
  void theDocumentHasTheContractShape() {
    store.write(state(1, AssetStatus.PROCESSING)).block();
    Document doc = stored();
    assertThat(doc.getString("access")).isEqualTo("public");
    assertThat(doc.get("createdAt")).isInstanceOf(Date.class);
    assertThat(doc.get("metadata", Document.class).getString("k")).isEqualTo("v");
    assertThat(doc.get("error")).isNull();
    assertThat(doc.getBoolean("deleted")).isFalse();
    Document rendition = doc.getList("renditions", Document.class).get(0);
    assertThat(rendition.getString("status")).isEqualTo("FAILED");
    assertThat(rendition.get("error", Document.class).getString("code")).isEqualTo("FFMPEG_FAILED");
    assertThat(rendition.get("playlistKey")).isNull();
  }
}
