package io.mediaflow.api.support;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;

/**
 * Plays asset-projector's sink in tests: writes projection documents of the shape of
 * docs/CONTRACTS.md into the real (embedded) MongoDB.
 */
public final class Projection implements AutoCloseable {

  private static final AtomicLong CLOCK = new AtomicLong(1_700_000_000_000L);
  private final MongoClient client;
  private final MongoCollection<Document> assets;

  public Projection(String mongoUri) {
    this.client = MongoClients.create(mongoUri);
    String db = new com.mongodb.ConnectionString(mongoUri).getDatabase();
    this.assets = client.getDatabase(db == null ? "mediaflow" : db).getCollection("assets");
  }

  /** A fresh asset document with one ready 360p rendition; adjust with {@code .append(..)}. */
  public static Document asset(String owner, String access, String title) {
    String id = new ObjectId().toHexString();
    Date created = new Date(CLOCK.addAndGet(1000));
    return new Document("_id", id)
        .append("version", 3L)
        .append("generation", 1)
        .append("owner", owner)
        .append("title", title)
        .append("description", "about " + title)
        .append("access", access)
        .append("metadata", new Document("camera", "x100"))
        .append("filename", title + ".mp4")
        .append("fileType", "video/mp4")
        .append("fileSize", 1234L)
        .append("status", "READY")
        .append("progress", 100)
        .append("error", null)
        .append("deleted", false)
        .append("createdAt", created)
        .append("updatedAt", created)
        .append("duration", 12.5)
        .append("width", 640)
        .append("height", 360)
        .append("kind", "VIDEO")
        .append("thumbnailKey", "assets/" + id + "/thumbnail.jpg")
        .append(
            "renditions",
            List.of(
                new Document("profile", "360p")
                    .append("status", "READY")
                    .append("width", 640)
                    .append("height", 360)
                    .append("bitrate", 800_000L)
                    .append("codecs", "avc1.64001f,mp4a.40.2")
                    .append("playlistKey", "assets/" + id + "/g1/360p/index.m3u8")
                    .append("durationSeconds", 12.5)
                    .append("bytes", 1000L),
                new Document("profile", "720p").append("status", "RUNNING")));
  }

  /** Whole-document upsert, as the sink does (without the version guard: tests set what they want). */
  public Document put(Document doc) {
    Mono.from(assets.replaceOne(Filters.eq("_id", doc.get("_id")), doc, new ReplaceOptions().upsert(true)))
        .block(Duration.ofSeconds(10));
    return doc;
  }

  public Document get(String id) {
    return Mono.from(assets.find(Filters.eq("_id", id)).first()).block(Duration.ofSeconds(10));
  }

  /** Sets fields and bumps the version, as a projected state change would. */
  public Document update(String id, Map<String, Object> fields) {
    Document doc = get(id);
    doc.putAll(fields);
    doc.put("version", doc.getLong("version") + 1);
    doc.put("updatedAt", Date.from(Instant.now()));
    return put(doc);
  }

  @Override
  public void close() {
    client.close();
  }
}
