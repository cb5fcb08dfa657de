package io.mediaflow.platform.health;

import java.util.Map;

/**
 * The seed's status logic as pure functions: any dependency DOWN makes the service DEGRADED; free
 * disk under 1 GB is a WARNING, under 0.5 GB CRITICAL and DEGRADED. Only a DOWN service answers 503.
 */
public final class HealthAssessor {

  static final double WARNING_GB = 1.0;
  static final double CRITICAL_GB = 0.5;

  private HealthAssessor() {}

  public static HealthStatus overall(Map<String, DependencyHealth> dependencies) {
    HealthStatus status = HealthStatus.UP;
    for (DependencyHealth dependency : dependencies.values()) {
      switch (dependency.status()) {
        case DOWN, CRITICAL, DEGRADED -> status = HealthStatus.DEGRADED;
        case WARNING -> {
          if (status == HealthStatus.UP) {
            status = HealthStatus.WARNING;
          }
        }
        default -> {
          // UP and UNKNOWN do not change the service's status
        }
      }
    }
    return status;
  }

  public static DependencyHealth disk(double availableGB) {
    double rounded = Math.round(availableGB * 100) / 100.0;
    if (availableGB < CRITICAL_GB) {
      return DependencyHealth.disk(HealthStatus.CRITICAL, rounded);
    }
    return DependencyHealth.disk(
        availableGB < WARNING_GB ? HealthStatus.WARNING : HealthStatus.UP, rounded);
  }

  public static int httpStatus(HealthStatus overall) {
    return overall == HealthStatus.DOWN ? 503 : 200;
  }
}
