package io.mediaflow.platform.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One dependency's check: status, and the error or the figure behind it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DependencyHealth(
    HealthStatus status, String error, Instant timestamp, Double availableGB, Long latencyMs) {

  public static DependencyHealth up(long latencyMs) {
    return new DependencyHealth(HealthStatus.UP, null, null, null, latencyMs);
  }

  public static DependencyHealth down(String error, Instant at) {
    return new DependencyHealth(HealthStatus.DOWN, error, at, null, null);
  }

  public static DependencyHealth disk(HealthStatus status, double availableGB) {
    return new DependencyHealth(status, null, null, availableGB, null);
  }
}
