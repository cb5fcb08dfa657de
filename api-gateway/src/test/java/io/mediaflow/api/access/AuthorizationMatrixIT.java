package io.mediaflow.api.access;

import static io.mediaflow.api.support.Api.token;
import static io.mediaflow.api.support.Projection.asset;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.api.support.FakeProjector;
import io.mediaflow.api.support.GatewayIT;
import io.mediaflow.devstack.testing.MediaflowInfra;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every asset endpoint × owner, other user, admin, anonymous × private, unlisted, public, over real
 * HTTP with real JWTs. The expected statuses are written out here, independently of AccessRules.
 */
class AuthorizationMatrixIT extends GatewayIT {

  static FakeProjector projector;

  @BeforeAll
  static void startProjector() {
    projector = new FakeProjector(MediaflowInfra.endpoints().kafkaBootstrapServers(), projection);
  }

  @AfterAll
  static void stopProjector() throws InterruptedException {
    projector.close();
  }

  /** endpoint → role → access → expected status ("listed"/"hidden" for the list). */
  static final Map<String, Map<String, List<Object>>> EXPECTED =
      Map.of(
          "GET", roles(list(200, 200, 200), list(403, 200, 200), list(200, 200, 200), list(401, 401, 401)),
          "STREAM", roles(list(200, 200, 200), list(403, 200, 200), list(200, 200, 200), list(401, 401, 401)),
          "LIST", roles(list("listed", "listed", "listed"), list("hidden", "hidden", "listed"),
              list("listed", "listed", "listed"), list(401, 401, 401)),
          "PATCH", roles(list(200, 200, 200), list(403, 403, 403), list(200, 200, 200), list(401, 401, 401)),
          "DELETE", roles(list(204, 204, 204), list(403, 403, 403), list(204, 204, 204), list(401, 401, 401)),
          "REPROCESS", roles(list(202, 202, 202), list(403, 403, 403), list(202, 202, 202), list(401, 401, 401)),
          "RESTORE", roles(list(403, 403, 403), list(403, 403, 403), list(200, 200, 200), list(401, 401, 401)));

  static final List<String> ACCESS = List.of("private", "unlisted", "public");

  static Map<String, List<Object>> roles(List<Object> owner, List<Object> other, List<Object> admin, List<Object> anon) {
    return Map.of("owner", owner, "other", other, "admin", admin, "anonymous", anon);
  }

  static List<Object> list(Object... values) {
    return List.of(values);
  }

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    EXPECTED.forEach(
        (endpoint, byRole) ->
            byRole.forEach(
                (role, byAccess) -> {
                  for (int i = 0; i < ACCESS.size(); i++) {
                    cases.add(Arguments.of(endpoint, role, ACCESS.get(i), byAccess.get(i)));
                  }
                }));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} by {1} on a {2} asset → {3}")
  @MethodSource("matrix")
  void matrix(String endpoint, String role, String access, Object expected) {
    Document doc = asset(alice, access, "Matrix");
    if (endpoint.equals("RESTORE")) {
      doc.append("deleted", true);
    }
    String id = projection.put(doc).getString("_id");
    String token =
        switch (role) {
          case "owner" -> token(alice, false);
          case "other" -> token(bob, false);
          case "admin" -> token("root", true);
          default -> null;
        };

    HttpResponse<String> response =
        switch (endpoint) {
          case "GET" -> api.get("/api/assets/" + id, token);
          case "STREAM" -> api.get("/media/" + id + "/stream", token);
          case "LIST" -> api.get("/api/assets?size=100&q=Matrix", token);
          case "PATCH" -> api.send("PATCH", "/api/assets/" + id, token, "{\"description\":\"changed\"}");
          case "DELETE" -> api.send("DELETE", "/api/assets/" + id, token, null);
          case "REPROCESS" -> api.send("POST", "/api/assets/" + id + "/reprocess", token, "{}");
          default -> api.send("POST", "/api/assets/" + id + "/restore", token, null);
        };

    if (expected instanceof Integer status) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
      if (status >= 400) {
        assertThat(response.body()).contains("\"code\":\"", "\"error\":\"");
      }
    } else {
      assertThat(response.statusCode()).isEqualTo(200);
      if (expected.equals("listed")) {
        assertThat(response.body()).contains(id);
      } else {
        assertThat(response.body()).doesNotContain(id);
      }
    }
  }
}
