package io.mediaflow.ingest.store;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.mediaflow.events.UploadProtocol;
import io.mediaflow.ingest.upload.UploadSession;
import io.mediaflow.ingest.upload.UploadStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Upload state in Redis, shared by every gateway instance: the session hash, the hash of stored
 * chunks (index → sha256, a set, so repeats cannot miscount), short locks, and a sorted set of
 * expiry times for the sweeper. Keys outlive the upload's expiry by {@link #RETENTION} so a late
 * client hears "expired" (410) rather than "unknown" (404).
 */
@Component
public class UploadRegistry {

  static final Duration RETENTION = Duration.ofDays(1);
  static final String EXPIRY_INDEX = "mediaflow:uploads:expiry";
  private static final String UNLOCK =
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

  private final StatefulRedisConnection<String, String> connection;

  public UploadRegistry(StatefulRedisConnection<String, String> connection) {
    this.connection = connection;
  }

  private RedisCommands<String, String> redis() {
    return connection.sync();
  }

  static String sessionKey(String id) {
    return "mediaflow:upload:" + id;
  }

  static String chunksKey(String id) {
    return "mediaflow:upload:" + id + ":chunks";
  }

  static String lockKey(String id, String label) {
    return "mediaflow:upload:" + id + ":lock:" + label;
  }

  public void create(UploadSession s, Map<String, String> extra) {
    Map<String, String> fields = new HashMap<>(extra);
    fields.put("owner", s.owner());
    fields.put("filename", s.filename());
    fields.put("fileSize", Long.toString(s.fileSize()));
    fields.put("fileType", s.fileType());
    fields.put("sha256", s.sha256() == null ? "" : s.sha256());
    fields.put("chunkSize", Long.toString(s.chunkSize()));
    fields.put("totalChunks", Integer.toString(s.totalChunks()));
    fields.put("expiresAt", Long.toString(s.expiresAt().toEpochMilli()));
    fields.put("status", s.status().name());
    fields.put("protocol", s.protocol().name());
    String key = sessionKey(s.uploadId());
    redis().hset(key, fields);
    redis().pexpireat(key, s.expiresAt().plus(RETENTION).toEpochMilli());
    redis().zadd(EXPIRY_INDEX, s.expiresAt().toEpochMilli(), s.uploadId());
  }

  public Optional<UploadSession> find(String id) {
    Map<String, String> f = redis().hgetall(sessionKey(id));
    if (f == null || f.isEmpty() || !f.containsKey("owner")) {
      return Optional.empty();
    }
    String sha = f.getOrDefault("sha256", "");
    return Optional.of(
        new UploadSession(
            id,
            f.get("owner"),
            f.get("filename"),
            Long.parseLong(f.get("fileSize")),
            f.get("fileType"),
            sha.isEmpty() ? null : sha,
            Long.parseLong(f.get("chunkSize")),
            Integer.parseInt(f.get("totalChunks")),
            Instant.ofEpochMilli(Long.parseLong(f.get("expiresAt"))),
            UploadStatus.valueOf(f.get("status")),
            UploadProtocol.valueOf(f.getOrDefault("protocol", "CHUNKED"))));
  }

  public String field(String id, String name) {
    return redis().hget(sessionKey(id), name);
  }

  public void setFields(String id, Map<String, String> fields) {
    redis().hset(sessionKey(id), fields);
  }

  public void setStatus(String id, UploadStatus status) {
    redis().hset(sessionKey(id), "status", status.name());
  }

  public String storedSha(String id, int index) {
    return redis().hget(chunksKey(id), Integer.toString(index));
  }

  /** Records a stored chunk; returns how many distinct chunks are stored now. */
  public long recordChunk(String id, int index, String sha256, Instant expiresAt) {
    String key = chunksKey(id);
    redis().hsetnx(key, Integer.toString(index), sha256);
    redis().pexpireat(key, expiresAt.plus(RETENTION).toEpochMilli());
    return redis().hlen(key);
  }

  public long receivedCount(String id) {
    return redis().hlen(chunksKey(id));
  }

  public Set<Integer> receivedIndexes(String id) {
    Set<Integer> indexes = new TreeSet<>();
    redis().hkeys(chunksKey(id)).forEach(k -> indexes.add(Integer.parseInt(k)));
    return indexes;
  }

  /** Forgets the stored chunks and the expiry entry; the session stays (status says why). */
  public void forgetChunks(String id) {
    redis().del(chunksKey(id));
    redis().zrem(EXPIRY_INDEX, id);
  }

  public void forgetExpiry(String id) {
    redis().zrem(EXPIRY_INDEX, id);
  }

  /** Upload ids whose expiry is before {@code now}, oldest first. */
  public List<String> expiredBefore(Instant now, int limit) {
    return redis()
        .zrangebyscore(
            EXPIRY_INDEX,
            io.lettuce.core.Range.create(0d, (double) now.toEpochMilli()),
            io.lettuce.core.Limit.create(0, limit));
  }

  /** Takes a lock unless someone holds it; the token releases it. Expires by itself after ttl. */
  public Optional<String> tryLock(String id, String label, Duration ttl) {
    String token = UUID.randomUUID().toString();
    String ok = redis().set(lockKey(id, label), token, SetArgs.Builder.nx().px(ttl.toMillis()));
    return "OK".equals(ok) ? Optional.of(token) : Optional.empty();
  }

  private static final String EXTEND =
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

  /** Keeps a held lock alive during a long write; false if it was lost. */
  public boolean extendLock(String id, String label, String token, Duration ttl) {
    Long ok =
        redis().eval(EXTEND, ScriptOutputType.INTEGER, new String[] {lockKey(id, label)}, token,
            Long.toString(ttl.toMillis()));
    return ok != null && ok == 1L;
  }

  public void unlock(String id, String label, String token) {
    redis().eval(UNLOCK, ScriptOutputType.INTEGER, new String[] {lockKey(id, label)}, token);
  }
}
