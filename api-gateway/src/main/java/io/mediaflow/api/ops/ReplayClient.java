package io.mediaflow.api.ops;

import io.mediaflow.api.config.ApiProperties;
import io.mediaflow.api.errors.ApiError;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Asks asset-projector to rebuild the MongoDB projection from the log, forwarding the admin's own
 * token (the projector checks it again).
 */
@Component
class ReplayClient {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ApiProperties props;

  ReplayClient(ApiProperties props) {
    this.props = props;
  }

  String replay(String bearerToken) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(props.ops().projectorUrl() + "/internal/replay"))
            .timeout(props.ops().replayTimeout())
            .header("Authorization", "Bearer " + bearerToken)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw ApiError.REPLAY_FAILED.exception(
            "The projector answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw ApiError.REPLAY_FAILED.exception("The projector could not be reached: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiError.REPLAY_FAILED.exception();
    }
  }
}
