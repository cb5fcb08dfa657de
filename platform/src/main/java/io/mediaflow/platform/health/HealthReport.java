package io.mediaflow.platform.health;

import java.time.Instant;
import java.util.Map;

/** The body of {@code GET /health}, in the seed's shape. */
public record HealthReport(
    HealthStatus status,
    String service,
    Instant timestamp,
    String version,
    Map<String, DependencyHealth> dependencies,
    Map<String, String> memory,
    String uptime) {}
