package io.mediaflow.projector.upload;

import io.mediaflow.events.ChunkStored;
import io.mediaflow.events.UploadAborted;
import io.mediaflow.events.UploadEvent;
import io.mediaflow.events.UploadStarted;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What is known of one upload: the start, the stored chunks by index (a set, never a counter, so
 * duplicates and reordering cannot miscount) and whether it was aborted or already completed.
 * Immutable: {@link #apply} returns the next tracking.
 *
 * @param started null until UploadStarted is seen (chunks seen earlier are kept)
 * @param chunkKeys object key of each stored chunk, by index
 * @param abortReason null unless aborted (client abort, expiry or rejection); an aborted upload never
 *     completes
 * @param completed true once completion was reported, so it is reported exactly once
 */
public record UploadTracking(
    UploadStarted started, SortedMap<Integer, String> chunkKeys, String abortReason, boolean completed) {

  public UploadTracking {
    chunkKeys = Collections.unmodifiableSortedMap(new TreeMap<>(chunkKeys));
  }

  public static UploadTracking empty() {
    return new UploadTracking(null, new TreeMap<>(), null, false);
  }

  public boolean aborted() {
    return abortReason != null;
  }

  /** Every index 0..totalChunks-1 stored, the start known, and not aborted. */
  public boolean isComplete() {
    if (started == null || aborted()) {
      return false;
    }
    // keys are distinct indexes, so all of 0..total-1 are present exactly when the range holds total keys
    return chunkKeys.subMap(0, started.getTotalChunks()).size() == started.getTotalChunks();
  }

  /** The next tracking after one event; the caller asks {@link Step#justCompleted()}. */
  public Step apply(UploadEvent event) {
    UploadTracking next = this;
    Object e = event.getEvent();
    if (e instanceof UploadStarted s && started == null) {
      next = new UploadTracking(s, chunkKeys, abortReason, completed);
    } else if (e instanceof ChunkStored c) {
      next = withChunk(c, event.getOccurredAt().toEpochMilli());
    } else if (e instanceof UploadAborted a && !aborted() && !completed) {
      next = new UploadTracking(started, chunkKeys, a.getReason().name(), false);
    }
    if (!next.completed && next.isComplete()) {
      return new Step(new UploadTracking(next.started, next.chunkKeys, null, true), true);
    }
    return new Step(next, false);
  }

  /** Chunk object keys in index order, for the ingest job. */
  public List<String> orderedChunkKeys() {
    int total = started == null ? 0 : started.getTotalChunks();
    return List.copyOf(chunkKeys.subMap(0, total).values());
  }

  private UploadTracking withChunk(ChunkStored chunk, long occurredAt) {
    int index = chunk.getIndex();
    if (index < 0 || chunkKeys.containsKey(index) || aborted() || completed) {
      return this;
    }
    if (started != null && (index >= started.getTotalChunks() || occurredAt > started.getExpiresAt().toEpochMilli())) {
      // a chunk out of range or after expiry cannot complete the upload; the gateway refuses those anyway
      return this;
    }
    SortedMap<Integer, String> keys = new TreeMap<>(chunkKeys);
    keys.put(index, chunk.getObjectKey());
    return new UploadTracking(started, keys, abortReason, completed);
  }

  /** One step of tracking: the new tracking and whether this very event completed the upload. */
  public record Step(UploadTracking tracking, boolean justCompleted) {}
}
