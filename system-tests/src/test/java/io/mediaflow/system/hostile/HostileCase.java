package io.mediaflow.system.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediaflow.system.support.MediaflowClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of {@code hostile/cases.json}: what is sent ({@code send.kind}: create, chunk, http,
 * tus, asset), what must come back ({@code expect}: an HTTP status and error code, or the asset's
 * terminal status and failure code), which layer stops it, and, for a case that shows a bug the
 * service does not yet fix, {@code knownBug} (the case is then reported as skipped with that reason).
 */
record HostileCase(
    String id, String description, String layer, JsonNode send, JsonNode expect, String knownBug) {

  /** Cases that end in an asset state: they need the pipeline (ingest job) rather than one answer. */
  boolean isAsset() {
    return "asset".equals(send.path("kind").asText());
  }

  static List<HostileCase> load() {
    try (InputStream in = HostileCase.class.getResourceAsStream("/hostile/cases.json")) {
      JsonNode root = MediaflowClient.JSON.readTree(in);
      List<HostileCase> cases = new ArrayList<>();
      for (JsonNode c : root.get("cases")) {
        cases.add(
            new HostileCase(
                c.get("id").asText(),
                c.get("description").asText(),
                c.get("layer").asText(),
                c.get("send"),
                c.get("expect"),
                c.hasNonNull("knownBug") ? c.get("knownBug").asText() : null));
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return id;
  }
}
