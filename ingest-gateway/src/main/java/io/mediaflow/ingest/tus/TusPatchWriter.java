package io.mediaflow.ingest.tus;

import io.mediaflow.ingest.error.IngestError;
import io.mediaflow.ingest.store.ChunkStore;
import io.mediaflow.ingest.store.StagedObject;
import io.mediaflow.ingest.store.UploadRegistry;
import io.mediaflow.ingest.upload.ChunkWriter;
import io.mediaflow.ingest.upload.ContentSniffer;
import io.mediaflow.ingest.upload.UploadSession;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Maps a tus byte stream onto the fixed chunk model. Chunk i holds bytes [i*C, (i+1)*C); bytes of a
 * chunk not yet full live in a "tail" object, which the next PATCH prefixes to its own bytes. Each
 * chunk that becomes full is committed like a chunked-API chunk (ChunkStored event); the offset and
 * tail key move in Redis only after what they describe is durable. The caller holds the upload lock.
 *
 * <p>Without Upload-Checksum every full chunk and the tail are kept as they arrive, so a PATCH cut
 * off mid-body keeps what arrived. With it, everything stays staged until the body is verified, and
 * a mismatch (460) keeps nothing.
 */
@Component
class TusPatchWriter {

  static final String OFFSET = "offset";
  static final String TAIL = "tailKey";

  private final ChunkStore store;
  private final ChunkWriter chunks;
  private final UploadRegistry registry;

  TusPatchWriter(ChunkStore store, ChunkWriter chunks, UploadRegistry registry) {
    this.store = store;
    this.chunks = chunks;
    this.registry = registry;
  }

  private record Piece(int index, StagedObject staged, boolean full, long endOffset) {}

  /** Writes the body at {@code offset}; returns the new offset. */
  long write(UploadSession s, long offset, String tailKey, PatchBody body, Runnable heartbeat) {
    List<Piece> staged = new ArrayList<>();
    String oldTail = tailKey;
    long pos = offset;
    try {
      while (pos < s.fileSize()) {
        heartbeat.run();
        Piece piece = stageNext(s, pos, oldTail, body);
        if (piece == null) {
          break;
        }
        pos = piece.endOffset();
        if (body.verifies()) {
          staged.add(piece);
        } else {
          keep(s, piece, oldTail);
          oldTail = piece.full() ? null : piece.staged().key();
        }
        if (!piece.full()) {
          break;
        }
        if (!body.verifies()) {
          oldTail = null;
        }
      }
      if (body.verifies()) {
        if (body.broken() || !body.checksumMatches()) {
          throw IngestError.TUS_CHECKSUM_MISMATCH.toException();
        }
        for (Piece piece : List.copyOf(staged)) {
          keep(s, piece, oldTail);
          oldTail = piece.full() ? null : piece.staged().key();
          staged.remove(piece);
        }
      }
      return pos;
    } finally {
      staged.forEach(p -> store.removeQuietly(p.staged().key()));
    }
  }

  /** Stages the next chunk's bytes (tail + fresh); null when the body has no more. */
  private Piece stageNext(UploadSession s, long pos, String tailKey, PatchBody body) {
    long chunkSize = s.chunkSize();
    int index = (int) (pos / chunkSize);
    long start = index * chunkSize;
    long end = Math.min(s.fileSize(), start + chunkSize);
    long have = pos - start;
    InputStream fresh = new Bounded(body, end - pos);
    InputStream source = have > 0 ? new SequenceInputStream(store.open(tailKey), fresh) : fresh;
    if (index == 0 && have < ContentSniffer.PREFIX_LENGTH) {
      source = ChunkWriter.sniffed(s, source, (int) Math.min(ContentSniffer.PREFIX_LENGTH, s.fileSize()));
    }
    StagedObject staged = store.stage(s.uploadId(), "tus-" + index, source, -1, chunkSize);
    long added = staged.size() - have;
    if (added <= 0) {
      store.removeQuietly(staged.key());
      return null;
    }
    return new Piece(index, staged, have + added == end - start, pos + added);
  }

  /** Makes a piece durable: a full chunk is committed, a partial one becomes the tail; then the offset moves. */
  private void keep(UploadSession s, Piece piece, String oldTail) {
    if (piece.full()) {
      ChunkWriter.Outcome outcome = chunks.commit(s, piece.index(), piece.staged());
      if (outcome.duplicate()) {
        store.removeQuietly(piece.staged().key());
      }
      registry.setFields(s.uploadId(), Map.of(OFFSET, Long.toString(piece.endOffset()), TAIL, ""));
    } else {
      registry.setFields(
          s.uploadId(), Map.of(OFFSET, Long.toString(piece.endOffset()), TAIL, piece.staged().key()));
    }
    if (oldTail != null && !oldTail.isEmpty()) {
      store.removeQuietly(oldTail);
    }
  }
}
