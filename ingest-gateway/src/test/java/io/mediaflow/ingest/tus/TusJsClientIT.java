package io.mediaflow.ingest.tus;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.devstack.testing.MediaflowInfra;
import io.mediaflow.events.ChunkStored;
import io.mediaflow.events.UploadEvent;
import io.mediaflow.ingest.TestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real tus-js-client (npm, run with node) uploads unchanged: whole, in 1 MiB PATCHes, with
 * creation-with-upload, and resumed by a new client after an abort. Skipped with a message when
 * node or npm is missing or the npm registry is unreachable.
 */
@ExtendWith(MediaflowInfra.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"mediaflow.ingest.chunk-size=5MB", "mediaflow.ingest.max-file-size=64MB"})
class TusJsClientIT {

  static final String CLIENT_VERSION = "4.3.1";
  static final Path DIR = Path.of("target", "tus-js-client").toAbsolutePath();
  static final Pattern URL = Pattern.compile("\"url\":\"[^\"]*/files/([0-9a-f]{24})\"");

  @LocalServerPort int port;

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    MediaflowInfra.endpoints().springProperties().forEach((k, v) -> registry.add(k, () -> v));
  }

  @BeforeAll
  static void installClient() throws Exception {
    Files.createDirectories(DIR);
    try (InputStream script = TusJsClientIT.class.getResourceAsStream("/tus/upload-with-tus-js-client.js")) {
      Files.copy(script, DIR.resolve("upload.js"), StandardCopyOption.REPLACE_EXISTING);
    }
    if (Files.exists(DIR.resolve("node_modules/tus-js-client/package.json"))) {
      return;
    }
    Run npm = run(List.of("npm", "install", "--no-audit", "--no-fund", "tus-js-client@" + CLIENT_VERSION), 180);
    Assumptions.assumeTrue(
        npm.exit == 0, "skipped: npm could not install tus-js-client (no npm or no registry?): " + npm.output);
  }

  record Run(int exit, String output) {}

  static Run run(List<String> command, int timeoutSeconds) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
      boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly();
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Run(done ? p.exitValue() : -1, out);
    } catch (IOException notInstalled) {
      return new Run(-2, notInstalled.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"whole", "chunked", "creation-with-upload", "resume"})
  void uploadsUnchanged(String mode) throws Exception {
    int chunk = (int) (5 * TestSupport.MIB);
    byte[] file = TestSupport.mp4Like(chunk + 1234 * 1024, mode.hashCode());
    Path path = Files.createTempFile(DIR, "upload-", ".mp4");
    Files.write(path, file);
    try {
      Run node = run(List.of("node", "upload.js", "http://127.0.0.1:" + port + "/files/",
          TestSupport.token("tusjs"), path.toString(), mode), 120);
      assertThat(node.exit).as(node.output).isZero();
      Matcher m = URL.matcher(node.output);
      assertThat(m.find()).as(node.output).isTrue();
      String id = m.group(1);

      List<UploadEvent> events = TestSupport.uploadEvents(id, e -> e.size() >= 3);
      assertThat(events).hasSize(3);
      assertThat(((ChunkStored) events.get(1).getEvent()).getSha256()).isEqualTo(sha256(file, 0, chunk));
      assertThat(((ChunkStored) events.get(2).getEvent()).getSha256()).isEqualTo(sha256(file, chunk, file.length));
    } finally {
      Files.deleteIfExists(path);
    }
  }

  static String sha256(byte[] data, int from, int to) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    md.update(data, from, to - from);
    return HexFormat.of().formatHex(md.digest());
  }
}
