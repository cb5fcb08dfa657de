package io.mediaflow.api.ops;

import io.mediaflow.api.access.Viewer;
import io.mediaflow.api.errors.ApiError;
import io.mediaflow.api.errors.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Operator endpoints (admins only). */
@RestController
class OpsController {

  private static final Logger log = LoggerFactory.getLogger(OpsController.class);
  private final LagService lag;

  OpsController(LagService lag) {
    this.lag = lag;
  }

  @GetMapping("/api/ops/lag")
  Mono<LagView> lag(Authentication auth) {
    if (!Viewer.of(auth).admin()) {
      throw ApiError.ADMIN_ONLY.exception();
    }
    // the Admin client's futures block: keep them off request threads
    return Mono.fromCallable(lag::lag)
        .subscribeOn(Schedulers.boundedElastic())
        .onErrorMap(e -> !(e instanceof ApiException), OpsController::unavailable);
  }

  private static Throwable unavailable(Throwable e) {
    log.warn("cannot read lag from Kafka", e);
    return ApiError.KAFKA_UNAVAILABLE.exception();
  }
}
