package io.mediaflow.projector.projection;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.mediaflow.events.AssetState;
import java.util.Collection;
import java.util.List;
import org.bson.conversions.Bson;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The only writer of the {@code assets} collection: whole-document upserts guarded by version, so
 * redelivery, reordering and replay all end in the same documents. A stale write matches no document
 * and its upsert collides on _id (E11000): that is the guard working, not an error.
 */
public final class ProjectionStore {

  public static final String COLLECTION = "assets";

  private final MongoCollection<Document> assets;

  public ProjectionStore(MongoCollection<Document> assets) {
    this.assets = assets;
  }

  /** The indexes api-gateway's queries need (only plain ones: they work on mongod and mongo-java-server). */
  public Mono<Void> createIndexes() {
    return Flux.from(assets.createIndexes(List.of(
            new IndexModel(Indexes.compoundIndex(Indexes.ascending("owner"), Indexes.descending("createdAt"))),
            new IndexModel(Indexes.compoundIndex(Indexes.ascending("access"), Indexes.descending("createdAt"))),
            new IndexModel(Indexes.ascending("status")))))
        .then();
  }

  /** True when written, false when the collection already holds this version or a later one. */
  public Mono<Boolean> write(AssetState state) {
    Document doc = AssetDocuments.toDocument(state);
    return Mono.from(assets.replaceOne(
            guard(state),
            doc,
            new ReplaceOptions().upsert(true)))
        .map(result -> true)
        .onErrorResume(ProjectionStore::isDuplicateKey, e -> Mono.just(false));
  }

  /**
   * Writes many states in one unordered bulk (one round trip); returns how many were written. Stale
   * items fail alone with E11000 and are ignored; any other error fails the whole call.
   */
  public Mono<Long> writeAll(Collection<AssetState> states) {
    if (states.isEmpty()) {
      return Mono.just(0L);
    }
    List<ReplaceOneModel<Document>> models = states.stream()
        .map(s -> new ReplaceOneModel<>(guard(s), AssetDocuments.toDocument(s), new ReplaceOptions().upsert(true)))
        .toList();
    return Mono.from(assets.bulkWrite(models, new BulkWriteOptions().ordered(false)))
        .map(result -> (long) states.size())
        .onErrorResume(MongoBulkWriteException.class, e -> onlyStale(e)
            ? Mono.just((long) states.size() - e.getWriteErrors().size())
            : Mono.error(e));
  }

  /**
   * For a rebuild into an emptied collection: one unordered {@code insertMany} (an insert needs no
   * query, where an upsert first looks for a matching document), then the version-guarded
   * {@link #writeAll} for the states whose document already exists (E11000: written meanwhile by an
   * earlier poll or the live sink). Ends in the same documents as {@link #writeAll} alone.
   */
  public Mono<Long> insertOrWriteAll(List<AssetState> states) {
    if (states.isEmpty()) {
      return Mono.just(0L);
    }
    return Mono.from(assets.insertMany(states.stream().map(AssetDocuments::toDocument).toList(), new InsertManyOptions().ordered(false)))
        .map(result -> (long) states.size())
        .onErrorResume(MongoBulkWriteException.class, e -> {
          if (!onlyStale(e)) {
            return Mono.error(e);
          }
          List<AssetState> existing = e.getWriteErrors().stream().map(w -> states.get(w.getIndex())).toList();
          return writeAll(existing).map(written -> states.size() - existing.size() + written);
        });
  }

  private static Bson guard(AssetState state) {
    return Filters.and(Filters.eq("_id", state.getAssetId()), Filters.lt("version", state.getVersion()));
  }

  private static boolean onlyStale(MongoBulkWriteException e) {
    return e.getWriteConcernError() == null
        && e.getWriteErrors().stream().allMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) == ErrorCategory.DUPLICATE_KEY);
  }

  /** Drops every document and index, for a rebuild from the log. */
  public Mono<Void> drop() {
    return Mono.from(assets.drop()).then();
  }

  private static boolean isDuplicateKey(Throwable e) {
    return e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
  }
}
