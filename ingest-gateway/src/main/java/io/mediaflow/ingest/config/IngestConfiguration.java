package io.mediaflow.ingest.config;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.mediaflow.events.UploadEvent;
import io.mediaflow.ingest.store.BufferBudget;
import io.mediaflow.ingest.upload.UploadPolicy;
import io.mediaflow.platform.MediaflowProperties;
import io.mediaflow.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The clients and policies of ingest-gateway, built from the typed configuration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class IngestConfiguration {

  private static final Logger log = LoggerFactory.getLogger(IngestConfiguration.class);
  static final Duration REDIS_CONNECT_WAIT = Duration.ofSeconds(30);

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  UploadPolicy uploadPolicy(IngestProperties props) {
    return new UploadPolicy(props.allowedTypes(), props.maxFileSize().toBytes());
  }

  /** The bytes of request bodies held at once: configured, or a third of this JVM's heap. */
  @Bean
  BufferBudget bufferBudget(IngestProperties props) {
    long bytes = props.bufferBudget().toBytes() > 0
        ? props.bufferBudget().toBytes()
        : BufferBudget.defaultBytes(Runtime.getRuntime().maxMemory());
    log.info("buffer budget {} MiB for chunk bodies (UPLOAD_BUFFER_BUDGET)", bytes / (1024 * 1024));
    return new BufferBudget(bytes, props.bufferWait());
  }

  /**
   * One thread-safe connection, shared: lettuce pipelines concurrent commands over it (and
   * reconnects it by itself once made). The first connect is retried for up to
   * {@link #REDIS_CONNECT_WAIT}: on a loaded machine a handshake can take longer than the 2 s
   * command timeout, and a gateway should not exit at start-up for that.
   */
  @Bean(destroyMethod = "close")
  @Lazy
  StatefulRedisConnection<String, String> redisConnection(RedisClient client) throws InterruptedException {
    long deadline = System.nanoTime() + REDIS_CONNECT_WAIT.toNanos();
    while (true) {
      try {
        return client.connect();
      } catch (io.lettuce.core.RedisException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        log.warn("Redis not reachable yet ({}); retrying", e.toString());
        Thread.sleep(1_000);
      }
    }
  }

  /** Idempotent, acks=all: a retried send never duplicates and an acknowledged one is replicated. */
  @Bean(destroyMethod = "close")
  @Lazy
  Producer<String, UploadEvent> uploadEventProducer(MediaflowProperties props) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, props.kafka().bootstrapServers(),
            ProducerConfig.CLIENT_ID_CONFIG, props.service() + "-uploads",
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.LINGER_MS_CONFIG, 0,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
            ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000),
        Topics.UPLOADS.keySerde().serializer(),
        Topics.UPLOADS.valueSerde().serializer());
  }
}
