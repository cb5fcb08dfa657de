package io.mediaflow.workers;

import io.mediaflow.devstack.testing.MediaflowInfra;
import io.mediaflow.devstack.testing.ServiceChecks;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service starts against the real servers and reports each of its dependencies UP. */
@Tag("integration")
@ExtendWith(MediaflowInfra.class)
// the fleet is wired but not consuming: the share-group ITs of this JVM own the jobs topic
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "mediaflow.workers.enabled=false")
class TranscodeWorkersApplicationIT {

  @LocalServerPort int port;

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    MediaflowInfra.endpoints().springProperties().forEach((k, v) -> registry.add(k, () -> v));
  }

  @Test
  void healthIsUpWithEveryDependencyChecked() {
    ServiceChecks.assertHealthy("http://127.0.0.1:" + port, List.of("kafka", "s3", "diskSpace", "ffmpeg"));
  }

  @Test
  void everythingButHealthNeedsAToken() {
    ServiceChecks.assertTokenRequired("http://127.0.0.1:" + port, "/api/anything");
  }
}
