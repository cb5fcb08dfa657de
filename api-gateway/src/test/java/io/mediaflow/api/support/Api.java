package io.mediaflow.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.devstack.DevTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Real HTTP against the gateway under test, as a given user (or anonymously). */
public final class Api {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** The status and the {"error","code"} shape with this code. */
  public static void assertError(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.body()).contains("\"code\":\"" + code + "\"", "\"error\":\"");
  }

  public static String token(String user, boolean admin) {
    return DevTokens.token(DevTokens.DEV_SECRET, user, admin, Duration.ofMinutes(10));
  }

  public HttpResponse<String> get(String path, String token) {
    return send("GET", path, token, null);
  }

  public HttpResponse<String> send(String method, String path, String token, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
