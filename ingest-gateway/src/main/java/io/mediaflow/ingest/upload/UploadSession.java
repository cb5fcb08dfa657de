package io.mediaflow.ingest.upload;

import io.mediaflow.events.UploadProtocol;
import io.mediaflow.ingest.error.IngestError;
import java.time.Instant;

/** One upload as the gateways share it (in Redis): who, what, how it is chunked, until when. */
public record UploadSession(
    String uploadId,
    String owner,
    String filename,
    long fileSize,
    String fileType,
    String sha256,
    long chunkSize,
    int totalChunks,
    Instant expiresAt,
    UploadStatus status,
    UploadProtocol protocol) {

  public ChunkGeometry geometry() {
    return new ChunkGeometry(fileSize, chunkSize);
  }

  public boolean expiredAt(Instant now) {
    return status == UploadStatus.EXPIRED || (status == UploadStatus.UPLOADING && !now.isBefore(expiresAt));
  }

  /** Refuses a write by anyone but the owner, or to an upload that can no longer change. */
  public void checkWritable(String user, Instant now) {
    checkReadable(user, false);
    if (status == UploadStatus.ABORTED) {
      throw IngestError.UPLOAD_ABORTED.toException(uploadId);
    }
    if (expiredAt(now)) {
      throw IngestError.UPLOAD_EXPIRED.toException(uploadId, expiresAt);
    }
  }

  public void checkReadable(String user, boolean admin) {
    if (!admin && !owner.equals(user)) {
      throw IngestError.NOT_OWNER.toException(uploadId);
    }
  }
}
