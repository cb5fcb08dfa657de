package io.mediaflow.platform.clients;

import com.mongodb.reactivestreams.client.MongoClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.mediaflow.platform.MediaflowProperties;
import io.mediaflow.platform.health.DependencyProbe;
import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.bson.Document;
import reactor.core.publisher.Mono;

/** The real checks behind /health: each asks its server something cheap. */
public final class Probes {

  private Probes() {}

  public static DependencyProbe kafka(Admin admin) {
    return () ->
        admin
            .describeCluster(new DescribeClusterOptions().timeoutMs(1_500))
            .nodes()
            .get(2, TimeUnit.SECONDS);
  }

  public static DependencyProbe s3(MinioClient s3, MediaflowProperties props) {
    return () -> {
      if (!s3.bucketExists(BucketExistsArgs.builder().bucket(props.s3().bucket()).build())) {
        throw new IllegalStateException("bucket " + props.s3().bucket() + " does not exist");
      }
    };
  }

  public static DependencyProbe mongodb(MongoClient mongo) {
    return () ->
        Mono.from(mongo.getDatabase("admin").runCommand(new Document("ping", 1)))
            .block(Duration.ofSeconds(2));
  }

  public static DependencyProbe redis(RedisClient redis) {
    return new DependencyProbe() {
      private volatile StatefulRedisConnection<String, String> connection;

      @Override
      public void check() {
        StatefulRedisConnection<String, String> c = connection;
        if (c == null || !c.isOpen()) {
          c = redis.connect();
          connection = c;
        }
        String pong = c.sync().ping();
        if (!"PONG".equals(pong)) {
          throw new IllegalStateException("unexpected answer to PING: " + pong);
        }
      }
    };
  }
}
