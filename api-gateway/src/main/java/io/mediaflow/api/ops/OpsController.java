package io.mediaflow.api.ops;

import io.mediaflow.api.access.Viewer;
import io.mediaflow.api.errors.ApiError;
import io.mediaflow.api.errors.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Operator endpoints (admins only). */
@RestController
class OpsController {

  private static final Logger log = LoggerFactory.getLogger(OpsController.class);
  private final LagService lag;
  private final ReplayClient replay;

  OpsController(LagService lag, ReplayClient replay) {
    this.lag = lag;
    this.replay = replay;
  }

  /** The same lag as a table, for terminals ({@code ./mediaflow lag}). */
  @GetMapping(value = "/api/ops/lag", produces = MediaType.TEXT_PLAIN_VALUE)
  Mono<String> lagTable(Authentication auth) {
    return lag(auth).map(LagTable::render);
  }

  /** Rebuilds the MongoDB projection from the compacted asset-state topic (asset-projector does it). */
  @PostMapping(value = "/api/ops/replay", produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<String> replay(Authentication auth) {
    if (!Viewer.of(auth).admin() || !(auth.getPrincipal() instanceof Jwt jwt)) {
      throw ApiError.ADMIN_ONLY.exception();
    }
    return Mono.fromCallable(() -> replay.replay(jwt.getTokenValue()))
        .subscribeOn(Schedulers.boundedElastic());
  }

  @GetMapping(value = "/api/ops/lag", produces = MediaType.APPLICATION_JSON_VALUE)
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
