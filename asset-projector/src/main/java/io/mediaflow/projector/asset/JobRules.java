package io.mediaflow.projector.asset;

import io.mediaflow.events.AssetStatus;
import io.mediaflow.events.Failure;
import io.mediaflow.events.IngestSucceeded;
import io.mediaflow.events.JobEvent;
import io.mediaflow.events.JobFailed;
import io.mediaflow.events.JobProgress;
import io.mediaflow.events.MediaInfo;
import io.mediaflow.events.Rendition;
import io.mediaflow.events.RenditionProfile;
import io.mediaflow.events.RenditionStatus;
import io.mediaflow.events.TranscodeSucceeded;
import io.mediaflow.projector.jobs.JobFactory;
import io.mediaflow.projector.jobs.Storyboard;
import io.mediaflow.projector.profiles.ProfileLadder;
import io.mediaflow.projector.profiles.ProfileSelector;
import java.util.List;

/**
 * Job outcomes reported by workers: progress, ingest success (dispatch one transcode job per
 * profile), transcode success (fan-in) and failures (retry or give up). Events of another generation
 * or of a job the asset is not waiting for are ignored, so late and repeated reports are harmless.
 */
final class JobRules {

  private JobRules() {}

  static void apply(Draft d, JobEvent e, ProfileLadder ladder, int maxAttempts) {
    String task = e.getProfile() == null ? JobFactory.INGEST : e.getProfile();
    if (!d.exists() || e.getGeneration() != d.state.getGeneration() || !d.attempts.containsKey(task)) {
      return;
    }
    boolean ingest = task.equals(JobFactory.INGEST);
    if (ingest ? d.state.getMedia() != null || d.state.getStatus() == AssetStatus.FAILED : finished(d.rendition(task))) {
      return; // already decided: a repeated or late report
    }
    boolean currentAttempt = e.getAttempt() == d.attempts.get(task);
    Object event = e.getEvent();
    if (event instanceof JobProgress p && currentAttempt) {
      progress(d, task, ingest, p.getPercent());
    } else if (event instanceof IngestSucceeded s && ingest) {
      ingested(d, s.getMedia(), ladder);
    } else if (event instanceof TranscodeSucceeded s && !ingest) {
      // a success of any attempt counts: outputs go to the same deterministic keys
      d.updateRendition(task, r -> r.setStatus(RenditionStatus.READY).setProgress(100).setResult(s.getRendition()).setError(null));
    } else if (event instanceof JobFailed f && currentAttempt) {
      failed(d, e, task, ingest, f, maxAttempts);
    }
    FanIn.refresh(d.state);
  }

  private static boolean finished(Rendition r) {
    return r == null || r.getStatus() == RenditionStatus.READY || r.getStatus() == RenditionStatus.FAILED;
  }

  private static void progress(Draft d, String task, boolean ingest, int percent) {
    int bounded = Math.max(0, Math.min(100, percent));
    if (ingest) {
      d.state.setProgress(FanIn.INGEST_SHARE * bounded / 100);
    } else {
      d.updateRendition(task, r -> r.setStatus(RenditionStatus.RUNNING).setProgress(Math.max(r.getProgress(), bounded)));
    }
  }

  private static void ingested(Draft d, MediaInfo media, ProfileLadder ladder) {
    d.chunks.clear(); // the worker assembled and removed the chunks: their facts are no longer needed
    d.state.setMedia(media).setProgress(FanIn.INGEST_SHARE);
    List<RenditionProfile> chosen = ProfileSelector.select(ladder, media);
    if (chosen.isEmpty()) {
      d.state.setMedia(null).setStatus(AssetStatus.FAILED)
          .setError(new Failure("NO_PROFILES", "No output profile fits this " + media.getKind() + " source; add a profile or upload another file."));
      return;
    }
    int generation = d.state.getGeneration();
    d.storyboardProfile = Storyboard.profileOf(chosen);
    d.state.setRenditions(chosen.stream()
        .map(p -> Rendition.newBuilder().setProfile(p.getName()).setStatus(RenditionStatus.PENDING).build())
        .toList());
    for (RenditionProfile p : chosen) {
      d.profiles.put(p.getName(), p);
      d.attempts.put(p.getName(), 1);
      d.jobs.add(JobFactory.transcode(d.assetId, generation, p, media, d.makesStoryboard(p.getName()), 1, d.at));
    }
  }

  /**
   * A retryable failure below the attempt limit is dispatched again at once as attempt+1 (a new job
   * id); the worker side spaces attempts out. Anything else fails the rendition, or the asset when
   * the ingest failed.
   */
  private static void failed(Draft d, JobEvent e, String task, boolean ingest, JobFailed f, int maxAttempts) {
    int attempt = e.getAttempt();
    if (f.getRetryable() && attempt < maxAttempts) {
      d.attempts.put(task, attempt + 1);
      if (ingest) {
        d.jobs.add(JobFactory.ingest(d.assetId, d.upload.started(), d.upload.orderedChunkKeys(d.assetId, d.chunks), attempt + 1, d.at));
      } else {
        d.updateRendition(task, r -> r.setStatus(RenditionStatus.PENDING).setProgress(0));
        d.jobs.add(JobFactory.transcode(
            d.assetId, e.getGeneration(), d.profiles.get(task), d.state.getMedia(), d.makesStoryboard(task), attempt + 1, d.at));
      }
      return;
    }
    if (ingest) {
      d.chunks.clear(); // no ingest attempt follows a final failure
      d.state.setStatus(AssetStatus.FAILED).setError(f.getFailure());
    } else {
      d.updateRendition(task, r -> r.setStatus(RenditionStatus.FAILED).setError(f.getFailure()));
    }
  }
}
