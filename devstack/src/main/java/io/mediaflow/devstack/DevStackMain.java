package io.mediaflow.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Command line of the dev stack, called by {@code ./mediaflow}.
 *
 * <ul>
 *   <li>{@code run}: starts the servers, writes {@code $MEDIAFLOW_HOME/run/devstack.env} once they
 *       are ready, and runs until SIGTERM or Ctrl-C, which stop every server.
 *   <li>{@code provision}: creates the topics and the bucket on external servers named by
 *       KAFKA_BOOTSTRAP_SERVERS, S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY, S3_BUCKET (replication
 *       factor TOPIC_REPLICATION_FACTOR, default 1). Existing topics are left alone.
 *   <li>{@code token <user> [--admin] [--ttl-hours N]}: prints a JWT signed with JWT_SECRET.
 * </ul>
 */
public final class DevStackMain {

  private DevStackMain() {}

  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "run" : args[0];
    List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
    switch (command) {
      case "run" -> run(System.getenv());
      case "token" -> System.out.println(token(rest, System.getenv()));
      case "provision" -> provision(System.getenv());
      default -> {
        System.err.println(
            "usage: DevStackMain run | provision | token <user> [--admin] [--ttl-hours N]");
        System.exit(2);
      }
    }
  }

  static String token(List<String> args, Map<String, String> env) {
    if (args.isEmpty() || args.get(0).startsWith("-")) {
      throw new IllegalArgumentException("usage: token <user> [--admin] [--ttl-hours N]");
    }
    boolean admin = args.contains("--admin");
    int ttlIndex = args.indexOf("--ttl-hours");
    long hours = ttlIndex >= 0 && ttlIndex + 1 < args.size() ? Long.parseLong(args.get(ttlIndex + 1)) : 24;
    String secret = env.getOrDefault("JWT_SECRET", DevTokens.DEV_SECRET);
    return DevTokens.token(secret, args.get(0), admin, Duration.ofHours(hours));
  }

  private static void provision(Map<String, String> env) {
    Endpoints endpoints =
        new Endpoints(
            env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
            env.getOrDefault("S3_ENDPOINT", "http://127.0.0.1:9000"),
            env.getOrDefault("S3_ACCESS_KEY", "mediaflow"),
            env.getOrDefault("S3_SECRET_KEY", "mediaflow-dev-secret"),
            env.getOrDefault("S3_BUCKET", "mediaflow"),
            env.getOrDefault("MONGODB_URI", ""),
            env.getOrDefault("REDIS_URL", ""));
    short replication = Short.parseShort(env.getOrDefault("TOPIC_REPLICATION_FACTOR", "1"));
    Provisioning.createBucket(endpoints);
    Provisioning.createTopics(endpoints.kafkaBootstrapServers(), replication);
    System.out.println(
        "provisioned bucket " + endpoints.bucket() + " and topics on " + endpoints.kafkaBootstrapServers());
  }

  private static void run(Map<String, String> env) throws IOException, InterruptedException {
    DevStackConfig config = DevStackConfig.fromEnvironment(env);
    Path ready = config.home().resolve("run/devstack.env");
    Files.deleteIfExists(ready);
    DevStack stack;
    try {
      stack = DevStack.start(config);
    } catch (RuntimeException | Error e) {
      System.err.println("devstack failed to start: " + e.getMessage());
      e.printStackTrace();
      System.exit(1); // servers' non-daemon threads must not keep a half-started JVM alive
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    Files.deleteIfExists(ready);
                  } catch (IOException ignored) {
                    // best effort: the file only signals readiness
                  }
                  stack.close();
                  stopped.countDown();
                },
                "devstack-shutdown"));
    Files.createDirectories(ready.getParent());
    String lines =
        stack.endpoints().environment().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("\n", "", "\n"));
    Path tmp = ready.resolveSibling("devstack.env.tmp");
    Files.writeString(tmp, lines, StandardCharsets.UTF_8);
    Files.move(tmp, ready, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    System.out.println("devstack ready: " + stack.endpoints());
    stopped.await();
  }
}
