package io.mediaflow.system.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediaflow.devstack.testing.MediaflowInfra;
import io.mediaflow.system.support.MediaflowClient;
import io.mediaflow.system.support.Pipeline;
import io.mediaflow.system.support.TestMedia;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The support of this module works: four service processes, one clip, READY over the public APIs. */
@ExtendWith(MediaflowInfra.class)
class PipelineSmokeIT {

  @Test
  void aClipUploadedInChunksBecomesReady() {
    try (Pipeline pipeline = Pipeline.start(MediaflowInfra.endpoints(), "smoke", 1)) {
      Path clip = TestMedia.video(TestMedia.tempDir("smoke"), "clip.mp4", 4, 320, 240);
      MediaflowClient alice = pipeline.client("alice", false);

      String id = alice.upload(clip, "video/mp4", "private");
      JsonNode asset = alice.awaitStatus(id, Duration.ofMinutes(3), Set.of("READY", "FAILED"));

      assertThat(asset.path("status").asText()).as(asset.toString()).isEqualTo("READY");
      assertThat(asset.path("variants").size()).isGreaterThanOrEqualTo(1);
    }
  }
}
