package io.mediaflow.devstack.testing;

import io.mediaflow.devstack.DevStack;
import io.mediaflow.devstack.DevStackConfig;
import io.mediaflow.devstack.Endpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension for integration tests: real Kafka, S3, MongoDB and Redis, started once per test
 * JVM on free loopback ports and stopped when the JVM ends. Test classes take {@link Endpoints} as a
 * parameter, or call {@link #endpoints()} (from a Spring {@code @DynamicPropertySource}, say).
 *
 * <p>By default these are the embedded dev stack servers. With {@code -Pcontainers} (system property
 * {@code mediaflow.it.infra=containers}) the same tests run against Testcontainers: Kafka, MongoDB,
 * MinIO and Redis images, where a Docker engine exists.
 */
public final class MediaflowInfra implements BeforeAllCallback, ParameterResolver {

  private static Endpoints endpoints;

  /** The running infrastructure, started on first use. */
  public static synchronized Endpoints endpoints() {
    if (endpoints == null) {
      endpoints =
          "containers".equals(System.getProperty("mediaflow.it.infra"))
              ? ContainersInfra.start()
              : startEmbedded();
    }
    return endpoints;
  }

  private static Endpoints startEmbedded() {
    try {
      Path home = Files.createTempDirectory("mediaflow-it-");
      DevStack stack = DevStack.start(DevStackConfig.ephemeral(home));
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> stop(stack, home), "mediaflow-it-infra-stop"));
      return stack.endpoints();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void stop(DevStack stack, Path home) {
    stack.close();
    try (var files = Files.walk(home)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary directory: the OS cleans up what is left
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    endpoints();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Endpoints.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return endpoints();
  }
}
