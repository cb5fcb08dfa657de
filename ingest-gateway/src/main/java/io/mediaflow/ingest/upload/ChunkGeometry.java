package io.mediaflow.ingest.upload;

import io.mediaflow.ingest.error.IngestError;

/**
 * How a file of {@code fileSize} bytes splits into chunks of {@code chunkSize}: every chunk is
 * exactly chunkSize bytes except the last, which holds the rest. Fixed geometry means chunk i is
 * always the bytes [i*chunkSize, min(size, (i+1)*chunkSize)), whichever protocol delivered it.
 */
public record ChunkGeometry(long fileSize, long chunkSize) {

  public ChunkGeometry {
    if (fileSize <= 0 || chunkSize <= 0) {
      throw new IllegalArgumentException("fileSize and chunkSize must be positive");
    }
  }

  public int totalChunks() {
    long total = (fileSize + chunkSize - 1) / chunkSize;
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("too many chunks");
    }
    return (int) total;
  }

  /** The exact length chunk {@code index} must have. */
  public long expectedSize(int index) {
    checkIndex(index);
    long start = index * chunkSize;
    return Math.min(chunkSize, fileSize - start);
  }

  public long offsetOf(int index) {
    checkIndex(index);
    return index * chunkSize;
  }

  public void checkIndex(int index) {
    if (index < 0 || index >= totalChunks()) {
      throw IngestError.CHUNK_INDEX_OUT_OF_RANGE.toException(index, totalChunks() - 1);
    }
  }

  /**
   * Refuses a declared body length (-1 = unknown) that cannot be chunk {@code index}: longer than
   * the chunk size, or not the chunk's exact length.
   */
  public void checkDeclaredLength(int index, long contentLength) {
    long expected = expectedSize(index);
    if (contentLength > chunkSize) {
      throw IngestError.CHUNK_TOO_LARGE.toException(chunkSize);
    }
    if (contentLength >= 0 && contentLength != expected) {
      throw IngestError.CHUNK_SIZE_MISMATCH.toException(index, expected, contentLength);
    }
  }
}
