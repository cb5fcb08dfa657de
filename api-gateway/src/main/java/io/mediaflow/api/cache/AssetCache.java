package io.mediaflow.api.cache;

import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * A cache of projection documents (not of per-user answers, so access rules run on every hit).
 * Writes are version-guarded: an entry is only ever replaced by a newer version, so a slow reader
 * cannot put back a document older than the one a command's answer already waited for.
 */
public interface AssetCache extends AutoCloseable {

  /** The cached document, or empty (also when the cache is off or unreachable). */
  Mono<Document> get(String id);

  /** Caches the document unless a newer or equal version is cached. */
  Mono<Void> put(String id, Document document);

  /** Forgets the asset. */
  Mono<Void> evict(String id);

  @Override
  default void close() {}
}
