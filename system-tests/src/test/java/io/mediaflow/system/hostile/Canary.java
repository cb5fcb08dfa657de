package io.mediaflow.system.hostile;

import com.sun.net.httpserver.HttpServer;
import io.mediaflow.devstack.Endpoints;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * What the corpus must never reach: a file on the local disk outside any upload, and an HTTP server
 * on 127.0.0.1. Both hold a unique marker; afterwards no S3 object may contain it and the server
 * must have received no request at all.
 */
final class Canary implements AutoCloseable {

  private final String marker = "MEDIAFLOW-CANARY-" + UUID.randomUUID();
  private final Path file;
  private final HttpServer server;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

  Canary(Path dir) {
    try {
      file = dir.resolve("canary-secret.ts");
      Files.writeString(file, (marker + "\n").repeat(64));
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/",
          exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] body = marker.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String marker() {
    return marker;
  }

  Path file() {
    return file;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every request the canary server received ("METHOD /path"). */
  List<String> requests() {
    return List.copyOf(requests);
  }

  /** Keys of every object in the bucket whose bytes contain the marker. */
  List<String> objectsContainingMarker(Endpoints infra) {
    MinioClient s3 =
        MinioClient.builder().endpoint(infra.s3Endpoint()).credentials(infra.s3AccessKey(), infra.s3SecretKey()).build();
    byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
    List<String> found = new ArrayList<>();
    try {
      for (Result<Item> result :
          s3.listObjects(ListObjectsArgs.builder().bucket(infra.bucket()).recursive(true).build())) {
        String key = result.get().objectName();
        try (InputStream in = s3.getObject(GetObjectArgs.builder().bucket(infra.bucket()).object(key).build())) {
          if (contains(in.readAllBytes(), needle)) {
            found.add(key);
          }
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot scan the bucket", e);
    }
    return found;
  }

  /** How many objects the bucket holds (to show the scan looked at something). */
  static int count(Endpoints infra) {
    MinioClient s3 =
        MinioClient.builder().endpoint(infra.s3Endpoint()).credentials(infra.s3AccessKey(), infra.s3SecretKey()).build();
    int n = 0;
    for (Result<Item> ignored :
        s3.listObjects(ListObjectsArgs.builder().bucket(infra.bucket()).recursive(true).build())) {
      n++;
    }
    return n;
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
