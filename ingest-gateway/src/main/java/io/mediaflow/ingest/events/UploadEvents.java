package io.mediaflow.ingest.events;

import io.mediaflow.events.AbortReason;
import io.mediaflow.events.ChunkStored;
import io.mediaflow.events.UploadAborted;
import io.mediaflow.events.UploadEvent;
import io.mediaflow.events.UploadStarted;
import io.mediaflow.ingest.config.IngestProperties;
import io.mediaflow.ingest.error.IngestError;
import io.mediaflow.ingest.upload.UploadSession;
import io.mediaflow.ingest.upload.UploadSpec;
import io.mediaflow.schemas.Topics;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.stereotype.Component;

/**
 * Produces the upload facts to {@code Topics.UPLOADS}, keyed by asset id, and waits for the
 * broker's acknowledgement (acks=all, idempotent producer) before the client is answered: a chunk
 * acknowledged to a client is in the log.
 */
@Component
public class UploadEvents {

  private final Producer<String, UploadEvent> producer;
  private final Clock clock;
  private final long timeoutMillis;

  public UploadEvents(Producer<String, UploadEvent> producer, Clock clock, IngestProperties props) {
    this.producer = producer;
    this.clock = clock;
    this.timeoutMillis = props.kafkaSendTimeout().toMillis();
  }

  public void started(UploadSession session, UploadSpec spec) {
    send(
        session.uploadId(),
        UploadStarted.newBuilder()
            .setOwner(spec.owner())
            .setFilename(spec.filename())
            .setFileSize(spec.fileSize())
            .setFileType(spec.fileType())
            .setSha256(spec.sha256())
            .setTitle(spec.title())
            .setDescription(spec.description())
            .setAccess(spec.access())
            .setMetadata(new java.util.HashMap<>(spec.metadata()))
            .setChunkSize(session.chunkSize())
            .setTotalChunks(session.totalChunks())
            .setExpiresAt(session.expiresAt())
            .setProtocol(spec.protocol())
            .build());
  }

  public void chunkStored(String assetId, int index, long size, String sha256, String objectKey) {
    send(
        assetId,
        ChunkStored.newBuilder()
            .setIndex(index)
            .setSize(size)
            .setSha256(sha256)
            .setObjectKey(objectKey)
            .build());
  }

  public void aborted(String assetId, AbortReason reason, String detail) {
    send(assetId, UploadAborted.newBuilder().setReason(reason).setDetail(detail).build());
  }

  private void send(String assetId, Object event) {
    UploadEvent record =
        UploadEvent.newBuilder().setAssetId(assetId).setOccurredAt(clock.instant()).setEvent(event).build();
    try {
      producer
          .send(new ProducerRecord<>(Topics.UPLOADS.name(), assetId, record))
          .get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw IngestError.EVENTS_UNAVAILABLE.toException("interrupted");
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw IngestError.EVENTS_UNAVAILABLE.toException(e.getClass().getSimpleName());
    }
  }
}
