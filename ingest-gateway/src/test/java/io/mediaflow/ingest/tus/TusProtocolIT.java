package io.mediaflow.ingest.tus;

import static io.mediaflow.ingest.TestSupport.MIB;
import static io.mediaflow.ingest.TestSupport.request;
import static io.mediaflow.ingest.TestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.devstack.testing.MediaflowInfra;
import io.mediaflow.events.ChunkStored;
import io.mediaflow.events.UploadEvent;
import io.mediaflow.events.UploadProtocol;
import io.mediaflow.events.UploadStarted;
import io.mediaflow.ingest.TestSupport;
import io.mediaflow.ingest.upload.ChunkKeys;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** tus 1.0.0 with raw HTTP against the real Kafka, S3 and Redis. */
@ExtendWith(MediaflowInfra.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"mediaflow.ingest.chunk-size=5MB", "mediaflow.ingest.max-file-size=64MB"})
class TusProtocolIT {

  static final int CHUNK = (int) (5 * MIB);

  @LocalServerPort int port;

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    MediaflowInfra.endpoints().springProperties().forEach((k, v) -> registry.add(k, () -> v));
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  HttpRequest.Builder tus(String url, String user) {
    return request(url, user).header("Tus-Resumable", "1.0.0");
  }

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static String digest(String alg, byte[] data, int from, int to, boolean hex) throws Exception {
    MessageDigest md = MessageDigest.getInstance(alg);
    md.update(data, from, to - from);
    byte[] d = md.digest();
    return hex ? HexFormat.of().formatHex(d) : Base64.getEncoder().encodeToString(d);
  }

  String create(String user, long length) {
    HttpResponse<String> r = send(tus(url("/files/"), user).header("Upload-Length", Long.toString(length))
        .header("Upload-Metadata", "filename " + b64("../x/evil\r\nX-Injected: 1.mp4") + ",filetype " + b64("video/mp4")
            + ",title " + b64("My clip"))
        .POST(BodyPublishers.noBody()));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(r.headers().firstValue("Upload-Expires")).isPresent();
    assertThat(r.headers().firstValue("Tus-Resumable")).hasValue("1.0.0");
    String location = r.headers().firstValue("Location").orElseThrow();
    String id = location.substring(location.lastIndexOf('/') + 1);
    assertThat(id).matches("[0-9a-f]{24}");
    return id;
  }

  HttpResponse<String> patch(String user, String id, long offset, byte[] data, int from, int to, String checksum) {
    HttpRequest.Builder b = tus(url("/files/" + id), user).header("Upload-Offset", Long.toString(offset))
        .header("Content-Type", "application/offset+octet-stream")
        .method("PATCH", BodyPublishers.ofByteArray(data, from, to - from));
    if (checksum != null) {
      b.header("Upload-Checksum", checksum);
    }
    return send(b);
  }

  long headOffset(String user, String id) {
    HttpResponse<String> r = send(tus(url("/files/" + id), user).method("HEAD", BodyPublishers.noBody()));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    return Long.parseLong(r.headers().firstValue("Upload-Offset").orElseThrow());
  }

  @Test
  void optionsAdvertisesTheProtocolAndAMissingVersionIs412() {
    HttpResponse<String> o = send(request(url("/files/"), "alice").method("OPTIONS", BodyPublishers.noBody()));
    assertThat(o.statusCode()).isEqualTo(204);
    assertThat(o.headers().firstValue("Tus-Version")).hasValue("1.0.0");
    assertThat(o.headers().firstValue("Tus-Extension").orElseThrow())
        .contains("creation", "creation-with-upload", "termination", "checksum", "expiration");
    assertThat(o.headers().firstValue("Tus-Max-Size")).hasValue(Long.toString(64 * MIB));
    assertThat(o.headers().firstValue("Tus-Checksum-Algorithm")).hasValue("sha1,sha256");
    HttpResponse<String> r = send(request(url("/files/"), "alice").header("Upload-Length", "10").POST(BodyPublishers.noBody()));
    assertThat(r.statusCode()).isEqualTo(412);
    assertThat(r.headers().firstValue("Tus-Version")).hasValue("1.0.0");
    HttpResponse<String> noLength = send(tus(url("/files/"), "alice").header("Upload-Defer-Length", "1").POST(BodyPublishers.noBody()));
    assertThat(noLength.statusCode()).isEqualTo(400);
    HttpResponse<String> tooBig = send(tus(url("/files/"), "alice").header("Upload-Length", Long.toString(65 * MIB))
        .header("Upload-Metadata", "filename " + b64("a.mp4") + ",filetype " + b64("video/mp4")).POST(BodyPublishers.noBody()));
    assertThat(tooBig.statusCode()).isEqualTo(413);
  }

