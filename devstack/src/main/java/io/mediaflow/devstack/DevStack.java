package io.mediaflow.devstack;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a real Kafka broker (KRaft), S3Proxy, a MongoDB wire-protocol server and
 * Redis on 127.0.0.1, all data under one folder, with the topics and the bucket created. Closing it
 * stops every server, in reverse order of starting.
 */
public final class DevStack implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DevStack.class);

  /** One server of the stack, for {@link #stop(Server)} and {@link #start(Server)}. */
  public enum Server {
    KAFKA,
    S3,
    MONGODB,
    REDIS
  }

  private final DevStackConfig config;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final Map<Server, Restartable> servers = new EnumMap<>(Server.class);
  private Endpoints endpoints;

  private DevStack(DevStackConfig config) {
    this.config = config;
  }

  /** Starts every server and provisions topics and bucket; on failure stops what had started. */
  public static DevStack start(DevStackConfig config) {
    DevStack stack = new DevStack(config);
    try {
      stack.startAll();
      return stack;
    } catch (RuntimeException | Error e) {
      stack.close(); // never leave a redis-server or a port behind
      throw e;
    }
  }

  private void startAll() {
    long t0 = System.nanoTime();
    var home = config.home();
    var redis = new EmbeddedRedis(home.resolve("redis"), config.persistent(), config.redisPort());
    redis.start();
    track(Server.REDIS, redis, redis::start, redis.port());
    var mongo =
        new EmbeddedMongo(home.resolve("mongo/mediaflow"), config.persistent(), config.mongoPort());
    mongo.start();
    track(Server.MONGODB, mongo, mongo::start, mongo.port());
    var s3 =
        new EmbeddedS3(
            home.resolve("s3"),
            config.persistent(),
            config.s3Port(),
            config.s3AccessKey(),
            config.s3SecretKey());
    s3.start();
    track(Server.S3, s3, s3::start, s3.port());
    var kafka =
        new EmbeddedKafka(home.resolve("kafka/data"), config.kafkaPort(), config.controllerPort());
    kafka.start();
    track(Server.KAFKA, kafka, kafka::start, kafka.port());
    endpoints =
        new Endpoints(
            kafka.bootstrapServers(),
            s3.endpoint(),
            config.s3AccessKey(),
            config.s3SecretKey(),
            config.bucket(),
            mongo.uri("mediaflow"),
            redis.uri());
    Provisioning.createBucket(endpoints);
    Provisioning.createTopics(endpoints.kafkaBootstrapServers(), (short) 1);
    LOG.info(
        "dev stack up in {} ms: {}",
        Duration.ofNanos(System.nanoTime() - t0).toMillis(),
        endpoints);
  }

  public Endpoints endpoints() {
    return endpoints;
  }

  /**
   * Stops one server as a crash or an outage would look to its clients (connections refused), and
   * keeps its port and data for {@link #start(Server)}. Meaningful for fault tests on a persistent
   * stack: an ephemeral one loses the server's data. Stopping a stopped server does nothing.
   */
  public synchronized void stop(Server server) {
    Restartable r = servers.get(server);
    if (r.running) {
      r.running = false;
      try {
        r.server.close();
      } catch (Exception e) {
        throw new IllegalStateException("stopping " + server + " failed", e);
      }
      // redis-server is a child process: its port closes a moment after close() returns
      Ports.awaitClosed(server.name(), r.port, Duration.ofSeconds(30));
      LOG.info("{} stopped (port {} kept)", server, r.port);
    }
  }

  /** Starts a stopped server again on the same port with the same data; returns once it accepts. */
  public synchronized void start(Server server) {
    Restartable r = servers.get(server);
    if (!r.running) {
      r.start.run();
      r.running = true;
      Ports.awaitOpen(server.name(), r.port, Duration.ofSeconds(60));
      LOG.info("{} started again on port {}", server, r.port);
    }
  }

  /** Whether {@code server} runs (it was not stopped, or started again). */
  public synchronized boolean isRunning(Server server) {
    return servers.get(server).running;
  }

  private void track(Server name, AutoCloseable server, Runnable start, int port) {
    Restartable r = new Restartable(server, start, port);
    servers.put(name, r);
    // close() stops only what runs: a server stopped by a test is already down
    started.push(() -> {
      if (r.running) {
        r.running = false;
        server.close();
      }
    });
  }

  private static final class Restartable {
    final AutoCloseable server;
    final Runnable start;
    final int port;
    boolean running = true;

    Restartable(AutoCloseable server, Runnable start, int port) {
      this.server = server;
      this.start = start;
      this.port = port;
    }
  }

  @Override
  public synchronized void close() {
    while (!started.isEmpty()) {
      AutoCloseable server = started.pop();
      try {
        server.close();
      } catch (Exception e) {
        LOG.warn("stopping {} failed: {}", server.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
