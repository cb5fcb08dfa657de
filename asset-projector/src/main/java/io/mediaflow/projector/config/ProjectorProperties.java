package io.mediaflow.projector.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * asset-projector's own settings ({@code mediaflow.projector.*}), validated at start-up.
 *
 * @param profilesDir PROFILES_DIR: JSON profile files added to the default ladder; absent = defaults
 * @param maxAttempts MAX_JOB_ATTEMPTS: attempts of a job that fails with a retryable error (default 3)
 * @param replicationFactor STREAMS_REPLICATION_FACTOR: of the Streams internal topics (1 on the dev stack)
 * @param streamThreads STREAMS_THREADS: Kafka Streams threads (default 1)
 * @param replayTimeout how long a projection replay may take before it gives up (default 10 minutes)
 * @param commitInterval STREAMS_COMMIT_INTERVAL: how often a Streams transaction commits (default 100 ms,
 *     Kafka's default under exactly-once); longer means fewer transactions and more throughput, but
 *     jobs and states become visible to read_committed consumers later
 */
@Validated
@ConfigurationProperties("mediaflow.projector")
public record ProjectorProperties(
    Path profilesDir,
    @DefaultValue("3") @Min(1) @Max(20) int maxAttempts,
    @DefaultValue("1") @Min(1) @Max(5) short replicationFactor,
    @DefaultValue("1") @Min(1) @Max(16) int streamThreads,
    @DefaultValue("10m") Duration replayTimeout,
    @DefaultValue("100ms") Duration commitInterval) {}
