package io.mediaflow.projector.topology;

import io.mediaflow.projector.upload.ChunkLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One asset's view of the chunk store: entries keyed {@code assetId/index} (index zero-padded to 6
 * digits, as in the chunk object keys) holding the chunk's object key. A new chunk is one small put;
 * only completion and abort read or delete the whole upload, once.
 */
final class StoreChunkLedger implements ChunkLedger {

  private static final StringSerializer PREFIX_SERIALIZER = new StringSerializer();

  private final KeyValueStore<String, String> store;
  private final String prefix;

  StoreChunkLedger(KeyValueStore<String, String> store, String assetId) {
    this.store = store;
    this.prefix = assetId + "/";
  }

  @Override
  public boolean contains(int index) {
    return store.get(key(index)) != null;
  }

  @Override
  public void put(int index, String objectKey) {
    store.put(key(index), objectKey);
  }

  @Override
  public SortedMap<Integer, String> all() {
    TreeMap<Integer, String> chunks = new TreeMap<>();
    try (KeyValueIterator<String, String> it = store.prefixScan(prefix, PREFIX_SERIALIZER)) {
      while (it.hasNext()) {
        KeyValue<String, String> entry = it.next();
        chunks.put(Integer.parseInt(entry.key.substring(prefix.length())), entry.value);
      }
    }
    return chunks;
  }

  @Override
  public void clear() {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, String> it = store.prefixScan(prefix, PREFIX_SERIALIZER)) {
      it.forEachRemaining(entry -> keys.add(entry.key));
    }
    keys.forEach(store::delete);
  }

  private String key(int index) {
    return prefix + String.format("%06d", index);
  }
}
