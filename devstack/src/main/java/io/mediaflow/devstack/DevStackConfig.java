package io.mediaflow.devstack;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the dev stack keeps its data and which loopback ports it listens on. Port 0 picks a free
 * port (tests); {@code persistent = false} keeps everything in memory or temporary files.
 *
 * <p>From the environment: {@code MEDIAFLOW_HOME} (default {@code ./.mediaflow}),
 * {@code MEDIAFLOW_KAFKA_PORT} (9092), {@code MEDIAFLOW_KAFKA_CONTROLLER_PORT} (9093),
 * {@code MEDIAFLOW_S3_PORT} (9000), {@code MEDIAFLOW_MONGO_PORT} (27017), {@code MEDIAFLOW_REDIS_PORT}
 * (6379), {@code S3_BUCKET} (mediaflow), {@code S3_ACCESS_KEY} / {@code S3_SECRET_KEY}.
 */
public record DevStackConfig(
    Path home,
    boolean persistent,
    int kafkaPort,
    int controllerPort,
    int s3Port,
    int mongoPort,
    int redisPort,
    String bucket,
    String s3AccessKey,
    String s3SecretKey) {

  public static final String HOST = "127.0.0.1";

  public DevStackConfig {
    if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
      throw new IllegalArgumentException("S3 bucket name is not valid: " + bucket);
    }
    for (int port : new int[] {kafkaPort, controllerPort, s3Port, mongoPort, redisPort}) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
    }
  }

  /** The dev stack's settings read from environment variables, with their defaults. */
  public static DevStackConfig fromEnvironment(Map<String, String> env) {
    Function<String, String> get = env::get;
    return new DevStackConfig(
        Path.of(orDefault(get, "MEDIAFLOW_HOME", ".mediaflow")).toAbsolutePath(),
        true,
        port(get, "MEDIAFLOW_KAFKA_PORT", 9092),
        port(get, "MEDIAFLOW_KAFKA_CONTROLLER_PORT", 9093),
        port(get, "MEDIAFLOW_S3_PORT", 9000),
        port(get, "MEDIAFLOW_MONGO_PORT", 27017),
        port(get, "MEDIAFLOW_REDIS_PORT", 6379),
        orDefault(get, "S3_BUCKET", "mediaflow"),
        orDefault(get, "S3_ACCESS_KEY", "mediaflow"),
        orDefault(get, "S3_SECRET_KEY", "mediaflow-dev-secret"));
  }

  /** Free ports and throw-away storage under {@code home}: one isolated stack per test JVM. */
  public static DevStackConfig ephemeral(Path home) {
    return new DevStackConfig(
        home, false, 0, 0, 0, 0, 0, "mediaflow-test", "mediaflow", "mediaflow-test-secret");
  }

  private static int port(Function<String, String> env, String name, int fallback) {
    String value = orDefault(env, name, Integer.toString(fallback));
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a port number, was: " + value, e);
    }
  }

  private static String orDefault(Function<String, String> env, String name, String fallback) {
    String value = env.apply(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
