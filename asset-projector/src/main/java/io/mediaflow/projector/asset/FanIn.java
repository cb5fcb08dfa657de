package io.mediaflow.projector.asset;

import io.mediaflow.events.AssetState;
import io.mediaflow.events.AssetStatus;
import io.mediaflow.events.Failure;
import io.mediaflow.events.Rendition;
import io.mediaflow.events.RenditionStatus;
import java.util.List;

/**
 * Status and progress of an asset from its renditions: PLAYABLE once one is ready, READY when all
 * are done and one is ready, FAILED when all failed. Ingest counts for the first 10% of progress.
 */
final class FanIn {

  static final int INGEST_SHARE = 10;

  private FanIn() {}

  static void refresh(AssetState.Builder state) {
    List<Rendition> renditions = state.getRenditions();
    if (state.getStatus() == AssetStatus.FAILED && state.getError() != null && state.getMedia() == null) {
      return; // the upload or the ingest failed: nothing left to fan in
    }
    if (renditions.isEmpty()) {
      return;
    }
    long ready = renditions.stream().filter(r -> r.getStatus() == RenditionStatus.READY).count();
    long failed = renditions.stream().filter(r -> r.getStatus() == RenditionStatus.FAILED).count();
    int sum = renditions.stream().mapToInt(FanIn::percent).sum();
    state.setProgress(INGEST_SHARE + (100 - INGEST_SHARE) * sum / (100 * renditions.size()));
    if (ready + failed == renditions.size()) {
      state.setStatus(ready > 0 ? AssetStatus.READY : AssetStatus.FAILED);
      state.setError(ready > 0 ? null : lastFailure(renditions));
    } else {
      state.setStatus(ready > 0 ? AssetStatus.PLAYABLE : AssetStatus.PROCESSING);
      state.setError(null);
    }
  }

  private static int percent(Rendition r) {
    return r.getStatus() == RenditionStatus.READY || r.getStatus() == RenditionStatus.FAILED ? 100 : r.getProgress();
  }

  private static Failure lastFailure(List<Rendition> renditions) {
    Failure last = null;
    for (Rendition r : renditions) {
      last = r.getError() != null ? r.getError() : last;
    }
    return last;
  }
}
