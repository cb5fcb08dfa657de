package io.mediaflow.ingest.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The limits of ingest-gateway ({@code mediaflow.ingest.*}), validated at start-up.
 *
 * @param chunkSize size of every chunk but the last (UPLOAD_CHUNK_SIZE, default 8MB); at least 5MB
 *     because the ingest job composes chunks server-side and S3 wants every part but the last ≥ 5 MiB
 * @param maxFileSize largest accepted upload (UPLOAD_MAX_FILE_SIZE, default 10GB)
 * @param allowedTypes declared MIME types accepted (UPLOAD_ALLOWED_TYPES, the seed's list by default)
 * @param expiry how long an upload may stay incomplete (UPLOAD_EXPIRY, default 24h)
 * @param chunkLockTtl how long one chunk write holds its lock at most (default 10m)
 * @param kafkaSendTimeout how long an event send may take before the request fails with 503
 * @param sweepInterval how often each instance looks for expired uploads to abort (UPLOAD_SWEEP_INTERVAL)
 * @param bufferBudget request-body bytes held in memory at once (UPLOAD_BUFFER_BUDGET); 0 = a third
 *     of the heap. Each chunk being written holds one chunk's worth (the S3 client buffers a part)
 * @param bufferWait how long a chunk waits for its share of the budget before 503 OVERLOADED
 *     (UPLOAD_BUFFER_WAIT)
 */
@Validated
@ConfigurationProperties("mediaflow.ingest")
public record IngestProperties(
    @NotNull @DefaultValue("8MB") DataSize chunkSize,
    @NotNull @DefaultValue("10GB") DataSize maxFileSize,
    @NotEmpty
        @DefaultValue({
          "video/mp4", "video/webm", "video/ogg",
          "audio/mpeg", "audio/ogg", "audio/wav",
          "image/jpeg", "image/png", "image/gif"
        })
        List<String> allowedTypes,
    @NotNull @DefaultValue("24h") Duration expiry,
    @NotNull @DefaultValue("10m") Duration chunkLockTtl,
    @NotNull @DefaultValue("15s") Duration kafkaSendTimeout,
    @NotNull @DefaultValue("1m") Duration sweepInterval,
    @NotNull @DefaultValue("0") DataSize bufferBudget,
    @NotNull @DefaultValue("60s") Duration bufferWait) {

  /** S3 compose needs parts of at least 5 MiB; below that the ingest job could not assemble. */
  public static final long MIN_CHUNK_SIZE = 5L * 1024 * 1024;

  @AssertTrue(message = "chunk-size must be at least 5MB (S3 multipart/compose minimum) and at most 512MB")
  public boolean isChunkSizeValid() {
    return chunkSize.toBytes() >= MIN_CHUNK_SIZE && chunkSize.toBytes() <= 512L * 1024 * 1024;
  }

  @AssertTrue(message = "max-file-size must be positive")
  public boolean isMaxFileSizeValid() {
    return maxFileSize.toBytes() > 0;
  }

  @AssertTrue(message = "expiry, chunk-lock-ttl and sweep-interval must be positive")
  public boolean isDurationsValid() {
    return positive(expiry) && positive(chunkLockTtl) && positive(sweepInterval);
  }

  private static boolean positive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }
}
