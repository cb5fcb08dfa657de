package io.mediaflow.api.assets;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads the MongoDB projection (reactive driver). Never writes: asset-projector owns it. */
@Component
public class AssetStore {

  private final MongoCollection<Document> assets;

  AssetStore(MongoCollection<Document> assets) {
    this.assets = assets;
  }

  /** The document, deleted or not; empty if there is none. */
  public Mono<Document> find(String id) {
    return Mono.from(assets.find(Filters.eq("_id", id)).first());
  }

  public Mono<List<Document>> page(Bson filter, int skip, int limit) {
    return Flux.from(
            assets.find(filter).sort(Sorts.orderBy(Sorts.descending("createdAt"), Sorts.ascending("_id")))
                .skip(skip)
                .limit(limit))
        .collectList();
  }

  public Mono<Long> count(Bson filter) {
    return Mono.from(assets.countDocuments(filter));
  }
}
