package io.mediaflow.api.assets;

import io.mediaflow.api.access.Viewer;
import io.mediaflow.api.errors.ApiError;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

/**
 * GET /api/assets/{id} and GET /api/assets (DESIGN.md).
 *
 * <p>The two reads wait for their answer on the request's Tomcat thread instead of handing Spring MVC
 * a {@code Mono}: an async answer goes through Tomcat, the filters and the dispatcher a second time
 * (the async dispatch), a sixth of the gateway's CPU per read in a JFR profile (issue #8). Reads take
 * a few milliseconds (a Redis or MongoDB lookup), the requests in flight are bounded below Tomcat's
 * threads ({@code API_MAX_IN_FLIGHT} 96 of 200), and a read not answered within {@link #READ_WAIT}
 * is answered {@code 503 STORAGE_UNAVAILABLE}.
 */
@RestController
class AssetController {

  static final Duration READ_WAIT = Duration.ofSeconds(10);

  private final AssetQueries queries;

  AssetController(AssetQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/api/assets/{id}")
  AssetView get(@PathVariable String id, Authentication auth) {
    return await(queries.get(id, Viewer.of(auth)));
  }

  @GetMapping("/api/assets")
  AssetPage list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Authentication auth) {
    return await(queries.list(status, q, page, size, Viewer.of(auth)));
  }

  static <T> T await(Mono<T> answer) {
    try {
      return answer.timeout(READ_WAIT).block();
    } catch (RuntimeException e) {
      if (Exceptions.unwrap(e) instanceof TimeoutException) {
        throw ApiError.STORAGE_UNAVAILABLE.exception("The projection did not answer within " + READ_WAIT.toSeconds() + " s.");
      }
      throw e;
    }
  }
}
