package io.mediaflow.ingest.tus;

import io.mediaflow.events.AbortReason;
import io.mediaflow.events.UploadProtocol;
import io.mediaflow.ingest.config.IngestProperties;
import io.mediaflow.ingest.error.IngestError;
import io.mediaflow.ingest.store.UploadRegistry;
import io.mediaflow.ingest.upload.UploadLifecycle;
import io.mediaflow.ingest.upload.UploadPolicy;
import io.mediaflow.ingest.upload.UploadSession;
import io.mediaflow.ingest.upload.UploadSpec;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The tus use cases on the shared upload model: create, offset, patch, terminate. */
@Service
class TusUploads {

  private static final String LOCK = "tus";

  private final UploadPolicy policy;
  private final UploadLifecycle lifecycle;
  private final UploadRegistry registry;
  private final TusPatchWriter writer;
  private final IngestProperties props;

  TusUploads(
      UploadPolicy policy, UploadLifecycle lifecycle, UploadRegistry registry, TusPatchWriter writer,
      IngestProperties props) {
    this.policy = policy;
    this.lifecycle = lifecycle;
    this.registry = registry;
    this.writer = writer;
    this.props = props;
  }

  record Position(UploadSession session, long offset) {}

  UploadSession create(String owner, String uploadLength, String deferLength, String metadataHeader) {
    if (uploadLength == null || uploadLength.isBlank() || deferLength != null) {
      throw IngestError.UPLOAD_LENGTH_REQUIRED.toException();
    }
    long length;
    try {
      length = Long.parseLong(uploadLength.strip());
    } catch (NumberFormatException e) {
      throw IngestError.UPLOAD_LENGTH_REQUIRED.toException();
    }
    Map<String, String> meta = TusMetadata.parse(metadataHeader);
    Map<String, String> extra = new HashMap<>();
    meta.forEach((k, v) -> {
      if (!Map.of("filename", 1, "filetype", 1, "title", 1, "access", 1, "description", 1, "sha256", 1).containsKey(k)) {
        extra.put(k, v);
      }
    });
    UploadSpec spec =
        policy.validate(
            owner, meta.get("filename"), length, meta.get("filetype"), meta.get("sha256"), meta.get("title"),
            meta.get("description"), meta.get("access"), extra, UploadProtocol.TUS);
    return lifecycle.start(spec, Map.of(TusPatchWriter.OFFSET, "0", TusPatchWriter.TAIL, ""));
  }

  Position position(String user, boolean admin, String id) {
    UploadSession s = lifecycle.find(id);
    s.checkReadable(user, admin);
    s.checkWritable(s.owner(), java.time.Instant.now());
    return new Position(s, offsetOf(s));
  }

  /** Appends the body at {@code clientOffset} under the upload's lock; returns the new offset. */
  long patch(String user, String id, String clientOffset, long contentLength, String checksum, InputStream body) {
    UploadSession s = lifecycle.findWritable(id, user);
    long declared = parseOffset(clientOffset);
    String token =
        registry
            .tryLock(s.uploadId(), LOCK, props.chunkLockTtl())
            .orElseThrow(() -> IngestError.UPLOAD_LOCKED.toException(s.uploadId()));
    try {
      long offset = offsetOf(s);
      if (declared != offset) {
        throw IngestError.OFFSET_MISMATCH.toException(declared, offset);
      }
      long remaining = s.fileSize() - offset;
      if (contentLength > remaining) {
        throw IngestError.BODY_TOO_LONG.toException(remaining);
      }
      PatchBody patch = PatchBody.of(body, remaining, checksum);
      String tail = registry.field(s.uploadId(), TusPatchWriter.TAIL);
      return writer.write(
          s, offset, tail, patch,
          () -> registry.extendLock(s.uploadId(), LOCK, token, props.chunkLockTtl()));
    } finally {
      registry.unlock(s.uploadId(), LOCK, token);
    }
  }

  void terminate(String user, boolean admin, String id) {
    UploadSession s = lifecycle.find(id);
    s.checkReadable(user, admin);
    lifecycle.abort(s, AbortReason.CLIENT_ABORTED, "terminated by " + user + " (tus)");
  }

  private long offsetOf(UploadSession s) {
    String value = registry.field(s.uploadId(), TusPatchWriter.OFFSET);
    if (value == null) {
      throw IngestError.UPLOAD_NOT_FOUND.toException(s.uploadId()); // a chunked-API upload
    }
    return Long.parseLong(value);
  }

  private static long parseOffset(String header) {
    try {
      long offset = Long.parseLong(header == null ? "" : header.strip());
      if (offset < 0) {
        throw IngestError.INVALID_OFFSET_HEADER.toException();
      }
      return offset;
    } catch (NumberFormatException e) {
      throw IngestError.INVALID_OFFSET_HEADER.toException();
    }
  }
}
