package io.mediaflow.devstack.testing;

import io.mediaflow.devstack.Endpoints;
import io.mediaflow.devstack.Provisioning;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same infrastructure from real images, for machines with a Docker engine ({@code -Pcontainers}).
 * Containers are stopped by Testcontainers' reaper when the JVM ends.
 */
final class ContainersInfra {

  private static final String ACCESS_KEY = "mediaflow";
  private static final String SECRET_KEY = "mediaflow-test-secret";

  private ContainersInfra() {}

  @SuppressWarnings("resource") // stopped by the reaper with the JVM
  static Endpoints start() {
    KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.1"));
    MongoDBContainer mongo = new MongoDBContainer(DockerImageName.parse("mongo:8.0"));
    GenericContainer<?> minio =
        new GenericContainer<>(DockerImageName.parse("minio/minio:RELEASE.2025-09-07T16-13-09Z"))
            .withEnv("MINIO_ROOT_USER", ACCESS_KEY)
            .withEnv("MINIO_ROOT_PASSWORD", SECRET_KEY)
            .withCommand("server", "/data")
            .withExposedPorts(9000);
    GenericContainer<?> redis =
        new GenericContainer<>(DockerImageName.parse("redis:7.4-alpine")).withExposedPorts(6379);
    kafka.start();
    mongo.start();
    minio.start();
    redis.start();
    Endpoints endpoints =
        new Endpoints(
            kafka.getBootstrapServers(),
            "http://" + minio.getHost() + ":" + minio.getMappedPort(9000),
            ACCESS_KEY,
            SECRET_KEY,
            "mediaflow-test",
            mongo.getReplicaSetUrl("mediaflow"),
            "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379));
    Provisioning.createBucket(endpoints);
    Provisioning.createTopics(endpoints.kafkaBootstrapServers(), (short) 1);
    return endpoints;
  }
}
