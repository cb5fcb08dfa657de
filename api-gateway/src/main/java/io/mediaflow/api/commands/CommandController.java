package io.mediaflow.api.commands;

import io.mediaflow.api.access.Viewer;
import io.mediaflow.api.assets.AssetLinks;
import io.mediaflow.api.assets.AssetView;
import io.mediaflow.api.assets.AssetViews;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * PATCH, DELETE, restore and reprocess (DESIGN.md). When the projection did not show the command's
 * effect within the bounded wait, the answer is 202 with the asset as it still is and
 * {@code X-Mediaflow-Pending: true}: the command is accepted and will be applied.
 */
@RestController
class CommandController {

  static final String PENDING = "X-Mediaflow-Pending";
  private final CommandService commands;
  private final AssetLinks links;

  CommandController(CommandService commands, AssetLinks links) {
    this.commands = commands;
    this.links = links;
  }

  @PatchMapping("/api/assets/{id}")
  Mono<ResponseEntity<AssetView>> edit(
      @PathVariable String id, @RequestBody EditRequest request, Authentication auth) {
    return commands.edit(id, request, Viewer.of(auth)).map(o -> answer(o, HttpStatus.OK));
  }

  @DeleteMapping("/api/assets/{id}")
  Mono<ResponseEntity<AssetView>> delete(@PathVariable String id, Authentication auth) {
    return commands
        .delete(id, Viewer.of(auth))
        .map(o -> o.pending() ? answer(o, HttpStatus.OK) : ResponseEntity.noContent().<AssetView>build());
  }

  @PostMapping("/api/assets/{id}/restore")
  Mono<ResponseEntity<AssetView>> restore(@PathVariable String id, Authentication auth) {
    return commands.restore(id, Viewer.of(auth)).map(o -> answer(o, HttpStatus.OK));
  }

  @PostMapping("/api/assets/{id}/reprocess")
  Mono<ResponseEntity<AssetView>> reprocess(
      @PathVariable String id,
      @RequestBody(required = false) ReprocessRequest request,
      Authentication auth) {
    return commands
        .reprocess(id, request, Viewer.of(auth))
        .map(o -> answer(o, HttpStatus.ACCEPTED));
  }

  private ResponseEntity<AssetView> answer(CommandOutcome outcome, HttpStatus done) {
    return ResponseEntity.status(outcome.pending() ? HttpStatus.ACCEPTED : done)
        .header(PENDING, Boolean.toString(outcome.pending()))
        .body(AssetViews.toView(outcome.asset(), links));
  }
}
