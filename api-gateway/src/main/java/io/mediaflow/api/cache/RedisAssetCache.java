package io.mediaflow.api.cache;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * {@link AssetCache} on Redis (lettuce, one shared connection opened on first use). A Redis failure
 * never fails a request: reads fall through to MongoDB. Every operation is bounded by a short
 * {@code timeout}, and after a failed or late one the cache rests for {@code cooldown}: requests
 * skip it without asking, so a stalled Redis costs one timeout per cooldown instead of one per
 * request (under the load test's 500 reads/s, 2 s client timeouts per read piled requests up until
 * the heap ran out). Keys: {@code mediaflow:asset:<id>}.
 */
final class RedisAssetCache implements AssetCache {

  private static final Logger log = LoggerFactory.getLogger(RedisAssetCache.class);

  /** SET only if no entry or an older one: KEYS[1]; ARGV = version, value, ttl millis. */
  static final String PUT_IF_NEWER =
      "local cur = redis.call('GET', KEYS[1]) "
          + "if cur then local v = tonumber(string.match(cur, '^(%d+)|')) "
          + "if v and v >= tonumber(ARGV[1]) then return 0 end end "
          + "redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1";

  static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(250);
  static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(5);

  private final RedisClient client;
  private final Duration ttl;
  private final Duration timeout;
  private final long cooldownNanos;
  private final LongSupplier nanoClock;
  private final AtomicLong restingUntil = new AtomicLong();
  private final AtomicBoolean resting = new AtomicBoolean();
  private volatile StatefulRedisConnection<String, String> connection;

  RedisAssetCache(RedisClient client, Duration ttl) {
    this(client, ttl, DEFAULT_TIMEOUT, DEFAULT_COOLDOWN);
  }

  RedisAssetCache(RedisClient client, Duration ttl, Duration timeout, Duration cooldown) {
    this(client, ttl, timeout, cooldown, System::nanoTime);
  }

  RedisAssetCache(RedisClient client, Duration ttl, Duration timeout, Duration cooldown, LongSupplier nanoClock) {
    this.client = client;
    this.ttl = ttl;
    this.timeout = timeout;
    this.cooldownNanos = cooldown.toNanos();
    this.nanoClock = nanoClock;
  }

  @Override
  public Mono<Document> get(String id) {
    if (resting()) {
      return Mono.empty();
    }
    return Mono.defer(() -> commands().get(key(id)))
        .timeout(timeout)
        .map(CachedDocuments::decode)
        .onErrorResume(e -> skip("read", id, e));
  }

  @Override
  public Mono<Void> put(String id, Document document) {
    if (resting()) {
      return Mono.empty();
    }
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
        .timeout(timeout)
        .onErrorResume(e -> skip("write", id, e));
  }

  @Override
  public Mono<Void> evict(String id) {
    // attempted even while resting: a missed eviction leaves a stale entry until its TTL
    return Mono.defer(() -> commands().del(key(id)).then()).timeout(timeout).onErrorResume(e -> skip("evict", id, e));
  }

  static String key(String id) {
    return "mediaflow:asset:" + id;
  }

  /** True while the cache rests after a failure; the first call after the cooldown tries again. */
  boolean resting() {
    if (!resting.get()) {
      return false;
    }
    if (nanoClock.getAsLong() - restingUntil.get() < 0) {
      return true;
    }
    if (resting.compareAndSet(true, false)) {
      log.info("asset cache: trying Redis again");
    }
    return false;
  }

  private <T> Mono<T> skip(String what, String id, Throwable e) {
    restingUntil.set(nanoClock.getAsLong() + cooldownNanos);
    if (resting.compareAndSet(false, true)) {
      log.warn("asset cache {} of {} failed ({}); going on without the cache for {} ms",
          what, id, e instanceof TimeoutException ? "no answer within " + timeout.toMillis() + " ms" : e.toString(),
          cooldownNanos / 1_000_000);
    }
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
