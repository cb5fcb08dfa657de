package io.mediaflow.api;

import io.mediaflow.api.support.GatewayIT;
import io.mediaflow.devstack.testing.ServiceChecks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service starts against the real servers and reports each of its dependencies UP. */
class ApiGatewayApplicationIT extends GatewayIT {

  @Test
  void healthIsUpWithEveryDependencyChecked() {
    ServiceChecks.assertHealthy("http://127.0.0.1:" + port, List.of("kafka", "mongodb", "redis", "s3", "diskSpace"));
  }

  @Test
  void everythingButHealthNeedsAToken() {
    ServiceChecks.assertTokenRequired("http://127.0.0.1:" + port, "/api/anything");
  }
}
