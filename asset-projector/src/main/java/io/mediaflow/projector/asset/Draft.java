package io.mediaflow.projector.asset;

import io.mediaflow.events.AssetState;
import io.mediaflow.events.Job;
import io.mediaflow.events.Rendition;
import io.mediaflow.events.RenditionProfile;
import io.mediaflow.projector.upload.ChunkLedger;
import io.mediaflow.projector.upload.UploadTracking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The working copy of an aggregate while one input is applied; rules change it, the decider seals it. */
final class Draft {

  final String assetId;
  final Instant at;
  UploadTracking upload;
  final ChunkLedger chunks;
  AssetState.Builder state;
  final Map<String, Integer> attempts;
  final Map<String, RenditionProfile> profiles;
  String storyboardProfile;
  final List<Job> jobs = new ArrayList<>();

  Draft(String assetId, AssetAggregate from, Instant at, ChunkLedger chunks) {
    this.assetId = assetId;
    this.at = at;
    this.chunks = chunks;
    this.upload = from.upload();
    this.state = from.state() == null ? null : AssetState.newBuilder(from.state());
    this.attempts = new HashMap<>(from.attempts());
    this.profiles = new HashMap<>(from.profiles());
    this.storyboardProfile = from.storyboardProfile();
  }

  /** Whether the job of this profile, in the current generation, also makes the storyboard. */
  boolean makesStoryboard(String profile) {
    return profile.equals(storyboardProfile);
  }

  boolean exists() {
    return state != null;
  }

  Rendition rendition(String profile) {
    return state.getRenditions().stream().filter(r -> r.getProfile().equals(profile)).findFirst().orElse(null);
  }

  /** Replaces the named rendition by {@code change} applied to a copy of it. */
  void updateRendition(String profile, UnaryOperator<Rendition.Builder> change) {
    List<Rendition> next = new ArrayList<>();
    for (Rendition r : state.getRenditions()) {
      next.add(r.getProfile().equals(profile) ? change.apply(Rendition.newBuilder(r)).build() : r);
    }
    state.setRenditions(next);
  }
}
