package io.mediaflow.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings every service shares, bound from {@code mediaflow.*} (see each service's
 * application.yml for the environment variable behind each one) and validated at start-up, so a
 * missing or malformed setting stops the service with a message naming it.
 */
@Validated
@ConfigurationProperties("mediaflow")
public record MediaflowProperties(
    @NotBlank String service,
    @NotBlank String version,
    @Valid @NotNull Kafka kafka,
    @Valid @NotNull S3 s3,
    @Valid @NotNull Mongodb mongodb,
    @Valid @NotNull Redis redis,
    @Valid @NotNull Jwt jwt,
    @Valid @NotNull Health health,
    @Valid @DefaultValue Security security,
    @NotNull Path workDir) {

  /** @param bootstrapServers KAFKA_BOOTSTRAP_SERVERS */
  public record Kafka(@NotBlank String bootstrapServers) {}

  /** S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY, S3_BUCKET, S3_REGION */
  public record S3(
      @NotBlank String endpoint,
      @NotBlank String accessKey,
      @NotBlank String secretKey,
      @NotBlank String bucket,
      @NotBlank String region) {}

  /** MONGODB_URI, including the database name */
  public record Mongodb(@NotBlank String uri) {}

  /**
   * @param url REDIS_URL
   * @param requestQueueSize REDIS_REQUEST_QUEUE_SIZE: commands that may wait on one connection
   *     (sent and not answered, or buffered while reconnecting); beyond it a command fails at once
   */
  public record Redis(@NotBlank String url, @DefaultValue("1024") @Min(1) int requestQueueSize) {}

  /** JWT_SECRET: HS256 needs at least 32 bytes */
  public record Jwt(@NotBlank @Size(min = 32, message = "must be at least 32 characters for HS256") String secret) {}

  /**
   * @param publicPaths paths answered without a token: health and metrics by default; a service adds
   *     its own (the player page) in its application.yml
   * @param corsAllowedOrigins browser origins allowed to call this service from script (the player's
   *     origin for tus uploads); empty means no cross-origin access
   */
  public record Security(
      @DefaultValue({
            "/health",
            "/actuator/health",
            "/actuator/health/**",
            "/actuator/prometheus",
            "/error"
          })
          List<String> publicPaths,
      @DefaultValue({}) List<String> corsAllowedOrigins) {}

  /**
   * @param dependencies which of kafka, mongodb, redis, s3 and diskSpace this service checks
   */
  public record Health(@NotNull List<String> dependencies) {}
}