  @Test
  void patchesInPiecesAcrossChunkBoundariesWithChecksumsAndResume() throws Exception {
    byte[] file = TestSupport.mp4Like(CHUNK + 3000, 11);
    String id = create("alice", file.length);
    assertThat(headOffset("alice", id)).isZero();

    assertThat(patch("alice", id, 0, file, 0, 1000, null).headers().firstValue("Upload-Offset")).hasValue("1000");
    assertThat(headOffset("alice", id)).isEqualTo(1000);
    assertThat(patch("alice", id, 0, file, 0, 1000, null).statusCode()).isEqualTo(409);
    assertThat(patch("mallory", id, 1000, file, 1000, 2000, null).statusCode()).isEqualTo(403);

    String wrong = "sha256 " + digest("SHA-256", file, 0, 10, false);
    HttpResponse<String> bad = patch("alice", id, 1000, file, 1000, CHUNK + 100, wrong);
    assertThat(bad.statusCode()).isEqualTo(460);
    assertThat(headOffset("alice", id)).isEqualTo(1000);
    assertThat(TestSupport.objectKeys("uploads/" + id + "/chunks/")).isEmpty();

    HttpResponse<String> good =
        patch("alice", id, 1000, file, 1000, CHUNK + 100, "sha1 " + digest("SHA-1", file, 1000, CHUNK + 100, false));
    assertThat(good.statusCode()).as(good.body()).isEqualTo(204);
    assertThat(headOffset("alice", id)).isEqualTo(CHUNK + 100);
    assertThat(TestSupport.objectKeys("uploads/" + id + "/chunks/")).containsExactly(ChunkKeys.chunk(id, 0));

    HttpResponse<String> rest = patch("alice", id, CHUNK + 100, file, CHUNK + 100, file.length,
        "sha256 " + digest("SHA-256", file, CHUNK + 100, file.length, false));
    assertThat(rest.statusCode()).isEqualTo(204);
    assertThat(headOffset("alice", id)).isEqualTo(file.length);
    assertThat(TestSupport.objectKeys(ChunkKeys.prefix(id)))
        .containsExactlyInAnyOrder(ChunkKeys.chunk(id, 0), ChunkKeys.chunk(id, 1));

    List<UploadEvent> events = TestSupport.uploadEvents(id, e -> e.size() >= 3);
    assertThat(events).hasSize(3);
    UploadStarted started = (UploadStarted) events.get(0).getEvent();
    assertThat(started.getProtocol()).isEqualTo(UploadProtocol.TUS);
    assertThat(started.getFilename()).isEqualTo("evilX-Injected 1.mp4");
    assertThat(started.getTitle()).isEqualTo("My clip");
    assertThat(((ChunkStored) events.get(1).getEvent()).getSha256()).isEqualTo(digest("SHA-256", file, 0, CHUNK, true));
    assertThat(((ChunkStored) events.get(2).getEvent()).getSha256())
        .isEqualTo(digest("SHA-256", file, CHUNK, file.length, true));
    assertThat(((ChunkStored) events.get(2).getEvent()).getSize()).isEqualTo(3000);
  }

  /** Whatever the PATCH boundaries (seeded random splits), the stored chunks are the same bytes. */
  @Test
  void anySplitIntoPatchesStoresTheSameChunks() throws Exception {
    byte[] file = TestSupport.mp4Like(2 * CHUNK + 777, 14);
    String chunk0 = digest("SHA-256", file, 0, CHUNK, true);
    String chunk2 = digest("SHA-256", file, 2 * CHUNK, file.length, true);
    java.util.Random random = new java.util.Random(7);
    for (int round = 0; round < 3; round++) {
      String id = create("ivan", file.length);
      java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>();
      for (int i = 0; i < 1 + random.nextInt(6); i++) {
        cuts.add(1 + random.nextInt(file.length - 1));
      }
      cuts.add(CHUNK); // a cut exactly on a chunk boundary in every round
      cuts.add(file.length);
      int from = 0;
      for (int to : cuts) {
        HttpResponse<String> r = patch("ivan", id, from, file, from, to, null);
        assertThat(r.statusCode()).as("PATCH %d..%d of round %d: %s", from, to, round, r.body()).isEqualTo(204);
        from = to;
      }
      List<UploadEvent> events = TestSupport.uploadEvents(id, e -> e.size() >= 4);
      assertThat(events).as("cuts %s", cuts).hasSize(4);
      java.util.Map<Integer, String> shas = new java.util.TreeMap<>();
      events.stream().map(UploadEvent::getEvent).filter(ChunkStored.class::isInstance).map(ChunkStored.class::cast)
          .forEach(c -> shas.put(c.getIndex(), c.getSha256()));
      assertThat(shas).as("cuts %s", cuts).containsEntry(0, chunk0).containsEntry(2, chunk2).hasSize(3);
      assertThat(TestSupport.objectKeys(ChunkKeys.prefix(id))).as("no tail or staging left").hasSize(3);
    }
  }

