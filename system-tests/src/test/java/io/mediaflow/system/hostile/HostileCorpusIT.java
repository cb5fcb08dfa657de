package io.mediaflow.system.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediaflow.devstack.testing.MediaflowInfra;
import io.mediaflow.devstack.testing.ServiceChecks;
import io.mediaflow.system.support.MediaflowClient;
import io.mediaflow.system.support.Pipeline;
import io.mediaflow.system.support.ServiceProcess;
import io.mediaflow.system.support.TestMedia;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hostile-input corpus ({@code hostile/cases.json}, documented in docs/HOSTILE_INPUT.md)
 * against one pipeline of four service processes. Cases that end in an asset state are uploaded
 * first, all at once; the HTTP-level cases run while the worker ingests them; then each asset is
 * awaited. Last, every service must still be healthy, no S3 object may hold the canary file's
 * marker, and the canary HTTP server on 127.0.0.1 must have had no request.
 */
@ExtendWith(MediaflowInfra.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileCorpusIT {

  private static final Duration ASSET_DEADLINE = Duration.ofMinutes(3);

  private final List<HostileCase> cases = HostileCase.load();
  private final List<HttpResponse<String>> answers = new ArrayList<>();
  private final Placeholders placeholders = new Placeholders();
  private Pipeline pipeline;
  private Canary canary;
  private HostileRequests requests;
  private HostileAssets assets;
  private MediaflowClient alice;
  private long assetsUploadedAt;

  @BeforeAll
  void startPipelineAndUploadTheAssetCases() {
    Path dir = TestMedia.tempDir("hostile");
    canary = new Canary(dir);
    placeholders.put("CANARY_PATH", canary.file().toString());
    placeholders.put("CANARY_URL", canary.url());
    placeholders.put("MISSING_ASSET", randomId());
    pipeline = Pipeline.start(MediaflowInfra.endpoints(), "hostile", 1);
    try {
      Files.deleteIfExists(pipeline.work().resolve("answers.tsv"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    alice = pipeline.client("alice", false);
    HostileBodies bodies = new HostileBodies(dir, placeholders);
    requests = new HostileRequests(pipeline, bodies, placeholders);
    assets = new HostileAssets(requests, bodies, alice);

    // the victim: alice's private asset and an upload of hers still in progress
    byte[] clip = bodies.bytes(MediaflowClient.JSON.createObjectNode().put("media", "mp4"));
    String victimUpload = requests.start(clip, "video/mp4", clip.length);
    placeholders.put("VICTIM_UPLOAD", victimUpload);
    String victimAsset = requests.start(clip, "video/mp4", clip.length);
    alice.putChunk(victimAsset, 0, clip);
    placeholders.put("VICTIM_ASSET", victimAsset);

    cases.stream().filter(HostileCase::isAsset).filter(c -> c.knownBug() == null).forEach(assets::upload);
    assetsUploadedAt = System.nanoTime();
    alice.awaitStatus(victimAsset, ASSET_DEADLINE, java.util.Set.of("UPLOADING", "PROCESSING", "PLAYABLE", "READY", "FAILED"));
  }

  @AfterAll
  void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
    if (canary != null) {
      canary.close();
    }
  }

  @TestFactory
  @Order(1)
  Stream<DynamicTest> requestsAreRefusedWithTheirCode() {
    return cases.stream().filter(c -> !c.isAsset()).map(c -> DynamicTest.dynamicTest(c.id(), () -> runHttp(c)));
  }

  @TestFactory
  @Order(2)
  Stream<DynamicTest> assetsEndWithTheirFailureCode() {
    return cases.stream().filter(HostileCase::isAsset).map(c -> DynamicTest.dynamicTest(c.id(), () -> runAsset(c)));
  }

  @Test
  @Order(3)
  void servicesStayHealthyAndNothingOutsideTheUploadIsRead() {
    for (ServiceProcess service : services()) {
      assertThat(service.isAlive()).as(service.name() + " is running").isTrue();
      ServiceChecks.assertHealthy(service.url(), List.of());
    }
    assertThat(canary.requests()).as("requests to the canary HTTP server").isEmpty();
    assertThat(Canary.count(pipeline.infra())).as("objects scanned").isPositive();
    assertThat(canary.objectsContainingMarker(pipeline.infra())).as("S3 objects holding the canary marker").isEmpty();
    synchronized (answers) {
      assertThat(answers).noneMatch(a -> a.body().contains(canary.marker()));
    }
  }

  private void runHttp(HostileCase c) {
    skipKnownBug(c);
    HttpResponse<String> response = requests.send(c.send());
    synchronized (answers) {
      answers.add(response);
      record(c.id() + "\t" + response.statusCode() + "\t" + abbreviate(response.body()).replace('\n', ' '));
    }
    String what = c.id() + " (" + c.description() + "): " + response.statusCode() + " " + abbreviate(response.body());
    JsonNode expect = c.expect();
    assertThat(response.statusCode()).as(what).isEqualTo(expect.get("status").asInt());
    if (expect.has("code")) {
      assertThat(MediaflowClient.json(response).path("code").asText()).as(what).isEqualTo(expect.get("code").asText());
    }
    if (expect.has("title")) {
      String id = MediaflowClient.json(response).get("uploadId").asText();
      JsonNode asset = alice.awaitStatus(id, Duration.ofSeconds(60), java.util.Set.of("UPLOADING"));
      assertThat(asset.path("title").asText()).as(what).isEqualTo(placeholders.expand(expect.get("title").asText()));
    }
  }

  private void runAsset(HostileCase c) {
    skipKnownBug(c);
    Duration left = ASSET_DEADLINE.minusNanos(System.nanoTime() - assetsUploadedAt);
    JsonNode asset = assets.await(c, left.isNegative() ? Duration.ofSeconds(1) : left);
    record(c.id() + "\t" + asset.path("status").asText() + "\t" + asset.path("error"));
    String what = c.id() + " (" + c.description() + "): " + asset;
    assertThat(asset.path("status").asText()).as(what).isEqualTo(c.expect().get("asset").asText());
    if (c.expect().has("code")) {
      assertThat(asset.path("error").path("code").asText()).as(what).isEqualTo(c.expect().get("code").asText());
    }
  }

  private static void skipKnownBug(HostileCase c) {
    Assumptions.assumeTrue(c.knownBug() == null, () -> "known bug, see docs/HOSTILE_INPUT.md: " + c.knownBug());
  }

  private List<ServiceProcess> services() {
    List<ServiceProcess> all = new ArrayList<>(List.of(pipeline.ingest(), pipeline.projector(), pipeline.api()));
    all.addAll(pipeline.workers());
    return all;
  }

  /** Every answer, one line per case, kept beside the service logs for docs/HOSTILE_INPUT.md. */
  private void record(String line) {
    try {
      Files.writeString(
          pipeline.work().resolve("answers.tsv"), line + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A well-formed asset id that no upload has. */
  private static String randomId() {
    byte[] id = new byte[12];
    new java.security.SecureRandom().nextBytes(id);
    return java.util.HexFormat.of().formatHex(id);
  }

  private static String abbreviate(String body) {
    return body.length() > 500 ? body.substring(0, 500) + "…" : body;
  }
}
