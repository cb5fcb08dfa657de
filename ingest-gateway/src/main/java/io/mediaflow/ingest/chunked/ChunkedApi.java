package io.mediaflow.ingest.chunked;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The REST bodies of the chunked upload API (DESIGN.md), apart from events and stored state. */
final class ChunkedApi {

  private ChunkedApi() {}

  record CreateUploadRequest(
      String filename,
      Long fileSize,
      String fileType,
      String sha256,
      String title,
      String description,
      String access,
      Map<String, String> metadata) {}

  record UploadCreated(String uploadId, long chunkSize, int totalChunks, Instant expiresAt) {}

  record ChunkAccepted(String uploadId, int chunkNumber, long received, int total, boolean duplicateChunk) {}

  record UploadProgress(
      String uploadId, String status, long received, int total, List<Integer> missing, Instant expiresAt) {}
}
