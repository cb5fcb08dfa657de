package io.mediaflow.platform.health;

/** Status of a service or one of its dependencies, in the seed's vocabulary. */
public enum HealthStatus {
  UP,
  WARNING,
  DEGRADED,
  DOWN,
  CRITICAL,
  UNKNOWN
}
