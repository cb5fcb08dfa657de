package io.mediaflow.devstack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to reach a running stack: the embedded servers, Testcontainers, or external services. The
 * environment variable names are the ones every mediaflow service reads.
 */
public record Endpoints(
    String kafkaBootstrapServers,
    String s3Endpoint,
    String s3AccessKey,
    String s3SecretKey,
    String bucket,
    String mongoUri,
    String redisUri) {

  /** As environment variables for a mediaflow service process. */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
    env.put("S3_ENDPOINT", s3Endpoint);
    env.put("S3_ACCESS_KEY", s3AccessKey);
    env.put("S3_SECRET_KEY", s3SecretKey);
    env.put("S3_BUCKET", bucket);
    env.put("MONGODB_URI", mongoUri);
    env.put("REDIS_URL", redisUri);
    return env;
  }

  /** As Spring properties for a mediaflow service started inside a test. */
  public Map<String, String> springProperties() {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("mediaflow.kafka.bootstrap-servers", kafkaBootstrapServers);
    props.put("mediaflow.s3.endpoint", s3Endpoint);
    props.put("mediaflow.s3.access-key", s3AccessKey);
    props.put("mediaflow.s3.secret-key", s3SecretKey);
    props.put("mediaflow.s3.bucket", bucket);
    props.put("mediaflow.mongodb.uri", mongoUri);
    props.put("mediaflow.redis.url", redisUri);
    return props;
  }
}
