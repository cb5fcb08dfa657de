package io.mediaflow.ingest.store;

import static io.mediaflow.ingest.TestSupport.request;
import static io.mediaflow.ingest.TestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediaflow.devstack.testing.MediaflowInfra;
import io.mediaflow.ingest.TestSupport;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The chunk-body budget on the real servers: with room for one 5 MB chunk, a client that sends the
 * headers of a chunk and stalls holds the budget; another chunk waits its second and is refused
 * 503 OVERLOADED with Retry-After, nothing kept; once the stalled client goes, chunks pass again.
 */
@ExtendWith(MediaflowInfra.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mediaflow.ingest.chunk-size=5MB",
      "mediaflow.ingest.buffer-budget=5MB",
      "mediaflow.ingest.buffer-wait=1s"
    })
class BufferBudgetIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final int CHUNK = 5 * 1024 * 1024;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    MediaflowInfra.endpoints().springProperties().forEach((k, v) -> registry.add(k, () -> v));
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  String create(long size) throws Exception {
    HttpResponse<String> r = send(request(url("/uploads"), "alice").header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString("{\"filename\":\"clip.mp4\",\"fileSize\":" + size + ",\"fileType\":\"video/mp4\"}")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).get("uploadId").asText();
  }

  HttpResponse<String> putLast(String id, byte[] tail) {
    return send(request(url("/uploads/" + id + "/chunks/1"), "alice").PUT(BodyPublishers.ofByteArray(tail)));
  }

  @Test
  void aChunkBeyondTheBudgetIsRefusedWithRetryAfterAndNothingIsLost() throws Exception {
    byte[] file = TestSupport.mp4Like(CHUNK + 1000, 7);
    byte[] tail = java.util.Arrays.copyOfRange(file, CHUNK, file.length);
    String stalledUpload = create(file.length);
    String other = create(file.length);

    HttpResponse<String> refused = null;
    try (Socket stalled = new Socket("127.0.0.1", port)) {
      OutputStream out = stalled.getOutputStream();
      out.write(("PUT /uploads/" + stalledUpload + "/chunks/0 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Authorization: Bearer " + TestSupport.token("alice") + "\r\n"
          + "Content-Type: application/octet-stream\r\nContent-Length: " + CHUNK + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(file, 0, 64 * 1024);
      out.flush();
      // the stalled chunk reserves the whole budget once it reaches the store; until then others pass
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline) {
        HttpResponse<String> r = putLast(other, tail);
        if (r.statusCode() == 503) {
          refused = r;
          break;
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      }
      assertThat(refused).as("a chunk was refused while the budget was held").isNotNull();
      assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("OVERLOADED");
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
      assertThat(send(request(url("/health"), null).GET()).statusCode()).isEqualTo(200);
    }

    // the stalled client is gone: its reservation is given back and chunks pass again
    HttpResponse<String> after = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      after = putLast(other, tail);
      if (after.statusCode() != 503) {
        break;
      }
    }
    assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
    HttpResponse<String> first = send(request(url("/uploads/" + stalledUpload + "/chunks/0"), "alice")
        .PUT(BodyPublishers.ofByteArray(file, 0, CHUNK)));
    assertThat(first.statusCode()).as("the stalled chunk sent again").isEqualTo(200);
  }
}
