package io.mediaflow.ingest.upload;

import io.mediaflow.events.AbortReason;
import io.mediaflow.ingest.config.IngestProperties;
import io.mediaflow.ingest.error.IngestError;
import io.mediaflow.ingest.events.UploadEvents;
import io.mediaflow.ingest.store.ChunkStore;
import io.mediaflow.ingest.store.UploadRegistry;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Starting, finding and aborting uploads: shared by the chunked API and tus. */
@Service
public class UploadLifecycle {

  private final UploadRegistry registry;
  private final ChunkStore store;
  private final UploadEvents events;
  private final IngestProperties props;
  private final Clock clock;

  public UploadLifecycle(
      UploadRegistry registry, ChunkStore store, UploadEvents events, IngestProperties props, Clock clock) {
    this.registry = registry;
    this.store = store;
    this.events = events;
    this.props = props;
    this.clock = clock;
  }

  /** Records the session, then UploadStarted; if the event cannot be written the session is void. */
  public UploadSession start(UploadSpec spec, Map<String, String> extraState) {
    long chunkSize = props.chunkSize().toBytes();
    UploadSession session =
        new UploadSession(
            UploadIds.next(),
            spec.owner(),
            spec.filename(),
            spec.fileSize(),
            spec.fileType(),
            spec.sha256(),
            chunkSize,
            new ChunkGeometry(spec.fileSize(), chunkSize).totalChunks(),
            clock.instant().plus(props.expiry()),
            UploadStatus.UPLOADING,
            spec.protocol());
    registry.create(session, extraState);
    try {
      events.started(session, spec);
    } catch (RuntimeException e) {
      registry.setStatus(session.uploadId(), UploadStatus.ABORTED);
      registry.forgetChunks(session.uploadId());
      throw e;
    }
    return session;
  }

  /** The session, or 404/410 when it is unknown, malformed or expired. */
  public UploadSession find(String rawId) {
    String id = UploadIds.check(rawId);
    return registry.find(id).orElseThrow(() -> IngestError.UPLOAD_NOT_FOUND.toException(id));
  }

  public UploadSession findWritable(String rawId, String user) {
    UploadSession session = find(rawId);
    session.checkWritable(user, clock.instant());
    return session;
  }

  /**
   * Stops an upload: no more writes (status first), then the fact in the log, then the bytes.
   * Aborting twice is fine; the second does nothing.
   */
  public void abort(UploadSession session, AbortReason reason, String detail) {
    UploadStatus next = reason == AbortReason.EXPIRED ? UploadStatus.EXPIRED : UploadStatus.ABORTED;
    if (session.status() == UploadStatus.ABORTED || session.status() == UploadStatus.EXPIRED) {
      return;
    }
    registry.setStatus(session.uploadId(), next);
    events.aborted(session.uploadId(), reason, detail);
    store.removeUpload(session.uploadId());
    registry.forgetChunks(session.uploadId());
  }
}
