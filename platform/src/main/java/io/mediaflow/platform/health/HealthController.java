package io.mediaflow.platform.health;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
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

  /** Connects every probe's client once at start-up, so the first /health is not the slow one. */
  @EventListener(ApplicationReadyEvent.class)
  public void warmUp() {
    Thread warm = new Thread(health::report, "health-warm-up");
    warm.setDaemon(true);
    warm.start();
  }

  @GetMapping("/health")
  public ResponseEntity<HealthReport> health() {
    HealthReport report = health.report();
    return ResponseEntity.status(HealthAssessor.httpStatus(report.status())).body(report);
  }
}
