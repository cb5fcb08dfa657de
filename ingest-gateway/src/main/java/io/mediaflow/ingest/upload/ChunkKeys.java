package io.mediaflow.ingest.upload;

import java.util.UUID;

/** Object keys of docs/CONTRACTS.md: chunks at a deterministic key, staging beside them. */
public final class ChunkKeys {

  private ChunkKeys() {}

  public static String prefix(String assetId) {
    return "uploads/" + assetId + "/";
  }

  public static String chunk(String assetId, int index) {
    return String.format("uploads/%s/chunks/%06d", assetId, index);
  }

  /** Where a chunk is staged until its checksum is known; unique per attempt so retries never collide. */
  public static String staging(String assetId, String label) {
    return "uploads/" + assetId + "/tmp/" + label + "-" + UUID.randomUUID();
  }
}
