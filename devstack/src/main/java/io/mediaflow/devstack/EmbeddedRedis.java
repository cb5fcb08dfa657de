package io.mediaflow.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real redis-server 6.2 (the binary shipped in the embedded-redis jar) as a child process on
 * loopback, with its append-only file under the data directory when persistent.
 */
final class EmbeddedRedis implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);

  private final Path dir;
  private final boolean persistent;
  private final int port;
  private RedisServer server;

  EmbeddedRedis(Path dir, boolean persistent, int port) {
    this.dir = dir;
    this.persistent = persistent;
    this.port = Ports.resolve(port);
  }

  String uri() {
    return "redis://" + DevStackConfig.HOST + ":" + port;
  }

  int port() {
    return port;
  }

  void start() {
    Ports.requireFree("Redis", port);
    try {
      Files.createDirectories(dir);
      server =
          RedisServer.newRedisServer()
              .bind(DevStackConfig.HOST)
              .port(port)
              .setting("dir " + dir)
              .setting("appendonly " + (persistent ? "yes" : "no"))
              .setting(persistent ? "save 60 1" : "save \"\"")
              .setting("maxmemory 256mb")
              .setting("maxmemory-policy allkeys-lru")
              .onShutdownForceStop(true)
              .soutListener(line -> LOG.debug("redis: {}", line))
              .serrListener(line -> LOG.warn("redis: {}", line))
              .build();
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("redis-server did not start on port " + port, e);
    }
  }

  @Override
  public void close() {
    if (server != null) {
      try {
        server.stop();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server = null;
    }
  }
}
