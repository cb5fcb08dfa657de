package io.mediaflow.ingest.upload;

import io.mediaflow.ingest.error.IngestError;
import java.util.Map;

/**
 * What a verified chunk means given the chunks already stored: new, an idempotent repeat, or a
 * conflict. Counting is by the set of stored indexes, so repeats and reordering cannot miscount.
 */
public enum ChunkDecision {
  NEW,
  DUPLICATE;

  public static ChunkDecision decide(Map<Integer, String> storedSha256ByIndex, int index, String sha256) {
    return decide(storedSha256ByIndex.get(index), index, sha256);
  }

  public static ChunkDecision decide(String storedSha256, int index, String sha256) {
    if (storedSha256 == null) {
      return NEW;
    }
    if (storedSha256.equalsIgnoreCase(sha256)) {
      return DUPLICATE;
    }
    throw IngestError.CHUNK_CONFLICT.toException(index, storedSha256);
  }
}
