package io.mediaflow.devstack.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every service's integration test checks of a running service, over real HTTP. */
public final class ServiceChecks {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ServiceChecks() {}

  /**
   * GET {@code base}/health until it reports UP (the service may still be starting, or a first probe
   * still connecting on a loaded machine; 90 s at most), then: 200, status UP, and each named
   * dependency UP.
   */
  public static String assertHealthy(String base, List<String> dependencies) {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    HttpResponse<String> response = null;
    while (response == null || !response.body().startsWith("{\"status\":\"UP\"")) {
      try {
        response = get(base + "/health", null);
      } catch (AssertionError notListeningYet) {
        if (System.nanoTime() > deadline) {
          throw notListeningYet;
        }
      }
      if (System.nanoTime() > deadline) {
        break;
      }
      if (response == null || !response.body().startsWith("{\"status\":\"UP\"")) {
        sleep(500);
      }
    }
    require(response.statusCode() == 200, "GET /health answered " + response.statusCode());
    String body = response.body();
    require(body.startsWith("{\"status\":\"UP\""), "service not UP: " + body);
    for (String dependency : dependencies) {
      Matcher m = Pattern.compile("\"" + dependency + "\":\\{\"status\":\"([A-Z]+)\"").matcher(body);
      require(m.find() && m.group(1).equals("UP"), dependency + " is not UP: " + body);
    }
    return body;
  }

  /** A protected path without a token: 401 with the error shape {"error", "code"}. */
  public static void assertTokenRequired(String base, String path) {
    HttpResponse<String> response = get(base + path, null);
    require(response.statusCode() == 401, "expected 401, got " + response.statusCode());
    require(
        response.body().contains("\"code\":\"UNAUTHORIZED\"") && response.body().contains("\"error\":"),
        "not the error shape: " + response.body());
  }

  public static HttpResponse<String> get(String url, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("GET " + url + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }
}
