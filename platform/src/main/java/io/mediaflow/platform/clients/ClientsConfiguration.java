package io.mediaflow.platform.clients;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.mediaflow.platform.MediaflowProperties;
import io.minio.MinioClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * One client per backing service, created on first use (a service that never touches MongoDB opens
 * no connection to it). All point at the endpoints of {@link MediaflowProperties}.
 */
@Configuration(proxyBeanMethods = false)
public class ClientsConfiguration {

  /** Lettuce applies the URI's timeout to every command (its default {@code TimeoutOptions}). */
  static final Duration REDIS_TIMEOUT = Duration.ofSeconds(2);

  @Bean(destroyMethod = "close")
  @Lazy
  public Admin kafkaAdmin(MediaflowProperties props) {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, props.kafka().bootstrapServers(),
            AdminClientConfig.CLIENT_ID_CONFIG, props.service() + "-admin",
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
  }

  @Bean
  @Lazy
  public MinioClient minioClient(MediaflowProperties props) {
    MinioClient client =
        MinioClient.builder()
            .endpoint(props.s3().endpoint())
            .credentials(props.s3().accessKey(), props.s3().secretKey())
            .region(props.s3().region())
            .build();
    client.setTimeout(
        TimeUnit.SECONDS.toMillis(5), TimeUnit.MINUTES.toMillis(5), TimeUnit.MINUTES.toMillis(5));
    return client;
  }

  @Bean(destroyMethod = "close")
  @Lazy
  public MongoClient mongoClient(MediaflowProperties props) {
    return MongoClients.create(
        MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(props.mongodb().uri()))
            .applyToClusterSettings(b -> b.serverSelectionTimeout(5, TimeUnit.SECONDS))
            .applyToSocketSettings(b -> b.connectTimeout(2, TimeUnit.SECONDS))
            .build());
  }

  /**
   * Commands time out after 2 s, and at most {@code mediaflow.redis.request-queue-size}
   * (REDIS_REQUEST_QUEUE_SIZE) wait on a connection: beyond that a command fails at once ("Request
   * queue size exceeded") instead of queueing without bound while Redis is slow (issue #8), so a
   * stalled Redis costs callers a fast failure, not the heap. The other options are lettuce's defaults.
   */
  @Bean(destroyMethod = "shutdown")
  @Lazy
  public RedisClient redisClient(MediaflowProperties props) {
    return redisClient(props.redis().url(), props.redis().requestQueueSize());
  }

  /** The Redis client every service uses, for {@code url}; see {@link #redisClient(MediaflowProperties)}. */
  public static RedisClient redisClient(String url, int requestQueueSize) {
    RedisURI uri = RedisURI.create(url);
    uri.setTimeout(REDIS_TIMEOUT);
    RedisClient client = RedisClient.create(uri);
    client.setOptions(ClientOptions.builder().requestQueueSize(requestQueueSize).build());
    return client;
  }
}
