package io.mediaflow.api.assets;

import io.mediaflow.api.cache.AssetCache;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** One asset by id: from the cache when there, else from MongoDB (then cached). Deleted ones too. */
@Component
public class AssetReader {

  private final AssetStore store;
  private final AssetCache cache;

  AssetReader(AssetStore store, AssetCache cache) {
    this.store = store;
    this.cache = cache;
  }

  public Mono<Asset> read(String id) {
    return cache
        .get(id)
        .switchIfEmpty(Mono.defer(() -> store.find(id).flatMap(doc -> cache.put(id, doc).thenReturn(doc))))
        .map(AssetDocuments::toAsset);
  }

  /** Straight from MongoDB, bypassing the cache: what commands compare versions against. */
  public Mono<Document> readFresh(String id) {
    return store.find(id);
  }
}
