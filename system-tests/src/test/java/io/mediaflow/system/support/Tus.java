package io.mediaflow.system.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A raw tus 1.0.0 client of ingest-gateway's {@code /files/}, one request per call. */
public final class Tus {

  private final MediaflowClient client;

  public Tus(MediaflowClient client) {
    this.client = client;
  }

  /** POST /files/ with Upload-Length and Upload-Metadata; returns the upload URL (Location). */
  public String create(long length, Map<String, String> metadata) {
    Map<String, String> meta = new LinkedHashMap<>(metadata);
    String header =
        meta.entrySet().stream()
            .map(e -> e.getKey() + " " + Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8)))
            .collect(Collectors.joining(","));
    HttpResponse<String> response =
        MediaflowClient.send(
            client.authorized(URI.create(client.ingestUrl() + "/files/"))
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", Long.toString(length))
                .header("Upload-Metadata", header)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    if (response.statusCode() != 201) {
      throw new AssertionError("tus create: " + response.statusCode() + " " + response.body());
    }
    String location = response.headers().firstValue("Location").orElseThrow();
    return URI.create(client.ingestUrl() + "/files/").resolve(location).toString();
  }

  /** PATCH {@code bytes} at {@code offset}; returns the answer (204 with Upload-Offset on success). */
  public HttpResponse<String> patch(String upload, long offset, byte[] bytes) {
    return MediaflowClient.send(
        client.authorized(URI.create(upload))
            .header("Tus-Resumable", "1.0.0")
            .header("Upload-Offset", Long.toString(offset))
            .header("Content-Type", "application/offset+octet-stream")
            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build());
  }

  /** HEAD: the server's Upload-Offset. */
  public long offset(String upload) {
    HttpResponse<String> response =
        MediaflowClient.send(
            client.authorized(URI.create(upload))
                .header("Tus-Resumable", "1.0.0")
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
    if (response.statusCode() != 200) {
      throw new AssertionError("tus HEAD: " + response.statusCode() + " " + response.body());
    }
    return Long.parseLong(response.headers().firstValue("Upload-Offset").orElseThrow());
  }

  /** The asset id: the last segment of the upload URL (DESIGN.md). */
  public static String assetId(String upload) {
    return upload.substring(upload.lastIndexOf('/') + 1);
  }
}
