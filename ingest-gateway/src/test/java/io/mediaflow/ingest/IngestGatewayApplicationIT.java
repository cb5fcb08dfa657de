package io.mediaflow.ingest;

import io.mediaflow.devstack.testing.MediaflowInfra;
import io.mediaflow.devstack.testing.ServiceChecks;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service starts against the real servers and reports each of its dependencies UP. */
@ExtendWith(MediaflowInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestGatewayApplicationIT {

  @LocalServerPort int port;

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    MediaflowInfra.endpoints().springProperties().forEach((k, v) -> registry.add(k, () -> v));
  }

  @Test
  void healthIsUpWithEveryDependencyChecked() {
    ServiceChecks.assertHealthy("http://127.0.0.1:" + port, List.of("kafka", "s3", "redis", "diskSpace"));
  }

  @Test
  void thePlayersOriginMayUploadFromTheBrowser() throws Exception {
    var preflight =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/files/"))
            .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
            .header("Origin", "http://localhost:8080")
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization,tus-resumable,upload-length")
            .build();
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(preflight, java.net.http.HttpResponse.BodyHandlers.discarding());

    org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(200);
    org.assertj.core.api.Assertions.assertThat(
            response.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("http://localhost:8080");
  }

  @Test
  void everythingButHealthNeedsAToken() {
    ServiceChecks.assertTokenRequired("http://127.0.0.1:" + port, "/api/anything");
  }
}
