package io.mediaflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.api.support.Api;
import io.mediaflow.api.support.GatewayIT;
import io.mediaflow.devstack.testing.ServiceChecks;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The service starts against the real servers and reports each of its dependencies UP. */
class ApiGatewayApplicationIT extends GatewayIT {

  @Test
  void healthIsUpWithEveryDependencyChecked() {
    // bounded retry: on a loaded machine the first probe of a lazily opened client can miss its 2 s
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .untilAsserted(
            () -> ServiceChecks.assertHealthy(
                "http://127.0.0.1:" + port, List.of("kafka", "mongodb", "redis", "s3", "diskSpace")));
  }

  @Test
  void theOpenApiDescriptionListsTheEndpoints() {
    var response = new Api(port).get("/v3/api-docs", Api.token("someone", false));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"openapi\":\"3.", "/api/assets/{id}", "/api/assets/{id}/reprocess", "/media/{id}/stream", "/api/ops/lag");
  }

  @Test
  void unknownPathsAndMethodsAnswerInTheErrorShape() {
    Api api = new Api(port);
    Api.assertError(api.get("/nothing/here", Api.token("someone", false)), 404, "NOT_FOUND");
    Api.assertError(api.send("DELETE", "/api/assets", Api.token("someone", false), null), 405, "METHOD_NOT_ALLOWED");
    Api.assertError(
        api.send("PATCH", "/api/assets/" + "a".repeat(24), Api.token("someone", false), null), 400, "INVALID_REQUEST");
  }

  @Test
  void everythingButHealthNeedsAToken() {
    ServiceChecks.assertTokenRequired("http://127.0.0.1:" + port, "/api/anything");
  }
}
