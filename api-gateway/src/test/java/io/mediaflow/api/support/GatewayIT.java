package io.mediaflow.api.support;

import io.mediaflow.devstack.testing.MediaflowInfra;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on a random port against the real (embedded) servers; every IT extends this so they
 * share one Spring context. Users are unique per test so lists only see that test's assets.
 */
@ExtendWith(MediaflowInfra.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mediaflow.api.command-wait=3s",
      "mediaflow.api.cache.enabled=true",
      "mediaflow.api.ops.lag-metrics-interval=1s"
    })
public abstract class GatewayIT {

  protected static Projection projection;
  @LocalServerPort protected int port;
  protected Api api;
  protected String alice;
  protected String bob;

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    MediaflowInfra.endpoints().springProperties().forEach((k, v) -> registry.add(k, () -> v));
  }

  @BeforeAll
  static void connect() {
    projection = new Projection(MediaflowInfra.endpoints().mongoUri());
  }

  @AfterAll
  static void disconnect() {
    projection.close();
  }

  @BeforeEach
  void users() {
    api = new Api(port);
    alice = "alice-" + UUID.randomUUID().toString().substring(0, 8);
    bob = "bob-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
