package io.mediaflow.ingest.error;

/**
 * Every error ingest-gateway answers with: a stable code, the HTTP status, and a message a person
 * can act on ({@code %s} placeholders are filled per occurrence).
 */
public enum IngestError {
  INVALID_REQUEST(400, "The request is malformed: %s"),
  UNSUPPORTED_MEDIA_TYPE(415, "Content-Type %s is not accepted here; send %s."),
  NOT_FOUND(404, "Nothing is served at this path."),
  METHOD_NOT_ALLOWED(405, "This method is not allowed at this path."),
  INTERNAL(500, "The gateway failed unexpectedly; retry later."),
  MISSING_FIELD(400, "Field '%s' is required."),
  INVALID_FILENAME(400, "The filename is empty or unusable after removing path and control characters."),
  UNSUPPORTED_TYPE(415, "File type '%s' is not accepted; accepted types: %s."),
  FILE_TOO_LARGE(413, "The file is %s bytes; the largest accepted upload is %s bytes."),
  EMPTY_FILE(400, "The file is empty; send at least one byte."),
  INVALID_CHECKSUM_FORMAT(400, "%s must be 64 hexadecimal characters (SHA-256)."),
  MALFORMED_UPLOAD_ID(400, "'%s' is not an upload id (24 hexadecimal characters)."),
  UPLOAD_NOT_FOUND(404, "Upload %s does not exist; start a new one with POST /uploads."),
  UPLOAD_EXPIRED(410, "Upload %s expired at %s; start a new upload."),
  UPLOAD_ABORTED(410, "Upload %s was aborted; start a new upload."),
  NOT_OWNER(403, "Upload %s belongs to another user."),
  CHUNK_INDEX_OUT_OF_RANGE(400, "Chunk index %s is outside 0..%s."),
  CHUNK_TOO_LARGE(413, "The chunk is larger than the chunk size of %s bytes."),
  CHUNK_SIZE_MISMATCH(400, "Chunk %s must be exactly %s bytes; %s bytes arrived."),
  CHECKSUM_MISMATCH(422, "The chunk's SHA-256 is %s, not the declared %s; nothing was kept, send it again."),
  CHUNK_CONFLICT(409, "Chunk %s was already stored with other content (sha256 %s); an upload's chunks cannot change."),
  CHUNK_IN_PROGRESS(409, "Chunk %s is being written by another request; retry in a moment."),
  CONTENT_TYPE_MISMATCH(415, "The file's first bytes do not look like %s; declare its real type."),
  TUS_VERSION_UNSUPPORTED(412, "Send Tus-Resumable: 1.0.0; this server speaks tus 1.0.0 only."),
  UPLOAD_LENGTH_REQUIRED(400, "Send Upload-Length (the file size in bytes); deferred lengths are not supported."),
  INVALID_METADATA(400, "Upload-Metadata is malformed: %s."),
  INVALID_OFFSET_HEADER(400, "Send Upload-Offset as a non-negative number of bytes."),
  OFFSET_MISMATCH(409, "Upload-Offset %s does not match the upload's offset %s; send HEAD and resume from there."),
  PATCH_CONTENT_TYPE(415, "PATCH bodies must have Content-Type: application/offset+octet-stream."),
  BODY_TOO_LONG(413, "The body goes past Upload-Length (%s bytes remain)."),
  UNSUPPORTED_CHECKSUM(400, "Upload-Checksum must be 'sha1 <base64>' or 'sha256 <base64>'."),
  TUS_CHECKSUM_MISMATCH(460, "The body's checksum does not match Upload-Checksum; nothing was kept, send it again."),
  UPLOAD_LOCKED(423, "Another request is writing to upload %s; retry after it ends."),
  STORAGE_UNAVAILABLE(503, "The object store is unavailable (%s); retry later."),
  EVENTS_UNAVAILABLE(503, "The event log is unavailable (%s); retry later."),
  STATE_UNAVAILABLE(503, "The upload state store is unavailable (%s); retry later."),
  OVERLOADED(503, "The gateway is receiving as many chunks as its memory allows; nothing was kept, send it again after the seconds in Retry-After.");

  private final int status;
  private final String template;

  IngestError(int status, String template) {
    this.status = status;
    this.template = template;
  }

  public int status() {
    return status;
  }

  public String message(Object... args) {
    return args.length == 0 ? template : String.format(template, args);
  }

  /** An exception carrying this error, thrown by domain code and answered by the error handler. */
  public IngestException toException(Object... args) {
    return new IngestException(this, message(args));
  }
}
