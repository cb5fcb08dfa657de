package io.mediaflow.platform.health;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /health}: the seed's shape, 200 unless the service is DOWN. */
@RestController
public class HealthController {

  private final HealthService health;

  public HealthController(HealthService health) {
    this.health = health;
  }

  @GetMapping("/health")
  public ResponseEntity<HealthReport> health() {
    HealthReport report = health.report();
    return ResponseEntity.status(HealthAssessor.httpStatus(report.status())).body(report);
  }
}
