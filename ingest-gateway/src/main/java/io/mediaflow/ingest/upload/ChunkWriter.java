package io.mediaflow.ingest.upload;

import io.mediaflow.ingest.config.IngestProperties;
import io.mediaflow.ingest.error.IngestError;
import io.mediaflow.ingest.events.UploadEvents;
import io.mediaflow.ingest.store.ChunkStore;
import io.mediaflow.ingest.store.StagedObject;
import io.mediaflow.ingest.store.UploadRegistry;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.stereotype.Service;

/**
 * Stores one chunk, exactly once, whichever protocol delivered it. Under a short per-chunk lock:
 * stream to a staging key while hashing → check length, declared checksum and (chunk 0) content
 * sniff → decide new / duplicate / conflict against the stored hash → copy to the final key →
 * ChunkStored in the log → record the index. Anything refused leaves nothing behind.
 */
@Service
public class ChunkWriter {

  private final UploadRegistry registry;
  private final ChunkStore store;
  private final UploadEvents events;
  private final IngestProperties props;

  public ChunkWriter(UploadRegistry registry, ChunkStore store, UploadEvents events, IngestProperties props) {
    this.registry = registry;
    this.store = store;
    this.events = events;
    this.props = props;
  }

  /** What happened to a chunk: how many distinct chunks are stored now, and if it was a repeat. */
  public record Outcome(int index, long received, int total, boolean duplicate, String sha256) {}

  public Outcome write(UploadSession session, int index, InputStream body, long contentLength, String declaredSha) {
    ChunkGeometry geometry = session.geometry();
    geometry.checkDeclaredLength(index, contentLength);
    String id = session.uploadId();
    String lock =
        registry
            .tryLock(id, "chunk-" + index, props.chunkLockTtl())
            .orElseThrow(() -> IngestError.CHUNK_IN_PROGRESS.toException(index));
    StagedObject staged = null;
    boolean promoted = false;
    try {
      InputStream in = index == 0 ? sniffed(session, body, 0) : body;
      staged = store.stage(id, Integer.toString(index), in, contentLength, session.chunkSize());
      checkStaged(geometry, index, staged, declaredSha);
      Outcome outcome = commit(session, index, staged);
      promoted = !outcome.duplicate();
      return outcome;
    } finally {
      if (staged != null && !promoted) {
        store.removeQuietly(staged.key());
      }
      registry.unlock(id, "chunk-" + index, lock);
    }
  }

  /**
   * Makes a verified staged chunk final: a repeat of the stored content is dropped, other content is
   * a conflict; new content is copied to its key, announced (acknowledged by Kafka) and recorded.
   * The caller holds the chunk's (or the upload's) lock and removes a staged object not promoted.
   */
  public Outcome commit(UploadSession session, int index, StagedObject staged) {
    String id = session.uploadId();
    ChunkDecision decision = ChunkDecision.decide(registry.storedSha(id, index), index, staged.sha256());
    if (decision == ChunkDecision.DUPLICATE) {
      return new Outcome(index, registry.receivedCount(id), session.totalChunks(), true, staged.sha256());
    }
    UploadStatus now = registry.find(id).map(UploadSession::status).orElse(UploadStatus.ABORTED);
    if (now == UploadStatus.ABORTED || now == UploadStatus.EXPIRED) {
      // aborted while this chunk streamed: do not resurrect a chunk the abort already removed
      throw IngestError.UPLOAD_ABORTED.toException(id);
    }
    String key = ChunkKeys.chunk(id, index);
    store.promote(staged, key);
    events.chunkStored(id, index, staged.size(), staged.sha256(), key);
    long received = registry.recordChunk(id, index, staged.sha256(), session.expiresAt());
    if (received == session.totalChunks()) {
      registry.setStatus(id, UploadStatus.COMPLETE);
    }
    return new Outcome(index, received, session.totalChunks(), false, staged.sha256());
  }

  private static void checkStaged(ChunkGeometry geometry, int index, StagedObject staged, String declaredSha) {
    if (staged.size() > geometry.chunkSize()) {
      throw IngestError.CHUNK_TOO_LARGE.toException(geometry.chunkSize());
    }
    long expected = geometry.expectedSize(index);
    if (staged.size() != expected) {
      throw IngestError.CHUNK_SIZE_MISMATCH.toException(index, expected, staged.size());
    }
    if (declaredSha != null && !declaredSha.equalsIgnoreCase(staged.sha256())) {
      throw IngestError.CHECKSUM_MISMATCH.toException(staged.sha256(), declaredSha);
    }
  }

  /**
   * Looks at the first bytes of the file without consuming them and refuses, before anything is
   * stored, content that does not fit the declared type. Fewer than {@code minBytes} bytes are not
   * judged (a tus PATCH may bring the first bytes in pieces; the next one is sniffed again).
   */
  public static InputStream sniffed(UploadSession session, InputStream body, int minBytes) {
    if (!ContentSniffer.knows(session.fileType())) {
      return body;
    }
    BufferedInputStream buffered = new BufferedInputStream(body, ContentSniffer.PREFIX_LENGTH * 4);
    try {
      buffered.mark(ContentSniffer.PREFIX_LENGTH);
      byte[] head = buffered.readNBytes(ContentSniffer.PREFIX_LENGTH);
      buffered.reset();
      if (head.length >= minBytes && !ContentSniffer.fits(session.fileType(), head)) {
        throw IngestError.CONTENT_TYPE_MISMATCH.toException(session.fileType());
      }
      return buffered;
    } catch (IOException e) {
      throw IngestError.INVALID_REQUEST.toException("the body could not be read");
    }
  }
}
