package io.mediaflow.ingest.upload;

/** Where an upload session is, as GET /uploads/{id} reports it. */
public enum UploadStatus {
  UPLOADING,
  COMPLETE,
  ABORTED,
  EXPIRED
}
