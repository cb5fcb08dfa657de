package io.mediaflow.system.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediaflow.devstack.DevTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;

/**
 * A client of a running pipeline over its public HTTP interfaces only (DESIGN.md): the chunked
 * upload API of ingest-gateway and the assets API of api-gateway, with a dev token for {@code user}.
 */
public final class MediaflowClient {

  public static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String ingestUrl;
  private final String apiUrl;
  private final String user;
  private final String token;

  MediaflowClient(String ingestUrl, String apiUrl, String user, boolean admin) {
    this.ingestUrl = ingestUrl;
    this.apiUrl = apiUrl;
    this.user = user;
    this.token = DevTokens.token(DevTokens.DEV_SECRET, user, admin, Duration.ofHours(2));
  }

  public String user() {
    return user;
  }

  public String token() {
    return token;
  }

  public String ingestUrl() {
    return ingestUrl;
  }

  public String apiUrl() {
    return apiUrl;
  }

  /** A started upload: the asset id and how the gateway wants it cut. */
  public record Upload(String assetId, int chunkSize, int totalChunks) {}

  /** POST /uploads for {@code file}, declared as {@code fileType}; fails the test unless 201. */
  public Upload startUpload(Path file, String fileType, String access) {
    ObjectNode body = JSON.createObjectNode();
    body.put("filename", file.getFileName().toString());
    body.put("fileSize", size(file));
    body.put("fileType", fileType);
    body.put("sha256", sha256(file));
    body.put("title", file.getFileName().toString());
    body.put("access", access);
    HttpResponse<String> response = send("POST", ingestUrl + "/uploads", body.toString(), "application/json");
    require(response.statusCode() == 201, "POST /uploads: " + response.statusCode() + " " + response.body());
    JsonNode json = json(response);
    return new Upload(
        json.get("uploadId").asText(), json.get("chunkSize").asInt(), json.get("totalChunks").asInt());
  }

  /** PUT every chunk of {@code file} in order; fails the test on any non-200. */
  public void putChunks(Upload upload, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      for (int i = 0; i < upload.totalChunks(); i++) {
        byte[] chunk = in.readNBytes(upload.chunkSize());
        putChunk(upload.assetId(), i, chunk);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** PUT one chunk; fails the test unless 200. */
  public JsonNode putChunk(String assetId, int index, byte[] bytes) {
    HttpResponse<String> response = tryPutChunk(assetId, index, bytes);
    require(response.statusCode() == 200, "PUT chunk " + index + ": " + response.statusCode() + " " + response.body());
    return json(response);
  }

  /** PUT one chunk; the answer whatever it is. */
  public HttpResponse<String> tryPutChunk(String assetId, int index, byte[] bytes) {
    HttpRequest request =
        authorized(URI.create(ingestUrl + "/uploads/" + assetId + "/chunks/" + index))
            .header("Content-Type", "application/octet-stream")
            .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build();
    return send(request);
  }

  /** Uploads {@code file} whole through the chunked API; returns the asset id. */
  public String upload(Path file, String fileType, String access) {
    Upload upload = startUpload(file, fileType, access);
    putChunks(upload, file);
    return upload.assetId();
  }

  /**
   * Uploads {@code file} as a real client does while a server restarts: a refused connection or a 5xx
   * answer is retried (every second) until {@code patience} runs out. PUT of a chunk is idempotent; a
   * retried POST /uploads may leave an unused upload behind, which expires.
   */
  public String uploadPatiently(Path file, String fileType, String access, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    Upload upload = patiently(deadline, "POST /uploads", () -> startUpload(file, fileType, access));
    try (InputStream in = Files.newInputStream(file)) {
      for (int i = 0; i < upload.totalChunks(); i++) {
        byte[] chunk = in.readNBytes(upload.chunkSize());
        int index = i;
        patiently(deadline, "PUT chunk " + i, () -> putChunk(upload.assetId(), index, chunk));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return upload.assetId();
  }

  private static <T> T patiently(long deadline, String what, java.util.function.Supplier<T> call) {
    while (true) {
      try {
        return call.get();
      } catch (UncheckedIOException | AssertionError e) {
        boolean retryable = e instanceof UncheckedIOException || e.getMessage().matches("(?s).*: 5\\d\\d .*");
        if (!retryable || System.nanoTime() > deadline) {
          throw new AssertionError(what + " failed for good: " + e.getMessage(), e);
        }
        sleep(1000);
      }
    }
  }

  /** GET /api/assets/{id}: status code and body. */
  public HttpResponse<String> asset(String id) {
    return send("GET", apiUrl + "/api/assets/" + id, null, null);
  }

  /**
   * Polls GET /api/assets/{id} until its status is one of {@code terminal} (e.g. READY, FAILED);
   * fails the test with the last answer after {@code timeout}.
   */
  public JsonNode awaitStatus(String id, Duration timeout, Set<String> terminal) {
    return awaitStatus(id, timeout, terminal, () -> {});
  }

  /**
   * As {@link #awaitStatus(String, Duration, Set)}, running {@code beforeEachPoll} first each time: a
   * check that throws to end the wait early (e.g. {@link Pipeline#assertAllAlive()}).
   */
  public JsonNode awaitStatus(String id, Duration timeout, Set<String> terminal, Runnable beforeEachPoll) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      beforeEachPoll.run();
      HttpResponse<String> response;
      try {
        response = asset(id);
      } catch (UncheckedIOException notAnswering) {
        // api-gateway restarting in a fault test: ask again
        last = notAnswering.toString();
        sleep(500);
        continue;
      }
      last = response.statusCode() + " " + response.body();
      if (response.statusCode() == 200) {
        JsonNode json = json(response);
        if (terminal.contains(json.path("status").asText())) {
          return json;
        }
      }
      sleep(500);
    }
    throw new AssertionError("asset " + id + " not in " + terminal + " after " + timeout + ": " + last);
  }

  /** Any request with this client's token (body may be null). */
  public HttpResponse<String> send(String method, String url, String body, String contentType) {
    HttpRequest.Builder builder = authorized(URI.create(url));
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    builder.method(
        method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return send(builder.build());
  }

  /** A request builder that already carries this client's bearer token. */
  public HttpRequest.Builder authorized(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
  }

  public static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
