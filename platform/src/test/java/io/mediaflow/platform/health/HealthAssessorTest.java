package io.mediaflow.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthAssessorTest {

  @Test
  void allUpIsUp() {
    assertThat(HealthAssessor.overall(Map.of("kafka", DependencyHealth.up(1))))
        .isEqualTo(HealthStatus.UP);
  }

  @Test
  void anyDependencyDownDegradesTheServiceButStillAnswers200() {
    Map<String, DependencyHealth> deps = new LinkedHashMap<>();
    deps.put("kafka", DependencyHealth.up(1));
    deps.put("mongodb", DependencyHealth.down("refused", Instant.EPOCH));

    HealthStatus status = HealthAssessor.overall(deps);

    assertThat(status).isEqualTo(HealthStatus.DEGRADED);
    assertThat(HealthAssessor.httpStatus(status)).isEqualTo(200);
    assertThat(HealthAssessor.httpStatus(HealthStatus.DOWN)).isEqualTo(503);
  }

  @Test
  void diskFollowsTheSeedThresholds() {
    assertThat(HealthAssessor.disk(5).status()).isEqualTo(HealthStatus.UP);
    assertThat(HealthAssessor.disk(0.9).status()).isEqualTo(HealthStatus.WARNING);
    assertThat(HealthAssessor.disk(0.4).status()).isEqualTo(HealthStatus.CRITICAL);
    assertThat(HealthAssessor.disk(1.23456).availableGB()).isEqualTo(1.23);
  }

  @Test
  void lowDiskWarnsACriticalDiskDegrades() {
    assertThat(HealthAssessor.overall(Map.of("diskSpace", HealthAssessor.disk(0.9))))
        .isEqualTo(HealthStatus.WARNING);
    assertThat(HealthAssessor.overall(Map.of("diskSpace", HealthAssessor.disk(0.1))))
        .isEqualTo(HealthStatus.DEGRADED);
    Map<String, DependencyHealth> both = new LinkedHashMap<>();
    both.put("diskSpace", HealthAssessor.disk(0.9));
    both.put("redis", DependencyHealth.down("x", Instant.EPOCH));
    assertThat(HealthAssessor.overall(both)).isEqualTo(HealthStatus.DEGRADED);
  }
}
