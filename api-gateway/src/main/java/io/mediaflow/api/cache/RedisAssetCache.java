package io.mediaflow.api.cache;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.time.Duration;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * {@link AssetCache} on Redis (lettuce, one shared connection opened on first use). A Redis failure
 * never fails a request: reads fall through to MongoDB. Keys: {@code mediaflow:asset:<id>}.
 */
final class RedisAssetCache implements AssetCache {

  private static final Logger log = LoggerFactory.getLogger(RedisAssetCache.class);

  /** SET only if no entry or an older one: KEYS[1]; ARGV = version, value, ttl millis. */
  static final String PUT_IF_NEWER =
      "local cur = redis.call('GET', KEYS[1]) "
          + "if cur then local v = tonumber(string.match(cur, '^(%d+)|')) "
          + "if v and v >= tonumber(ARGV[1]) then return 0 end end "
          + "redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1";

  private final RedisClient client;
  private final Duration ttl;
  private volatile StatefulRedisConnection<String, String> connection;

  RedisAssetCache(RedisClient client, Duration ttl) {
    this.client = client;
    this.ttl = ttl;
  }

  @Override
  public Mono<Document> get(String id) {
    return Mono.defer(() -> commands().get(key(id)))
        .map(CachedDocuments::decode)
        .onErrorResume(e -> skip("read", id, e));
  }

  @Override
  public Mono<Void> put(String id, Document document) {
    String version = Long.toString(CachedDocuments.version(document));
    return Mono.defer(
            () ->
                commands()
                    .<Long>eval(
                        PUT_IF_NEWER,
                        ScriptOutputType.INTEGER,
                        new String[] {key(id)},
                        version,
                        CachedDocuments.encode(document),
                        Long.toString(ttl.toMillis()))
                    .then())
        .onErrorResume(e -> skip("write", id, e));
  }

  @Override
  public Mono<Void> evict(String id) {
    return Mono.defer(() -> commands().del(key(id)).then()).onErrorResume(e -> skip("evict", id, e));
  }

  static String key(String id) {
    return "mediaflow:asset:" + id;
  }

  private <T> Mono<T> skip(String what, String id, Throwable e) {
    log.warn("asset cache {} of {} failed, going on without the cache: {}", what, id, e.toString());
    return Mono.empty();
  }

  private RedisReactiveCommands<String, String> commands() {
    StatefulRedisConnection<String, String> c = connection;
    if (c == null) {
      synchronized (this) {
        if (connection == null) {
          connection = client.connect();
        }
        c = connection;
      }
    }
    return c.reactive();
  }

  @Override
  public void close() {
    if (connection != null) {
      connection.close();
    }
  }
}
