package io.mediaflow.system.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediaflow.system.support.MediaflowClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cases that only the pipeline can judge: each is uploaded whole (chunked API or tus) at once,
 * before any is awaited, so the worker runs their ingest jobs while the HTTP-level cases run.
 */
final class HostileAssets {

  static final Set<String> TERMINAL = Set.of("READY", "FAILED");

  private final HostileRequests requests;
  private final HostileBodies bodies;
  private final MediaflowClient alice;
  private final Map<String, String> assetIds = new ConcurrentHashMap<>();
  private final Map<String, RuntimeException> uploadErrors = new ConcurrentHashMap<>();
  private final Map<String, Error> uploadFailures = new ConcurrentHashMap<>();

  HostileAssets(HostileRequests requests, HostileBodies bodies, MediaflowClient alice) {
    this.requests = requests;
    this.bodies = bodies;
    this.alice = alice;
  }

  /** Uploads the case; a failure is kept and reported by that case's test, not by the others. */
  void upload(HostileCase c) {
    try {
      assetIds.put(c.id(), upload(c.send()));
    } catch (RuntimeException e) {
      uploadErrors.put(c.id(), e);
    } catch (AssertionError e) {
      uploadFailures.put(c.id(), e);
    }
  }

  /** The asset's terminal answer from GET /api/assets/{id}. */
  JsonNode await(HostileCase c, Duration timeout) {
    if (uploadErrors.containsKey(c.id())) {
      throw uploadErrors.get(c.id());
    }
    if (uploadFailures.containsKey(c.id())) {
      throw uploadFailures.get(c.id());
    }
    return alice.awaitStatus(assetIds.get(c.id()), timeout, TERMINAL);
  }

  String assetId(HostileCase c) {
    return assetIds.get(c.id());
  }

  private String upload(JsonNode send) {
    byte[] content = bodies.bytes(send.get("body"));
    String fileType = send.path("fileType").asText("video/mp4");
    String sha = send.path("sha256").asText("auto");
    String declared = sha.equals("auto") ? HostileRequests.sha256(content) : sha.equals("none") ? null : sha;
    String filename = send.path("filename").asText("upload.bin");
    return send.path("protocol").asText("chunked").equals("tus")
        ? tus(content, fileType, declared, filename)
        : chunked(content, fileType, declared, filename);
  }

  private String chunked(byte[] content, String fileType, String sha256, String filename) {
    ObjectNode fields = MediaflowClient.JSON.createObjectNode();
    fields.put("filename", filename).put("fileSize", content.length).put("fileType", fileType);
    if (sha256 != null) {
      fields.put("sha256", sha256);
    }
    HttpResponse<String> created = requests.create(MediaflowClient.JSON.createObjectNode().set("fields", fields), "alice");
    HostileRequests.require(created, 201);
    JsonNode upload = MediaflowClient.json(created);
    String id = upload.get("uploadId").asText();
    int chunkSize = upload.get("chunkSize").asInt();
    for (int i = 0, offset = 0; offset < content.length; i++, offset += chunkSize) {
      byte[] chunk = java.util.Arrays.copyOfRange(content, offset, Math.min(content.length, offset + chunkSize));
      alice.putChunk(id, i, chunk);
    }
    return id;
  }

  private String tus(byte[] content, String fileType, String sha256, String filename) {
    ObjectNode send = MediaflowClient.JSON.createObjectNode().put("kind", "tus");
    ObjectNode create = send.putObject("create").put("length", content.length);
    ObjectNode metadata = create.putObject("metadata");
    metadata.put("filename", filename).put("filetype", fileType);
    if (sha256 != null) {
      metadata.put("sha256", sha256);
    }
    HttpResponse<String> created = requests.send(send);
    HostileRequests.require(created, 201);
    String location = created.headers().firstValue("Location").orElseThrow();
    ObjectNode headers =
        MediaflowClient.JSON.createObjectNode().put("Tus-Resumable", "1.0.0").put("Upload-Offset", "0");
    HttpResponse<String> patched =
        requests.request(location, "PATCH", "alice", "application/offset+octet-stream", content, headers);
    HostileRequests.require(patched, 204);
    return location.substring(location.lastIndexOf('/') + 1);
  }
}
