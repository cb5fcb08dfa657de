package io.mediaflow.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.devstack.testing.MediaflowInfra;
import io.mediaflow.events.ChunkStored;
import io.mediaflow.events.UploadEvent;
import io.mediaflow.events.UploadStarted;
import io.mediaflow.ingest.TestSupport;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The command-line uploader completes an upload and resumes one that was interrupted. */
@ExtendWith(MediaflowInfra.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"mediaflow.ingest.chunk-size=5MB", "mediaflow.ingest.max-file-size=64MB"})
class UploadCommandIT {

  @LocalServerPort int port;
  @TempDir Path dir;

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    MediaflowInfra.endpoints().springProperties().forEach((k, v) -> registry.add(k, () -> v));
  }

  @Test
  void uploadsWithATitleAndResumesAfterAnInterruption() throws Exception {
    byte[] data = TestSupport.mp4Like(21 * 1024 * 1024 + 7, 31);
    Path file = dir.resolve("holiday.mp4");
    Files.write(file, data);
    String base = "http://127.0.0.1:" + port;
    UploadCommand command = new UploadCommand(base, TestSupport.token("henry"), dir.resolve("state"));

    // an earlier run created the upload and sent 3 MiB before it was interrupted
    HttpResponse<String> created = TestSupport.send(TestSupport.request(base + "/files/", "henry")
        .header("Tus-Resumable", "1.0.0").header("Upload-Length", Long.toString(data.length))
        .header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString("holiday.mp4".getBytes())
            + ",filetype " + Base64.getEncoder().encodeToString("video/mp4".getBytes()))
        .POST(BodyPublishers.noBody()));
    String location = created.headers().firstValue("Location").orElseThrow();
    TestSupport.send(TestSupport.request(location, "henry").header("Tus-Resumable", "1.0.0")
        .header("Upload-Offset", "0").header("Content-Type", "application/offset+octet-stream")
        .method("PATCH", BodyPublishers.ofByteArray(data, 0, 3 * 1024 * 1024)));
    Path state = command.stateFile(file, data.length);
    Files.createDirectories(state.getParent());
    Files.writeString(state, location);

    String assetId = command.upload(file, "Holiday");
    assertThat(location).endsWith("/" + assetId);
    assertThat(state).doesNotExist();
    List<UploadEvent> events = TestSupport.uploadEvents(assetId, e -> e.size() >= 6);
    assertThat(events).hasSize(6);
    assertThat(events.stream().filter(e -> e.getEvent() instanceof ChunkStored)).hasSize(5);

    String second = command.upload(file, "Holiday again");
    List<UploadEvent> fresh = TestSupport.uploadEvents(second, e -> e.size() >= 6);
    assertThat(((UploadStarted) fresh.get(0).getEvent()).getTitle()).isEqualTo("Holiday again");
    assertThat(fresh).hasSize(6);
  }
}
