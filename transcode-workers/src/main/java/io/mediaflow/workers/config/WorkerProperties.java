package io.mediaflow.workers.config;

import io.mediaflow.schemas.Topics;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The worker's own settings ({@code mediaflow.workers.*}), validated at start-up.
 *
 * @param enabled consume jobs at all (WORKERS_ENABLED); off for a node that only answers health
 * @param concurrency jobs run at once by this process, one share consumer each (WORKER_CONCURRENCY)
 * @param maxAttempts deliveries of one job before it goes to the dead-letter topic
 *     (WORKER_MAX_ATTEMPTS); keep it below the group's share.delivery.count.limit (default 5), or the
 *     broker archives the job silently first
 * @param renewInterval how often the lock of a running job is renewed (WORKER_RENEW_INTERVAL); the
 *     worker renews at least three times per record lock period of the group (default 30 s) whatever
 *     this says
 * @param pollTimeout how long one poll waits for a job
 * @param shutdownGrace how long a stopping worker lets the current job finish before releasing it
 * @param retryBackoff how long attempt 2 of a job waits after it was issued; attempt n waits
 *     retryBackoff·2^(n-2) (WORKER_RETRY_BACKOFF); 0 turns the backoff off
 * @param retryBackoffMax the longest a retry waits (WORKER_RETRY_BACKOFF_MAX)
 * @param diskReserve free disk a job must leave untouched (WORKER_DISK_RESERVE)
 * @param maxSide largest accepted picture side, pixels
 * @param maxPixels largest accepted picture area, pixels
 * @param shareGroup the share group; every worker of the fleet uses the same one
 * @param workerId how this process signs its events; blank: host name and pid
 */
@Validated
@ConfigurationProperties("mediaflow.workers")
public record WorkerProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1") @Min(0) @Max(64) int concurrency,
    @DefaultValue("4") @Min(1) @Max(10) int maxAttempts,
    @DefaultValue("5s") @NotNull Duration renewInterval,
    @DefaultValue("1s") @NotNull Duration pollTimeout,
    @DefaultValue("30s") @NotNull Duration shutdownGrace,
    @DefaultValue("5s") @NotNull Duration retryBackoff,
    @DefaultValue("60s") @NotNull Duration retryBackoffMax,
    @DefaultValue("512MB") @NotNull DataSize diskReserve,
    @DefaultValue("8192") @Min(16) int maxSide,
    @DefaultValue("35389440") @Min(256) long maxPixels,
    @DefaultValue(Topics.WORKER_SHARE_GROUP) @NotBlank String shareGroup,
    @DefaultValue("") String workerId) {}
