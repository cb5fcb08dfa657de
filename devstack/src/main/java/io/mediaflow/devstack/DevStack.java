package io.mediaflow.devstack;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a real Kafka broker (KRaft), S3Proxy, a MongoDB wire-protocol server and
 * Redis on 127.0.0.1, all data under one folder, with the topics and the bucket created. Closing it
 * stops every server, in reverse order of starting.
 */
public final class DevStack implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DevStack.class);

  private final DevStackConfig config;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
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
    started.push(redis);
    var mongo =
        new EmbeddedMongo(home.resolve("mongo/mediaflow"), config.persistent(), config.mongoPort());
    mongo.start();
    started.push(mongo);
    var s3 =
        new EmbeddedS3(
            home.resolve("s3"),
            config.persistent(),
            config.s3Port(),
            config.s3AccessKey(),
            config.s3SecretKey());
    s3.start();
    started.push(s3);
    var kafka =
        new EmbeddedKafka(home.resolve("kafka/data"), config.kafkaPort(), config.controllerPort());
    kafka.start();
    started.push(kafka);
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

  @Override
  public void close() {
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
