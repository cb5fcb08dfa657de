package io.mediaflow.api.assets;

import io.mediaflow.api.access.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** GET /api/assets/{id} and GET /api/assets (DESIGN.md). */
@RestController
class AssetController {

  private final AssetQueries queries;

  AssetController(AssetQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/api/assets/{id}")
  Mono<AssetView> get(@PathVariable String id, Authentication auth) {
    return queries.get(id, Viewer.of(auth));
  }

  @GetMapping("/api/assets")
  Mono<AssetPage> list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      Authentication auth) {
    return queries.list(status, q, page, size, Viewer.of(auth));
  }
}
