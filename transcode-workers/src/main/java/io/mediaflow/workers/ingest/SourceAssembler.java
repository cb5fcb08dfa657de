package io.mediaflow.workers.ingest;

import io.mediaflow.workers.failure.FailureCode;
import io.mediaflow.workers.failure.JobFailure;
import io.mediaflow.workers.storage.ObjectStore;
import io.mediaflow.workers.storage.ObjectStore.Stat;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Puts the uploaded chunks together as the source object. */
final class SourceAssembler {

  private final ObjectStore store;

  SourceAssembler(ObjectStore store) {
    this.store = store;
  }

  /**
   * Assembles the chunks into {@code sourceKey}. A redelivered job whose chunks were already removed
   * by the first attempt finds the source in place and uses it.
   */
  void assemble(List<String> chunkKeys, String sourceKey) {
    List<Stat> chunks = new ArrayList<>();
    for (String key : chunkKeys) {
      Optional<Stat> stat = store.stat(key);
      if (stat.isEmpty()) {
        if (store.stat(sourceKey).isPresent()) {
          return; // an earlier attempt assembled it, then removed the chunks
        }
        throw new JobFailure(FailureCode.SOURCE_MISSING, "chunk " + key + " is missing");
      }
      chunks.add(stat.get());
    }
    switch (Assembly.choose(chunks.stream().map(Stat::size).toList())) {
      case COPY -> store.copy(chunks.get(0).key(), sourceKey);
      case COMPOSE -> store.compose(chunks, sourceKey);
      case STREAM -> store.put(sourceKey, concatenated(chunkKeys), "application/octet-stream");
    }
  }

  /** Opens each chunk only when the previous one is read to its end. */
  private InputStream concatenated(List<String> keys) {
    Iterator<String> it = keys.iterator();
    return new SequenceInputStream(
        new Enumeration<InputStream>() {
          @Override
          public boolean hasMoreElements() {
            return it.hasNext();
          }

          @Override
          public InputStream nextElement() {
            return store.open(it.next());
          }
        });
  }
}
