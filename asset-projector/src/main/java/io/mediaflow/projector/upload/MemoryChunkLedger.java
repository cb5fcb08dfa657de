package io.mediaflow.projector.upload;

import java.util.SortedMap;
import java.util.TreeMap;

/** A {@link ChunkLedger} in memory: for tests and for the decider's callers that have no store. */
public final class MemoryChunkLedger implements ChunkLedger {

  private final TreeMap<Integer, String> chunks = new TreeMap<>();

  @Override
  public boolean contains(int index) {
    return chunks.containsKey(index);
  }

  @Override
  public void put(int index, String objectKey) {
    chunks.put(index, objectKey);
  }

  @Override
  public SortedMap<Integer, String> all() {
    return new TreeMap<>(chunks);
  }

  @Override
  public void clear() {
    chunks.clear();
  }
}
