package io.mediaflow.ingest.expiry;

import io.mediaflow.events.AbortReason;
import io.mediaflow.ingest.store.UploadRegistry;
import io.mediaflow.ingest.upload.UploadLifecycle;
import io.mediaflow.ingest.upload.UploadSession;
import io.mediaflow.ingest.upload.UploadStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Aborts uploads left incomplete past their expiry: UploadAborted{EXPIRED} in the log, chunks
 * removed. Every gateway instance sweeps; a Redis lock per upload makes exactly one of them handle
 * it, and a second look at the session under the lock skips what another already finished.
 */
@Component
public class ExpirySweeper {

  private static final Logger log = LoggerFactory.getLogger(ExpirySweeper.class);
  static final int BATCH = 100;
  static final Duration CLAIM = Duration.ofMinutes(5);

  private final UploadRegistry registry;
  private final UploadLifecycle lifecycle;
  private final Clock clock;

  public ExpirySweeper(UploadRegistry registry, UploadLifecycle lifecycle, Clock clock) {
    this.registry = registry;
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  /** One pass; returns how many uploads this instance expired. */
  public int sweep() {
    Instant now = clock.instant();
    List<String> due;
    try {
      due = registry.expiredBefore(now, BATCH);
    } catch (RuntimeException e) {
      log.warn("expiry sweep skipped, Redis unavailable: {}", e.getMessage());
      return 0;
    }
    int expired = 0;
    for (String id : due) {
      Optional<String> claim = registry.tryLock(id, "sweep", CLAIM);
      if (claim.isEmpty()) {
        continue; // another instance is on it
      }
      try {
        expired += expire(id, now) ? 1 : 0;
      } catch (RuntimeException e) {
        log.warn("could not expire upload {} (next sweep retries): {}", id, e.getMessage());
      } finally {
        registry.unlock(id, "sweep", claim.get());
      }
    }
    return expired;
  }

  private boolean expire(String id, Instant now) {
    Optional<UploadSession> found = registry.find(id);
    if (found.isEmpty() || found.get().status() != UploadStatus.UPLOADING || !found.get().expiredAt(now)) {
      registry.forgetExpiry(id); // finished, aborted or gone: nothing to remove
      return false;
    }
    UploadSession s = found.get();
    long received = registry.receivedCount(id);
    lifecycle.abort(s, AbortReason.EXPIRED, "not completed before " + s.expiresAt());
    log.info("expired upload {} of {} ({} of {} chunks)", id, s.owner(), received, s.totalChunks());
    return true;
  }
}
