package io.mediaflow.ingest.chunked;

import io.mediaflow.events.AbortReason;
import io.mediaflow.events.UploadProtocol;
import io.mediaflow.ingest.chunked.ChunkedApi.ChunkAccepted;
import io.mediaflow.ingest.chunked.ChunkedApi.CreateUploadRequest;
import io.mediaflow.ingest.chunked.ChunkedApi.UploadCreated;
import io.mediaflow.ingest.chunked.ChunkedApi.UploadProgress;
import io.mediaflow.ingest.error.IngestError;
import io.mediaflow.ingest.store.UploadRegistry;
import io.mediaflow.ingest.upload.ChunkWriter;
import io.mediaflow.ingest.upload.UploadLifecycle;
import io.mediaflow.ingest.upload.UploadPolicy;
import io.mediaflow.ingest.upload.UploadSession;
import io.mediaflow.ingest.upload.UploadSpec;
import io.mediaflow.ingest.upload.UploadStatus;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;

/** The chunked API's use cases, translating REST bodies to the shared upload model and back. */
@Service
class ChunkedUploads {

  private final UploadPolicy policy;
  private final UploadLifecycle lifecycle;
  private final ChunkWriter writer;
  private final UploadRegistry registry;
  private final Clock clock;

  ChunkedUploads(
      UploadPolicy policy, UploadLifecycle lifecycle, ChunkWriter writer, UploadRegistry registry, Clock clock) {
    this.policy = policy;
    this.lifecycle = lifecycle;
    this.writer = writer;
    this.registry = registry;
    this.clock = clock;
  }

  UploadCreated create(String owner, CreateUploadRequest r) {
    if (r == null) {
      throw IngestError.INVALID_REQUEST.toException("send a JSON body {filename, fileSize, fileType}");
    }
    UploadSpec spec =
        policy.validate(
            owner, r.filename(), r.fileSize(), r.fileType(), r.sha256(), r.title(), r.description(),
            r.access(), r.metadata(), UploadProtocol.CHUNKED);
    UploadSession s = lifecycle.start(spec, Map.of());
    return new UploadCreated(s.uploadId(), s.chunkSize(), s.totalChunks(), s.expiresAt());
  }

  ChunkAccepted putChunk(
      String user, String uploadId, int index, String sha256, long contentLength, InputStream body) {
    UploadSession session = lifecycle.findWritable(uploadId, user);
    session.geometry().checkIndex(index);
    String declared = UploadPolicy.checksum(sha256, "X-Chunk-SHA256");
    ChunkWriter.Outcome o = writer.write(session, index, body, contentLength, declared);
    return new ChunkAccepted(session.uploadId(), index, o.received(), o.total(), o.duplicate());
  }

  UploadProgress progress(String user, boolean admin, String uploadId) {
    UploadSession session = lifecycle.find(uploadId);
    session.checkReadable(user, admin);
    Set<Integer> received = registry.receivedIndexes(session.uploadId());
    List<Integer> missing =
        IntStream.range(0, session.totalChunks()).filter(i -> !received.contains(i)).boxed().toList();
    UploadStatus status = session.expiredAt(clock.instant()) ? UploadStatus.EXPIRED : session.status();
    return new UploadProgress(
        session.uploadId(), status.name(), received.size(), session.totalChunks(), missing, session.expiresAt());
  }

  void abort(String user, boolean admin, String uploadId) {
    UploadSession session = lifecycle.find(uploadId);
    session.checkReadable(user, admin);
    lifecycle.abort(session, AbortReason.CLIENT_ABORTED, "aborted by " + user);
  }
}