  @Test
  void creationWithUploadAndTermination() throws Exception {
    byte[] file = TestSupport.mp4Like(4000, 12);
    HttpResponse<String> r = send(tus(url("/files"), "bob").header("Upload-Length", "4000")
        .header("Upload-Metadata", "filename " + b64("a.mp4") + ",filetype " + b64("video/mp4"))
        .header("Content-Type", "application/offset+octet-stream")
        .POST(BodyPublishers.ofByteArray(file, 0, 2500)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(r.headers().firstValue("Upload-Offset")).hasValue("2500");
    String location = r.headers().firstValue("Location").orElseThrow();
    String id = location.substring(location.lastIndexOf('/') + 1);
    assertThat(headOffset("bob", id)).isEqualTo(2500);

    assertThat(send(tus(url("/files/" + id), "bob").DELETE()).statusCode()).isEqualTo(204);
    assertThat(TestSupport.objectKeys(ChunkKeys.prefix(id))).isEmpty();
    assertThat(send(tus(url("/files/" + id), "bob").method("HEAD", BodyPublishers.noBody())).statusCode()).isEqualTo(410);
  }

  @Test
  void textDeclaredAsVideoIsRefused() {
    HttpResponse<String> r = send(tus(url("/files/"), "dave").header("Upload-Length", "100")
        .header("Upload-Metadata", "filename " + b64("a.mp4") + ",filetype " + b64("video/mp4"))
        .header("Content-Type", "application/offset+octet-stream")
        .POST(BodyPublishers.ofString("plain text, certainly not an mp4 file")));
    assertThat(r.statusCode()).isEqualTo(415);
  }

  @Test
  void aPatchCutOffMidBodyKeepsWhatArrivedAndLocksOutAConcurrentPatch() throws Exception {
    byte[] file = TestSupport.mp4Like(6000, 13);
    String id = create("carol", file.length);
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      String head = "PATCH /files/" + id + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTus-Resumable: 1.0.0\r\n"
          + "Authorization: Bearer " + TestSupport.token("carol") + "\r\nUpload-Offset: 0\r\n"
          + "Content-Type: application/offset+octet-stream\r\nContent-Length: 3000\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(file, 0, 1500);
      out.flush();
      // wait until the cut-off PATCH holds the upload's lock (a probe sent earlier could take the
      // lock first and make the real PATCH the one refused), then a second PATCH must be locked out
      TestSupport.awaitLockHeld("mediaflow:upload:" + id + ":lock:tus");
      int status = patch("carol", id, 4000, file, 0, 10, null).statusCode();
      assertThat(status).as("a second PATCH while the first holds the lock").isEqualTo(423);
    }
    long offset = 0;
    Instant deadline = Instant.now().plusSeconds(30);
    while (offset != 1500 && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      offset = headOffset("carol", id);
    }
    assertThat(offset).isEqualTo(1500);
    HttpResponse<String> resumed = patch("carol", id, 1500, file, 1500, file.length, null);
    assertThat(resumed.statusCode()).isEqualTo(204);
    assertThat(headOffset("carol", id)).isEqualTo(6000);
    List<UploadEvent> events = TestSupport.uploadEvents(id, e -> e.size() >= 2);
    assertThat(((ChunkStored) events.get(1).getEvent()).getSha256()).isEqualTo(digest("SHA-256", file, 0, 6000, true));
    assertThat(TestSupport.objectKeys(ChunkKeys.prefix(id))).containsExactly(ChunkKeys.chunk(id, 0));
  }

}
