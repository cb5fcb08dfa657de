package io.mediaflow.projector.upload;

import io.mediaflow.events.ChunkStored;
import io.mediaflow.events.UploadAborted;
import io.mediaflow.events.UploadEvent;
import io.mediaflow.events.UploadStarted;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * What is known of one upload: the start, how many distinct chunks are stored and whether it was
 * aborted or already completed. The chunks themselves (a set by index, never a bare counter, so
 * duplicates and reordering cannot miscount) live in a {@link ChunkLedger} beside it, so a chunk
 * event costs O(1) bytes whatever the upload's size. Immutable: {@link #apply} returns the next
 * tracking and records a new chunk in the ledger.
 *
 * @param started null until UploadStarted is seen (chunks seen earlier are kept)
 * @param received distinct chunks in the ledger that count: every index before the start, those in
 *     0..totalChunks-1 after it
 * @param abortReason null unless aborted (client abort, expiry or rejection); an aborted upload never
 *     completes
 * @param completed true once completion was reported, so it is reported exactly once
 */
public record UploadTracking(UploadStarted started, int received, String abortReason, boolean completed) {

  public static UploadTracking empty() {
    return new UploadTracking(null, 0, null, false);
  }

  public boolean aborted() {
    return abortReason != null;
  }

  /** Every index 0..totalChunks-1 stored, the start known, and not aborted. */
  public boolean isComplete() {
    return started != null && !aborted() && received == started.getTotalChunks();
  }

  /** The next tracking after one event; the caller asks {@link Step#justCompleted()}. */
  public Step apply(UploadEvent event, ChunkLedger ledger) {
    UploadTracking next = this;
    Object e = event.getEvent();
    if (e instanceof UploadStarted s && started == null) {
      // chunks that came before the start were all counted: count again only those in range (rare, once)
      int inRange = received == 0 ? 0 : ledger.all().subMap(0, s.getTotalChunks()).size();
      next = new UploadTracking(s, inRange, abortReason, completed);
    } else if (e instanceof ChunkStored c) {
      next = withChunk(c, event.getOccurredAt().toEpochMilli(), ledger);
    } else if (e instanceof UploadAborted a && !aborted() && !completed) {
      ledger.clear(); // the gateway removes an aborted upload's chunks
      next = new UploadTracking(started, 0, a.getReason().name(), false);
    }
    if (!next.completed && next.isComplete()) {
      return new Step(new UploadTracking(next.started, next.received, null, true), true);
    }
    return new Step(next, false);
  }

  /**
   * Chunk object keys in index order, for the ingest job. An index missing from the ledger (an
   * aggregate stored before the ledger existed) gets its key by the contract of docs/CONTRACTS.md.
   */
  public List<String> orderedChunkKeys(String assetId, ChunkLedger ledger) {
    int total = started == null ? 0 : started.getTotalChunks();
    SortedMap<Integer, String> stored = ledger.all();
    List<String> keys = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      String key = stored.get(i);
      keys.add(key != null ? key : String.format("uploads/%s/chunks/%06d", assetId, i));
    }
    return keys;
  }

  private UploadTracking withChunk(ChunkStored chunk, long occurredAt, ChunkLedger ledger) {
    int index = chunk.getIndex();
    if (index < 0 || aborted() || completed || ledger.contains(index)) {
      return this;
    }
    if (started != null && (index >= started.getTotalChunks() || occurredAt > started.getExpiresAt().toEpochMilli())) {
      // a chunk out of range or after expiry cannot complete the upload; the gateway refuses those anyway
      return this;
    }
    ledger.put(index, chunk.getObjectKey());
    return new UploadTracking(started, received + 1, abortReason, completed);
  }

  /** One step of tracking: the new tracking and whether this very event completed the upload. */
  public record Step(UploadTracking tracking, boolean justCompleted) {}
}
