package io.mediaflow.system.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Bounded waits of the fault tests, failing with what was last seen and where the logs are. */
public final class Await {

  private Await() {}

  /**
   * Polls every asset until all are READY; fails at once when one is FAILED, or after {@code
   * timeout} with the last JSON of each asset not READY yet.
   */
  public static Map<String, JsonNode> allReady(
      Pipeline pipeline, MediaflowClient client, Collection<String> ids, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Set<String> pending = new LinkedHashSet<>(ids);
    Map<String, JsonNode> ready = new LinkedHashMap<>();
    Map<String, String> last = new LinkedHashMap<>();
    while (!pending.isEmpty()) {
      for (String id : Set.copyOf(pending)) {
        try {
          HttpResponse<String> response = client.asset(id);
          last.put(id, response.statusCode() + " " + response.body());
          if (response.statusCode() != 200) {
            continue;
          }
          JsonNode asset = MediaflowClient.json(response);
          String status = asset.path("status").asText();
          if (status.equals("FAILED")) {
            throw new AssertionError("asset " + id + " FAILED: " + asset + "\n" + pipeline.logs());
          }
          if (status.equals("READY")) {
            pending.remove(id);
            ready.put(id, asset);
          }
        } catch (UncheckedIOException notAnswering) {
          last.put(id, notAnswering.toString());
        }
      }
      if (pending.isEmpty()) {
        break;
      }
      if (System.nanoTime() > deadline) {
        StringBuilder message =
            new StringBuilder(pending.size() + " of " + ids.size() + " assets not READY after " + timeout + ":");
        pending.forEach(id -> message.append("\n  ").append(id).append(": ").append(last.get(id)));
        throw new AssertionError(message.append("\n").append(pipeline.logs()).toString());
      }
      MediaflowClient.sleep(1000);
    }
    return ready;
  }

  /** Polls GET /health of {@code service} until {@code condition} holds; fails with the last answer. */
  public static JsonNode health(
      Pipeline pipeline, ServiceProcess service, String what, Predicate<JsonNode> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode last = null;
    while (true) {
      last = service.health();
      if (last != null && condition.test(last)) {
        return last;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            service.name() + " /health not " + what + " after " + timeout + "; last: " + last + "\n" + pipeline.logs());
      }
      MediaflowClient.sleep(500);
    }
  }

  /** The health condition "overall {@code status}, and dependency {@code dependency} is {@code depStatus}". */
  public static Predicate<JsonNode> reports(String status, String dependency, String depStatus) {
    return h ->
        h.path("status").asText().equals(status)
            && h.path("dependencies").path(dependency).path("status").asText().equals(depStatus);
  }

  /** Polls until {@code condition} holds; fails with {@code what} after {@code timeout}. */
  public static void until(String what, java.util.function.BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      MediaflowClient.sleep(100);
    }
  }
}
