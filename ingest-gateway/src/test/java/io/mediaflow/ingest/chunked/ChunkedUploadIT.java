package io.mediaflow.ingest.chunked;

import static io.mediaflow.ingest.TestSupport.MIB;
import static io.mediaflow.ingest.TestSupport.request;
import static io.mediaflow.ingest.TestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediaflow.devstack.testing.MediaflowInfra;
import io.mediaflow.events.AbortReason;
import io.mediaflow.events.ChunkStored;
import io.mediaflow.events.UploadAborted;
import io.mediaflow.events.UploadEvent;
import io.mediaflow.events.UploadStarted;
import io.mediaflow.ingest.TestSupport;
import io.mediaflow.ingest.upload.ChunkKeys;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The chunked API end to end against the real Kafka, S3 and Redis. */
@ExtendWith(MediaflowInfra.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"mediaflow.ingest.chunk-size=5MB", "mediaflow.ingest.max-file-size=64MB"})
class ChunkedUploadIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final int CHUNK = (int) (5 * MIB);

  @LocalServerPort int port;

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    MediaflowInfra.endpoints().springProperties().forEach((k, v) -> registry.add(k, () -> v));
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  static String sha256(byte[] data, int from, int to) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    md.update(data, from, to - from);
    return HexFormat.of().formatHex(md.digest());
  }

  HttpResponse<String> create(String user, String body) {
    return send(request(url("/uploads"), user).header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body)));
  }

  String createMp4(String user, long size) throws Exception {
    HttpResponse<String> r =
        create(user, "{\"filename\":\"../clip.mp4\",\"fileSize\":" + size + ",\"fileType\":\"video/mp4\",\"title\":\"T\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).get("uploadId").asText();
  }

  HttpResponse<String> put(String user, String id, int index, byte[] data, int from, int to, String sha) {
    var b = request(url("/uploads/" + id + "/chunks/" + index), user)
        .PUT(BodyPublishers.ofByteArray(data, from, to - from));
    if (sha != null) {
      b.header("X-Chunk-SHA256", sha);
    }
    return send(b);
  }

  @Test
  void aChunkedUploadInAnyOrderWithRepeatsEndsCompleteWithOneEventPerChunk() throws Exception {
    byte[] file = TestSupport.mp4Like(CHUNK + 1000, 1);
    HttpResponse<String> created =
        create("alice", "{\"filename\":\"../clip.mp4\",\"fileSize\":" + file.length + ",\"fileType\":\"video/mp4\"}");
    JsonNode c = json(created);
    assertThat(created.statusCode()).isEqualTo(201);
    String id = c.get("uploadId").asText();
    assertThat(id).matches("[0-9a-f]{24}");
    assertThat(c.get("chunkSize").asLong()).isEqualTo(CHUNK);
    assertThat(c.get("totalChunks").asInt()).isEqualTo(2);
    assertThat(c.get("expiresAt").asText()).isNotBlank();

    HttpResponse<String> last = put("alice", id, 1, file, CHUNK, file.length, sha256(file, CHUNK, file.length));
    assertThat(last.statusCode()).as(last.body()).isEqualTo(200);
    assertThat(json(last).get("received").asInt()).isEqualTo(1);
    assertThat(json(last).get("duplicateChunk").asBoolean()).isFalse();

    HttpResponse<String> progress = send(request(url("/uploads/" + id), "alice").GET());
    assertThat(json(progress).get("status").asText()).isEqualTo("UPLOADING");
    assertThat(json(progress).get("missing").toString()).isEqualTo("[0]");

    HttpResponse<String> first = put("alice", id, 0, file, 0, CHUNK, null);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(json(first).get("received").asInt()).isEqualTo(2);
    assertThat(json(first).get("chunkNumber").asInt()).isEqualTo(0);
    assertThat(json(first).get("total").asInt()).isEqualTo(2);

    HttpResponse<String> again = put("alice", id, 1, file, CHUNK, file.length, null);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).get("duplicateChunk").asBoolean()).isTrue();
    assertThat(json(again).get("received").asInt()).isEqualTo(2);

    byte[] other = file.clone();
    other[CHUNK + 10] ^= 1;
    HttpResponse<String> conflict = put("alice", id, 1, other, CHUNK, other.length, null);
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(json(conflict).get("code").asText()).isEqualTo("CHUNK_CONFLICT");

    progress = send(request(url("/uploads/" + id), "alice").GET());
    assertThat(json(progress).get("status").asText()).isEqualTo("COMPLETE");
    assertThat(json(progress).get("missing").toString()).isEqualTo("[]");
    assertThat(TestSupport.objectKeys(ChunkKeys.prefix(id)))
        .containsExactlyInAnyOrder(ChunkKeys.chunk(id, 0), ChunkKeys.chunk(id, 1));

    List<UploadEvent> events = TestSupport.uploadEvents(id, e -> e.size() >= 3);
    // events are acknowledged before the answer: a duplicate's event would already be in the log
    events = TestSupport.uploadEvents(id, e -> e.size() > 3, java.time.Duration.ofSeconds(3));
    assertThat(events).hasSize(3);
    UploadStarted started = (UploadStarted) events.get(0).getEvent();
    assertThat(started.getOwner()).isEqualTo("alice");
    assertThat(started.getFilename()).isEqualTo("clip.mp4");
    assertThat(started.getTotalChunks()).isEqualTo(2);
    ChunkStored one = (ChunkStored) events.get(1).getEvent();
    ChunkStored zero = (ChunkStored) events.get(2).getEvent();
    assertThat(one.getIndex()).isEqualTo(1);
    assertThat(one.getSize()).isEqualTo(1000);
    assertThat(one.getSha256()).isEqualTo(sha256(file, CHUNK, file.length));
    assertThat(zero.getObjectKey()).isEqualTo(ChunkKeys.chunk(id, 0));
    assertThat(zero.getSha256()).isEqualTo(sha256(file, 0, CHUNK));
  }

  @Test
  void aBadChecksumKeepsNothing() throws Exception {
    String id = createMp4("bob", 3000);
    byte[] file = TestSupport.mp4Like(3000, 2);
    HttpResponse<String> r = put("bob", id, 0, file, 0, file.length, "0".repeat(64));
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(json(r).get("code").asText()).isEqualTo("CHECKSUM_MISMATCH");
    assertThat(TestSupport.objectKeys(ChunkKeys.prefix(id))).isEmpty();
    assertThat(json(send(request(url("/uploads/" + id), "bob").GET())).get("received").asInt()).isZero();
  }

  @Test
  void onlyTheOwnerWritesAndATokenIsRequired() throws Exception {
    String id = createMp4("carol", 3000);
    byte[] file = TestSupport.mp4Like(3000, 3);
    HttpResponse<String> r = put("mallory", id, 0, file, 0, file.length, null);
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(json(r).get("code").asText()).isEqualTo("NOT_OWNER");
    assertThat(send(request(url("/uploads/" + id), "mallory").GET()).statusCode()).isEqualTo(403);
    assertThat(send(request(url("/uploads/" + id), "mallory").DELETE()).statusCode()).isEqualTo(403);
    assertThat(put(null, id, 0, file, 0, file.length, null).statusCode()).isEqualTo(401);
    assertThat(create(null, "{}").statusCode()).isEqualTo(401);
  }

  @Test
  void textDeclaredAsVideoIsRefusedAtTheFirstChunk() throws Exception {
    String id = createMp4("dave", 20);
    byte[] text = "just some plain text".getBytes();
    HttpResponse<String> r = put("dave", id, 0, text, 0, text.length, null);
    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(json(r).get("code").asText()).isEqualTo("CONTENT_TYPE_MISMATCH");
    assertThat(TestSupport.objectKeys(ChunkKeys.prefix(id))).isEmpty();
  }

  @Test
  void refusesWhatBreaksTheRules() throws Exception {
    assertCode(create("erin", "{\"filename\":\"a.txt\",\"fileSize\":10,\"fileType\":\"text/plain\"}"), 415, "UNSUPPORTED_TYPE");
    assertCode(create("erin", "{\"filename\":\"a.mp4\",\"fileSize\":" + 65 * MIB + ",\"fileType\":\"video/mp4\"}"), 413, "FILE_TOO_LARGE");
    assertCode(create("erin", "{\"filename\":\"../\",\"fileSize\":10,\"fileType\":\"video/mp4\"}"), 400, "INVALID_FILENAME");
    assertCode(create("erin", "not json"), 400, "INVALID_REQUEST");
    String id = createMp4("erin", CHUNK + 10L);
    byte[] file = TestSupport.mp4Like(CHUNK + 10, 4);
    assertCode(put("erin", id, 2, file, 0, 10, null), 400, "CHUNK_INDEX_OUT_OF_RANGE");
    assertCode(put("erin", id, 1, file, 0, 9, null), 400, "CHUNK_SIZE_MISMATCH");
    assertCode(put("erin", id, 0, file, 0, CHUNK + 1, null), 413, "CHUNK_TOO_LARGE");
    assertCode(put("erin", "0123456789abcdef01234567", 0, file, 0, 10, null), 404, "UPLOAD_NOT_FOUND");
    assertCode(put("erin", "nope", 0, file, 0, 10, null), 400, "MALFORMED_UPLOAD_ID");
    assertCode(put("erin", id, 0, file, 0, CHUNK, "abc"), 400, "INVALID_CHECKSUM_FORMAT");
    // what Spring refuses before our code runs still answers in the error shape
    for (String index : new String[] {"99999999999", "abc", "-1"}) {
      HttpResponse<String> r =
          send(request(url("/uploads/" + id + "/chunks/" + index), "erin").PUT(BodyPublishers.ofByteArray(file, 0, 10)));
      assertThat(r.statusCode()).as(index).isEqualTo(400);
      assertThat(json(r).get("code").asText()).as(index).isIn("INVALID_REQUEST", "CHUNK_INDEX_OUT_OF_RANGE");
    }
    assertCode(
        send(request(url("/uploads"), "erin").header("Content-Type", "text/plain").POST(BodyPublishers.ofString("{}"))),
        415, "UNSUPPORTED_MEDIA_TYPE");
    assertCode(send(request(url("/no-such-path"), "erin").GET()), 404, "NOT_FOUND");
  }

  @Test
  void abortingRemovesTheChunksAndRecordsWhy() throws Exception {
    byte[] file = TestSupport.mp4Like(CHUNK + 10, 5);
    String id = createMp4("frank", file.length);
    assertThat(put("frank", id, 0, file, 0, CHUNK, null).statusCode()).isEqualTo(200);
    assertThat(TestSupport.objectKeys(ChunkKeys.prefix(id))).hasSize(1);

    assertThat(send(request(url("/uploads/" + id), "frank").DELETE()).statusCode()).isEqualTo(204);
    assertThat(TestSupport.objectKeys(ChunkKeys.prefix(id))).isEmpty();
    assertCode(put("frank", id, 1, file, CHUNK, file.length, null), 410, "UPLOAD_ABORTED");
    assertThat(send(request(url("/uploads/" + id), "frank").DELETE()).statusCode()).isEqualTo(204);

    List<UploadEvent> events = TestSupport.uploadEvents(id, e -> e.size() >= 3);
    assertThat(events).hasSize(3);
    assertThat(((UploadAborted) events.get(2).getEvent()).getReason()).isEqualTo(AbortReason.CLIENT_ABORTED);
  }

  @Test
  void aConcurrentPutOfTheSameIndexIsRefusedAndACutOffPutKeepsNothing() throws Exception {
    byte[] file = TestSupport.mp4Like(CHUNK + 10, 6);
    String id = createMp4("ivy", file.length);
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      java.io.OutputStream out = socket.getOutputStream();
      out.write(("PUT /uploads/" + id + "/chunks/0 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
          + TestSupport.token("ivy") + "\r\nContent-Length: " + CHUNK + "\r\n\r\n").getBytes());
      out.write(file, 0, 1000);
      out.flush();
      // once the cut-off PUT holds the chunk's lock (a probe sent earlier could take the lock first
      // and make the real PUT the refused one), a second PUT of the index is refused; the probe has
      // a wrong checksum, so had it won it would have kept nothing (422)
      TestSupport.awaitLockHeld("mediaflow:upload:" + id + ":lock:chunk-0");
      HttpResponse<String> probe = put("ivy", id, 0, file, 0, CHUNK, "0".repeat(64));
      int status = probe.statusCode();
      if (status == 409) {
        assertThat(json(probe).get("code").asText()).isEqualTo("CHUNK_IN_PROGRESS");
      }
      assertThat(status).isEqualTo(409);
    }
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(15);
    HttpResponse<String> retry = put("ivy", id, 0, file, 0, CHUNK, null);
    while (retry.statusCode() == 409 && java.time.Instant.now().isBefore(deadline)) {
      Thread.sleep(200); // the cut-off request still holds the lock until it notices the client left
      retry = put("ivy", id, 0, file, 0, CHUNK, null);
    }
    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
    assertThat(json(retry).get("duplicateChunk").asBoolean()).isFalse();
    assertThat(TestSupport.objectKeys(ChunkKeys.prefix(id))).containsExactly(ChunkKeys.chunk(id, 0));
  }

  static void assertCode(HttpResponse<String> r, int status, String code) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(json(r).get("code").asText()).as(r.body()).isEqualTo(code);
    assertThat(Arrays.asList(r.headers().allValues("Content-Type").toArray())).isNotEmpty();
  }
}
