package io.mediaflow.api.commands;

import static io.mediaflow.api.support.Api.assertError;
import static io.mediaflow.api.support.Api.token;
import static io.mediaflow.api.support.Projection.asset;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.api.support.FakeProjector;
import io.mediaflow.api.support.GatewayIT;
import io.mediaflow.devstack.testing.MediaflowInfra;
import io.mediaflow.events.EditMetadata;
import io.mediaflow.events.Reprocess;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Commands go to the real Kafka topic; a stand-in projector applies them; answers wait for the version. */
class CommandsIT extends GatewayIT {

  static FakeProjector projector;

  @BeforeAll
  static void startProjector() {
    projector = new FakeProjector(MediaflowInfra.endpoints().kafkaBootstrapServers(), projection);
  }

  @AfterAll
  static void stopProjector() throws InterruptedException {
    projector.close();
  }

  @Test
  void patchPublishesAnEditKeyedByAssetIdAndAnswersWithTheNewVersion() {
    String id = projection.put(asset(alice, "private", "Old")).getString("_id");

    HttpResponse<String> response =
        api.send("PATCH", "/api/assets/" + id, token(alice, false),
            "{\"title\":\"New\",\"access\":\"public\",\"metadata\":{\"k\":\"v\"}}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Mediaflow-Pending")).contains("false");
    assertThat(response.body()).contains("\"title\":\"New\"", "\"access\":\"public\"", "\"metadata\":{\"k\":\"v\"}");
    var record = projector.received.stream().filter(r -> r.key().equals(id)).findFirst().orElseThrow();
    assertThat(record.value().getIssuedBy()).isEqualTo(alice);
    assertThat(record.value().getCommand()).isInstanceOf(EditMetadata.class);
    assertThat(projection.get(id).getLong("version")).isEqualTo(4L);
  }

  @Test
  void deleteIs204AndTheAssetIsGoneForEveryReader_restoreIsForAdmins() {
    String id = projection.put(asset(alice, "public", "Doomed")).getString("_id");
    assertThat(api.get("/api/assets/" + id, token(bob, false)).statusCode()).isEqualTo(200); // cached now

    assertError(api.send("DELETE", "/api/assets/" + id, token(bob, false), null), 403, "FORBIDDEN");
    assertThat(api.send("DELETE", "/api/assets/" + id, token(alice, false), null).statusCode()).isEqualTo(204);

    assertError(api.get("/api/assets/" + id, token(bob, false)), 404, "ASSET_NOT_FOUND");
    assertError(api.get("/api/assets/" + id, token(alice, false)), 404, "ASSET_NOT_FOUND");
    assertError(api.send("POST", "/api/assets/" + id + "/restore", token(alice, false), null), 403, "ADMIN_ONLY");

    HttpResponse<String> restored = api.send("POST", "/api/assets/" + id + "/restore", token("root", true), null);
    assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
    assertThat(api.get("/api/assets/" + id, token(bob, false)).statusCode()).isEqualTo(200);
    assertError(api.send("POST", "/api/assets/" + id + "/restore", token("root", true), null), 409, "NOT_DELETED");
  }

  @Test
  void reprocessIs202AndCarriesTheProfiles() {
    String id = projection.put(asset(alice, "private", "Again")).getString("_id");

    HttpResponse<String> response =
        api.send("POST", "/api/assets/" + id + "/reprocess", token(alice, false), "{\"profiles\":[\"720p\"]}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    assertThat(response.body()).contains("\"status\":\"PROCESSING\"");
    var record = projector.received.stream().filter(r -> r.key().equals(id)).findFirst().orElseThrow();
    assertThat(((Reprocess) record.value().getCommand()).getProfiles()).containsExactly("720p");
  }

  @Test
  void whenTheProjectionLagsTheAnswerIs202PendingWithTheCurrentState() {
    String id = projection.put(asset(alice, "private", "Slow")).getString("_id");
    projector.stalled.add(id);

    HttpResponse<String> response =
        api.send("PATCH", "/api/assets/" + id, token(alice, false), "{\"title\":\"Later\"}");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.headers().firstValue("X-Mediaflow-Pending")).contains("true");
    assertThat(response.body()).contains("\"title\":\"Slow\"");
    Awaitility.await().atMost(Duration.ofSeconds(10))
        .until(() -> projector.received.stream().anyMatch(r -> r.key().equals(id)));
  }

  @Test
  void invalidCommandsAreRefusedBeforeAnythingIsPublished() {
    String id = projection.put(asset(alice, "private", "Valid")).getString("_id");
    String t = token(alice, false);

    for (String body : List.of("{}", "{\"title\":\"\"}", "{\"title\":\"" + "x".repeat(201) + "\"}",
        "{\"access\":\"friends\"}", "{\"metadata\":{\"$where\":\"1\"}}", "not json")) {
      assertError(api.send("PATCH", "/api/assets/" + id, t, body), 400, "INVALID_REQUEST");
    }
    assertError(api.send("POST", "/api/assets/" + id + "/reprocess", t, "{\"profiles\":[\"../x\"]}"), 400, "INVALID_REQUEST");
    assertError(api.send("PATCH", "/api/assets/nope", t, "{\"title\":\"a\"}"), 400, "INVALID_ASSET_ID");
    assertError(api.send("PATCH", "/api/assets/" + "0".repeat(24), t, "{\"title\":\"a\"}"), 404, "ASSET_NOT_FOUND");
    assertError(api.send("PATCH", "/api/assets/" + id, token(bob, false), "{\"title\":\"a\"}"), 403, "FORBIDDEN");
    assertThat(projector.received).noneMatch(r -> r.key().equals(id));
  }
}
