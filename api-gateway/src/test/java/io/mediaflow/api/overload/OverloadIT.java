package io.mediaflow.api.overload;

import static io.mediaflow.api.support.Api.assertError;
import static io.mediaflow.api.support.Api.token;
import static io.mediaflow.api.support.Projection.asset;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.api.support.GatewayIT;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The in-flight limit on the real server: with room for two requests, two commands waiting for the
 * projection fill it; then every other API request is answered 503 OVERLOADED at once while health
 * and metrics still answer, and once the commands are answered the gateway serves again. Its own
 * Spring context (closed afterwards), since the limit is tiny.
 */
@TestPropertySource(properties = {"mediaflow.api.max-in-flight=2", "mediaflow.api.command-wait=25s"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OverloadIT extends GatewayIT {

  private static final Pattern IN_FLIGHT =
      Pattern.compile("(?m)^mediaflow_api_requests_in_flight(?:\\{[^}]*\\})? (\\S+)$");
  private static final Pattern REJECTED =
      Pattern.compile("(?m)^mediaflow_api_requests_rejected_total(?:\\{[^}]*\\})? (\\S+)$");

  @Test
  void beyondTheLimitRequestsAreAnswered503OverloadedHealthStillAnswersAndTheGatewayRecovers() throws Exception {
    String id = projection.put(asset(alice, "public", "Busy")).getString("_id");
    ExecutorService clients = Executors.newFixedThreadPool(10);
    try {
      // two commands wait for a projection that only moves when this test moves it: both permits held
      List<Future<HttpResponse<String>>> commands = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        commands.add(
            clients.submit(
                () -> api.send("PATCH", "/api/assets/" + id, token(alice, false), "{\"title\":\"Calm\"}")));
      }
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> metric(IN_FLIGHT) == 2.0);
      double rejectedBefore = metric(REJECTED);

      List<Future<HttpResponse<String>>> burst = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        burst.add(clients.submit(() -> api.get("/api/assets/" + id, token(bob, false))));
      }
      for (Future<HttpResponse<String>> answer : burst) {
        HttpResponse<String> response = answer.get();
        assertError(response, 503, "OVERLOADED");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
      }
      assertThat(api.get("/health", null).statusCode()).isEqualTo(200);
      assertThat(metric(REJECTED) - rejectedBefore).isEqualTo(8.0);
      assertThat(metric(IN_FLIGHT)).isEqualTo(2.0);

      projection.update(id, Map.of("title", "Calm")); // the projector's turn: the commands answer
      for (Future<HttpResponse<String>> command : commands) {
        // 200, or 202 pending if the update landed before the command read the version it waits past
        assertThat(command.get().statusCode()).as(command.get().body()).isIn(200, 202);
      }
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> metric(IN_FLIGHT) == 0.0);

      HttpResponse<String> after = api.get("/api/assets/" + id, token(bob, false));
      assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
      assertThat(after.body()).contains("\"title\":\"Calm\"");
    } finally {
      clients.shutdownNow();
    }
  }

  private double metric(Pattern pattern) {
    String scrape = api.get("/actuator/prometheus", null).body();
    Matcher m = pattern.matcher(scrape);
    assertThat(m.find()).as("%s in /actuator/prometheus", pattern).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
