package io.mediaflow.api.cache;

import io.lettuce.core.RedisClient;
import io.mediaflow.api.config.ApiProperties;
import io.mediaflow.platform.MediaflowProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/** Redis when {@code mediaflow.api.cache.enabled} (API_CACHE_ENABLED), otherwise no cache at all. */
@Configuration(proxyBeanMethods = false)
class CacheConfiguration {

  @Bean
  AssetCache assetCache(ApiProperties props, ObjectProvider<RedisClient> redis) {
    if (props.cache().enabled()) {
      return new RedisAssetCache(redis.getObject(), props.cache().ttl(), props.cache().timeout(), props.cache().cooldown());
    }
    return new NoCache();
  }

  /** With the cache on, pipeline state changes evict entries at once (not only by TTL). */
  @Bean
  SmartLifecycle stateChangeEvictor(
      ApiProperties props, MediaflowProperties platform, AssetCache cache, MeterRegistry registry) {
    if (!props.cache().enabled()) {
      return new NoEviction();
    }
    return new StateChangeEvictor(platform.kafka().bootstrapServers(), cache, registry);
  }

  /** Nothing to evict without a cache. */
  static final class NoEviction implements SmartLifecycle {
    private volatile boolean running;

    @Override
    public void start() {
      running = true;
    }

    @Override
    public void stop() {
      running = false;
    }

    @Override
    public boolean isRunning() {
      return running;
    }
  }

  /** The cache switched off. */
  static final class NoCache implements AssetCache {
    @Override
    public Mono<Document> get(String id) {
      return Mono.empty();
    }

    @Override
    public Mono<Void> put(String id, Document document) {
      return Mono.empty();
    }

    @Override
    public Mono<Void> evict(String id) {
      return Mono.empty();
    }
  }
}
