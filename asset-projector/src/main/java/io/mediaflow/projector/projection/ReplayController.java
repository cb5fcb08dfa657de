package io.mediaflow.projector.projection;

import io.mediaflow.projector.config.ProjectorProperties;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /internal/replay} (admin): rebuilds the MongoDB projection from the state topic. */
@RestController
class ReplayController {

  private final ProjectionReplayer replayer;
  private final ProjectorProperties props;

  ReplayController(ProjectionReplayer replayer, ProjectorProperties props) {
    this.replayer = replayer;
    this.props = props;
  }

  @PostMapping("/internal/replay")
  ResponseEntity<Map<String, Object>> replay(Authentication auth) {
    boolean admin = auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_admin"));
    if (!admin) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .body(Map.of("error", "Replaying the projection needs an admin token.", "code", "ADMIN_REQUIRED"));
    }
    long states = replayer.replay(props.replayTimeout());
    return ResponseEntity.ok(Map.of("replayed", states));
  }
}
