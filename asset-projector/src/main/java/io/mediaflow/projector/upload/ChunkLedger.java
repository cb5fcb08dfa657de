package io.mediaflow.projector.upload;

import java.util.SortedMap;

/**
 * The stored chunks of one upload, by index, kept apart from the asset's aggregate so that a chunk
 * event costs one small entry (and the aggregate a counter) instead of a rewrite of every key so far.
 * In the topology it is a view of a key-value store keyed {@code assetId/index}, committed with the
 * aggregate under exactly-once; in tests a map.
 */
public interface ChunkLedger {

  boolean contains(int index);

  void put(int index, String objectKey);

  /** Every stored chunk by index: read once per upload (at completion, or a start that came late). */
  SortedMap<Integer, String> all();

  /** Forgets every chunk, once the upload completed or was aborted. */
  void clear();
}
