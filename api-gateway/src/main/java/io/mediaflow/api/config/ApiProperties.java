package io.mediaflow.api.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * api-gateway's own settings ({@code mediaflow.api.*}), validated at start-up. The shared ones
 * (Kafka, MongoDB, Redis, S3, JWT) are in {@link io.mediaflow.platform.MediaflowProperties}.
 *
 * @param commandWait how long a command's answer waits for the projection to show the new version
 *     (API_COMMAND_WAIT); after that it answers 202 with {@code X-Mediaflow-Pending: true}
 * @param collection the MongoDB collection of the projection
 * @param maxInFlight requests served at once (API_MAX_IN_FLIGHT), async ones counted until their
 *     answer is complete; beyond it a request is answered 503 OVERLOADED at once. Health and
 *     actuator paths are not counted
 * @param maxQueued requests that may wait for a Tomcat thread (API_MAX_QUEUED); while more wait,
 *     requests are answered 503 OVERLOADED as threads reach them, so the queue drains
 */
@Validated
@ConfigurationProperties("mediaflow.api")
public record ApiProperties(
    @DefaultValue("5s") @NotNull Duration commandWait,
    @DefaultValue("assets") @NotNull String collection,
    @Valid @DefaultValue Cache cache,
    @Valid @DefaultValue Playback playback,
    @Valid @DefaultValue Listing listing,
    @Valid @DefaultValue Ops ops,
    @DefaultValue("96") @Min(1) int maxInFlight,
    @DefaultValue("32") @Min(0) int maxQueued) {

  /**
   * @param enabled cache GET /api/assets/{id} documents in Redis (API_CACHE_ENABLED)
   * @param ttl safety net only: commands invalidate entries explicitly (API_CACHE_TTL)
   * @param timeout longest a cache operation may take before the request goes on without it
   *     (API_CACHE_TIMEOUT): a cache slower than the database is worse than none
   * @param cooldown after a failed or late cache operation, how long requests skip the cache
   *     before trying it again (API_CACHE_COOLDOWN)
   */
  public record Cache(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("60s") @NotNull Duration ttl,
      @DefaultValue("250ms") @NotNull Duration timeout,
      @DefaultValue("5s") @NotNull Duration cooldown) {}

  /**
   * @param signingSecret HMAC key of playback URLs (PLAYBACK_SIGNING_SECRET); empty = derived from
   *     the JWT secret, so one secret configures a dev stack
   * @param urlTtl how long a signed playback URL stays valid (PLAYBACK_URL_TTL)
   */
  public record Playback(
      @DefaultValue("") String signingSecret, @DefaultValue("2h") @NotNull Duration urlTtl) {}

  /**
   * @param workerGroup the transcode workers' share group, whose lag is the job backlog
   * @param jobsPerWorker backlog one worker is expected to absorb; sizes the suggested fleet
   * @param maxWorkers the largest fleet ever suggested
   * @param projectorUrl where asset-projector answers POST /internal/replay
   * @param replayTimeout the longest a replay may take
   * @param lagMetricsInterval how often the lag gauges of /actuator/prometheus are read from
   *     Kafka (API_LAG_METRICS_INTERVAL)
   */
  public record Ops(
      @DefaultValue("mediaflow-transcode-workers") @NotNull String workerGroup,
      @DefaultValue("4") @Min(1) int jobsPerWorker,
      @DefaultValue("16") @Min(1) int maxWorkers,
      @DefaultValue("http://127.0.0.1:8082") @NotNull String projectorUrl,
      @DefaultValue("10m") @NotNull Duration replayTimeout,
      @DefaultValue("15s") @NotNull @DurationMin(millis = 100) Duration lagMetricsInterval) {}

  /** Page size of GET /api/assets when none is asked for, and the largest allowed. */
  public record Listing(
      @DefaultValue("20") @Min(1) @Max(1000) int defaultSize,
      @DefaultValue("100") @Min(1) @Max(1000) int maxSize) {}
}
