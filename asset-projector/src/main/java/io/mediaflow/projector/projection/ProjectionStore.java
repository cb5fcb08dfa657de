package io.mediaflow.projector.projection;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.mediaflow.events.AssetState;
import java.util.List;
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
            Filters.and(Filters.eq("_id", state.getAssetId()), Filters.lt("version", state.getVersion())),
            doc,
            new ReplaceOptions().upsert(true)))
        .map(result -> true)
        .onErrorResume(ProjectionStore::isDuplicateKey, e -> Mono.just(false));
  }

  /** Drops every document and index, for a rebuild from the log. */
  public Mono<Void> drop() {
    return Mono.from(assets.drop()).then();
  }

  private static boolean isDuplicateKey(Throwable e) {
    return e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
  }
}
