package io.mediaflow.system.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediaflow.system.support.MediaflowClient;
import io.mediaflow.system.support.Pipeline;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

/**
 * Sends what a case's {@code send} describes, over the public HTTP interfaces only, and returns the
 * answer that the case's expectation is about. Kinds: {@code create} (POST /uploads), {@code chunk}
 * (a fresh upload, then one PUT), {@code http} (any request), {@code tus} (POST /files/, then
 * optionally one PATCH), {@code asset} (a whole upload whose asset is awaited elsewhere).
 */
final class HostileRequests {

  private final Pipeline pipeline;
  private final HostileBodies bodies;
  private final Placeholders placeholders;

  HostileRequests(Pipeline pipeline, HostileBodies bodies, Placeholders placeholders) {
    this.pipeline = pipeline;
    this.bodies = bodies;
    this.placeholders = placeholders;
  }

  HttpResponse<String> send(JsonNode send) {
    return switch (send.get("kind").asText()) {
      case "create" -> create(send, send.path("token").asText("alice"));
      case "chunk" -> chunk(send);
      case "http" -> http(send);
      case "tus" -> tus(send);
      default -> throw new IllegalArgumentException("unknown kind " + send);
    };
  }

  /** POST /uploads with {@code fields} (serialised) or {@code raw} text as the body. */
  HttpResponse<String> create(JsonNode send, String token) {
    String body = send.has("raw") ? send.get("raw").asText() : send.get("fields").toString();
    return request(
        pipeline.ingest().url() + "/uploads", "POST", token,
        send.path("contentType").asText("application/json"), placeholders.expand(body).getBytes(StandardCharsets.UTF_8),
        send.path("headers"));
  }

  /** Starts an upload whose declared size and type fit {@code upload.body}, then sends one PUT. */
  private HttpResponse<String> chunk(JsonNode send) {
    JsonNode upload = send.get("upload");
    byte[] content = bodies.bytes(upload.get("body"));
    String uploadId = start(content, upload.path("fileType").asText("video/mp4"), upload.path("fileSize").asLong(content.length));
    byte[] body = send.has("body") ? bodies.bytes(send.get("body")) : content;
    return request(
        pipeline.ingest().url() + "/uploads/" + uploadId + "/chunks/" + placeholders.expand(send.path("index").asText("0")),
        "PUT", send.path("token").asText("alice"), "application/octet-stream", body, send.path("headers"));
  }

  /** POST /uploads as alice for {@code content}; the upload id (fails unless 201). */
  String start(byte[] content, String fileType, long fileSize) {
    ObjectNode fields = MediaflowClient.JSON.createObjectNode();
    fields.put("filename", "hostile.bin").put("fileSize", fileSize).put("fileType", fileType);
    HttpResponse<String> created = create(MediaflowClient.JSON.createObjectNode().set("fields", fields), "alice");
    require(created, 201);
    return MediaflowClient.json(created).get("uploadId").asText();
  }

  private HttpResponse<String> http(JsonNode send) {
    String base = send.path("service").asText("api").equals("ingest") ? pipeline.ingest().url() : pipeline.api().url();
    byte[] body = send.has("body") ? bodies.bytes(send.get("body")) : null;
    return request(
        base + placeholders.expand(send.get("path").asText()), send.get("method").asText(),
        send.path("token").asText("alice"), send.path("contentType").asText(null), body, send.path("headers"));
  }

  /** POST /files/ (metadata base64-encoded from {@code create.metadata}), then the PATCH if any. */
  private HttpResponse<String> tus(JsonNode send) {
    JsonNode create = send.get("create");
    String token = send.path("token").asText("alice");
    byte[] content = bodies.bytes(send.path("patch").get("body"));
    ObjectNode headers = MediaflowClient.JSON.createObjectNode().put("Tus-Resumable", "1.0.0");
    headers.put("Upload-Length", Long.toString(create.path("length").asLong(content.length)));
    if (create.has("metadata")) {
      headers.put("Upload-Metadata", metadata(create.get("metadata")));
    }
    if (create.has("headers")) {
      headers.setAll((ObjectNode) create.get("headers").deepCopy());
    }
    HttpResponse<String> created =
        request(pipeline.ingest().url() + "/files/", "POST", token, null, null, withoutBlank(headers));
    if (!send.has("patch")) {
      return created;
    }
    require(created, 201);
    JsonNode patch = send.get("patch");
    ObjectNode patchHeaders =
        MediaflowClient.JSON.createObjectNode().put("Tus-Resumable", "1.0.0").put("Upload-Offset", "0");
    if (patch.has("headers")) {
      patchHeaders.setAll((ObjectNode) patch.get("headers").deepCopy());
    }
    String location = created.headers().firstValue("Location").orElseThrow();
    return request(
        location, "PATCH", token, patch.path("contentType").asText("application/offset+octet-stream"),
        content, withoutBlank(patchHeaders));
  }

  /** Upload-Metadata: "key base64(value)" pairs; a value "${RAW}..." is sent as it is. */
  private String metadata(JsonNode metadata) {
    if (metadata.isTextual()) {
      return placeholders.expand(metadata.asText());
    }
    StringBuilder out = new StringBuilder();
    metadata.fields().forEachRemaining(
        e -> {
          if (!out.isEmpty()) {
            out.append(',');
          }
          String value = placeholders.expand(e.getValue().asText());
          out.append(e.getKey()).append(' ')
              .append(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        });
    return out.toString();
  }

  /** A header given as "" in the manifest is left out (e.g. a tus request without Tus-Resumable). */
  private static ObjectNode withoutBlank(ObjectNode headers) {
    ObjectNode out = MediaflowClient.JSON.createObjectNode();
    headers.fields().forEachRemaining(e -> {
      if (!e.getValue().asText().isEmpty()) {
        out.set(e.getKey(), e.getValue());
      }
    });
    return out;
  }

  HttpResponse<String> request(
      String url, String method, String token, String contentType, byte[] body, JsonNode headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    String authorization = HostileTokens.authorization(token);
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> header = it.next();
      builder.header(header.getKey(), placeholders.expand(header.getValue().asText()));
    }
    builder.method(
        method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    return MediaflowClient.send(builder.build());
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void require(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new AssertionError(
          response.request().method() + " " + response.request().uri() + ": expected " + status + ", got "
              + response.statusCode() + " " + response.body());
    }
  }
}
