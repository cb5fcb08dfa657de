package io.mediaflow.api.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.mediaflow.platform.clients.ClientsConfiguration;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * A Redis that fails never fails a read: the cache answers "not cached" and the reader goes to
 * MongoDB. Real lettuce clients (as every service builds them) against a port where nothing listens
 * and against a server that accepts connections and never answers (the stalled Redis of issue #8).
 */
class RedisAssetCacheTest {

  private static final String ID = "0123456789abcdef01234567";

  @Test
  void aRedisThatRefusesConnectionsIsSkipped() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    RedisClient client = ClientsConfiguration.redisClient("redis://127.0.0.1:" + port, 1024);
    try (RedisAssetCache cache = new RedisAssetCache(client, Duration.ofSeconds(15))) {
      assertThat(cache.get(ID).blockOptional(Duration.ofSeconds(10))).isEmpty();
      cache.put(ID, new Document("_id", ID).append("version", 1L)).block(Duration.ofSeconds(10));
      cache.evict(ID).block(Duration.ofSeconds(10));
    } finally {
      client.shutdown();
    }
  }

  @Test
  void aRedisThatNeverAnswersIsSkippedAfterTheClientTimeout() throws IOException {
    try (ServerSocket silent = new ServerSocket(0)) { // the kernel accepts; nothing ever replies
      RedisClient client = ClientsConfiguration.redisClient("redis://127.0.0.1:" + silent.getLocalPort(), 1024);
      try (RedisAssetCache cache = new RedisAssetCache(client, Duration.ofSeconds(15))) {
        assertThat(cache.get(ID).blockOptional(Duration.ofSeconds(30))).isEmpty();
      } finally {
        client.shutdown();
      }
    }
  }

  @Test
  void afterAFailureTheCacheRestsForItsCooldownThenTriesAgain() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    AtomicLong now = new AtomicLong();
    RedisClient client = ClientsConfiguration.redisClient("redis://127.0.0.1:" + port, 1024);
    try (RedisAssetCache cache = new RedisAssetCache(client, Duration.ofSeconds(15), Duration.ofMillis(250),
        Duration.ofSeconds(5), now::get)) {
      assertThat(cache.resting()).isFalse();
      assertThat(cache.get(ID).blockOptional(Duration.ofSeconds(10))).isEmpty();
      assertThat(cache.resting()).as("resting after the failed read").isTrue();
      now.addAndGet(Duration.ofMillis(4_999).toNanos());
      assertThat(cache.resting()).isTrue();
      assertThat(cache.get(ID).blockOptional(Duration.ofSeconds(10))).as("skipped while resting").isEmpty();
      now.addAndGet(Duration.ofMillis(2).toNanos());
      assertThat(cache.resting()).as("tries again after the cooldown").isFalse();
      cache.put(ID, new Document("_id", ID).append("version", 1L)).block(Duration.ofSeconds(10));
      assertThat(cache.resting()).as("the failed write rests it again").isTrue();
    } finally {
      client.shutdown();
    }
  }

  @Test
  void aReadThatOutlastsTheCacheTimeoutIsAMissAndRestsTheCache() throws IOException {
    try (ServerSocket silent = new ServerSocket(0)) {
      RedisClient client = ClientsConfiguration.redisClient("redis://127.0.0.1:" + silent.getLocalPort(), 1024);
      try (RedisAssetCache cache = new RedisAssetCache(client, Duration.ofSeconds(15), Duration.ofMillis(100),
          Duration.ofMinutes(1))) {
        assertThat(cache.get(ID).blockOptional(Duration.ofSeconds(30))).isEmpty();
        assertThat(cache.resting()).isTrue();
      } finally {
        client.shutdown();
      }
    }
  }
}
