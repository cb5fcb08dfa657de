package io.mediaflow.projector.asset;

import io.mediaflow.events.AssetState;
import io.mediaflow.events.RenditionProfile;
import io.mediaflow.projector.upload.UploadTracking;
import java.util.Map;

/**
 * Everything the projector keeps per asset, in one store entry: the upload tracking, the published
 * state (null until the upload started), the current attempt of each job of the current generation
 * (by task: "ingest" or a profile name), the profile behind each rendition (to re-dispatch it) and
 * the profile whose job makes the current generation's storyboard (null if none), so a retry of that
 * job makes it too.
 */
public record AssetAggregate(
    UploadTracking upload,
    AssetState state,
    Map<String, Integer> attempts,
    Map<String, RenditionProfile> profiles,
    String storyboardProfile) {

  public AssetAggregate {
    attempts = Map.copyOf(attempts);
    profiles = Map.copyOf(profiles);
  }

  public static AssetAggregate empty() {
    return new AssetAggregate(UploadTracking.empty(), null, Map.of(), Map.of(), null);
  }
}
