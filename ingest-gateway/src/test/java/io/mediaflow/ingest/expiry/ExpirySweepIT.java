package io.mediaflow.ingest.expiry;

import static io.mediaflow.ingest.TestSupport.request;
import static io.mediaflow.ingest.TestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediaflow.devstack.testing.MediaflowInfra;
import io.mediaflow.events.AbortReason;
import io.mediaflow.events.UploadAborted;
import io.mediaflow.events.UploadEvent;
import io.mediaflow.ingest.TestSupport;
import io.mediaflow.ingest.upload.ChunkKeys;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Abandoned uploads are aborted once, chunks removed, even with several sweepers racing. */
@ExtendWith(MediaflowInfra.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mediaflow.ingest.chunk-size=5MB",
      "mediaflow.ingest.expiry=3s",
      "mediaflow.ingest.sweep-interval=1h" // the test drives the sweeps itself
    })
class ExpirySweepIT {

  @LocalServerPort int port;
  @Autowired ExpirySweeper sweeper;

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    MediaflowInfra.endpoints().springProperties().forEach((k, v) -> registry.add(k, () -> v));
  }

  @Test
  void anAbandonedUploadIsAbortedOnceAndItsChunksRemoved() throws Exception {
    String base = "http://127.0.0.1:" + port;
    byte[] file = TestSupport.mp4Like(6 * 1024 * 1024, 21);
    HttpResponse<String> created = send(request(base + "/uploads", "gina").header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString("{\"filename\":\"a.mp4\",\"fileSize\":" + file.length + ",\"fileType\":\"video/mp4\"}")));
    String id = new ObjectMapper().readTree(created.body()).get("uploadId").asText();
    HttpResponse<String> put = send(request(base + "/uploads/" + id + "/chunks/0", "gina")
        .PUT(BodyPublishers.ofByteArray(file, 0, 5 * 1024 * 1024)));
    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(TestSupport.objectKeys(ChunkKeys.prefix(id))).hasSize(1);

    Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
      // several instances sweeping at once: exactly one may expire the upload
      var a = CompletableFuture.supplyAsync(sweeper::sweep);
      var b = CompletableFuture.supplyAsync(sweeper::sweep);
      return a.join() + b.join() > 0 || TestSupport.objectKeys(ChunkKeys.prefix(id)).isEmpty();
    });

    assertThat(TestSupport.objectKeys(ChunkKeys.prefix(id))).isEmpty();
    HttpResponse<String> status = send(request(base + "/uploads/" + id, "gina").GET());
    assertThat(new ObjectMapper().readTree(status.body()).get("status").asText()).isEqualTo("EXPIRED");
    HttpResponse<String> late = send(request(base + "/uploads/" + id + "/chunks/1", "gina")
        .PUT(BodyPublishers.ofByteArray(file, 5 * 1024 * 1024, file.length - 5 * 1024 * 1024)));
    assertThat(late.statusCode()).isEqualTo(410);

    sweeper.sweep();
    List<UploadEvent> events = TestSupport.uploadEvents(id, e -> e.size() > 3, Duration.ofSeconds(3));
    List<UploadEvent> aborts = events.stream().filter(e -> e.getEvent() instanceof UploadAborted).toList();
    assertThat(aborts).hasSize(1);
    assertThat(((UploadAborted) aborts.get(0).getEvent()).getReason()).isEqualTo(AbortReason.EXPIRED);
  }
}
