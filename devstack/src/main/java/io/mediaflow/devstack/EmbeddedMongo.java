package io.mediaflow.devstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server) in this JVM, spoken to by the real MongoDB
 * driver over TCP. Persistent mode keeps the data in an H2 file: a dev convenience, not durability
 * (production uses real MongoDB).
 */
final class EmbeddedMongo implements AutoCloseable {

  private final Path file;
  private final boolean persistent;
  private final int port;
  private MongoServer server;

  EmbeddedMongo(Path file, boolean persistent, int port) {
    this.file = file;
    this.persistent = persistent;
    this.port = Ports.resolve(port);
  }

  int port() {
    return port;
  }

  String uri(String database) {
    return "mongodb://" + DevStackConfig.HOST + ":" + port + "/" + database;
  }

  void start() {
    Ports.requireFree("MongoDB server", port);
    MongoBackend backend;
    if (persistent) {
      try {
        Files.createDirectories(file.getParent());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      backend = new H2Backend(file.toString());
    } else {
      backend = new MemoryBackend();
    }
    server = new MongoServer(backend);
    server.bind(DevStackConfig.HOST, port);
  }

  @Override
  public void close() {
    if (server != null) {
      server.shutdownNow();
      server = null;
    }
  }
}
