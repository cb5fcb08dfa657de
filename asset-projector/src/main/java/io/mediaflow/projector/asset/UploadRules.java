package io.mediaflow.projector.asset;

import io.mediaflow.events.AssetState;
import io.mediaflow.events.AssetStatus;
import io.mediaflow.events.Failure;
import io.mediaflow.events.UploadEvent;
import io.mediaflow.events.UploadStarted;
import io.mediaflow.projector.jobs.JobFactory;
import io.mediaflow.projector.upload.UploadTracking;
import java.util.HashMap;
import java.util.List;

/** Upload facts: the start creates the asset, completion dispatches the ingest job, abort fails it. */
final class UploadRules {

  private UploadRules() {}

  static void apply(Draft d, UploadEvent event) {
    UploadTracking.Step step = d.upload.apply(event, d.chunks);
    d.upload = step.tracking();
    if (!d.exists() && d.upload.started() != null) {
      d.state = created(d, d.upload.started());
    }
    if (!d.exists()) {
      return;
    }
    if (step.justCompleted()) {
      d.state.setStatus(AssetStatus.PROCESSING).setProgress(0);
      d.attempts.put(JobFactory.INGEST, 1);
      d.jobs.add(JobFactory.ingest(d.assetId, d.upload.started(), d.upload.orderedChunkKeys(d.assetId, d.chunks), 1, d.at));
    } else if (d.upload.aborted() && d.state.getStatus() == AssetStatus.UPLOADING) {
      d.state.setStatus(AssetStatus.FAILED).setError(abortFailure(d.upload.abortReason()));
    }
  }

  private static AssetState.Builder created(Draft d, UploadStarted s) {
    return AssetState.newBuilder()
        .setAssetId(d.assetId)
        .setVersion(0)
        .setGeneration(1)
        .setOwner(s.getOwner())
        .setTitle(s.getTitle() == null || s.getTitle().isBlank() ? s.getFilename() : s.getTitle())
        .setDescription(s.getDescription())
        .setAccess(s.getAccess())
        .setMetadata(new HashMap<>(s.getMetadata()))
        .setFilename(s.getFilename())
        .setFileType(s.getFileType())
        .setFileSize(s.getFileSize())
        .setStatus(AssetStatus.UPLOADING)
        .setProgress(0)
        .setCreatedAt(d.at)
        .setUpdatedAt(d.at)
        .setRenditions(List.of());
  }

  private static Failure abortFailure(String reason) {
    return switch (reason) {
      case "EXPIRED" -> new Failure("UPLOAD_EXPIRED", "The upload expired before all chunks arrived; upload the file again.");
      case "REJECTED" -> new Failure("UPLOAD_REJECTED", "The upload was rejected; check the file type and size and upload again.");
      default -> new Failure("UPLOAD_ABORTED", "The upload was cancelled by the client.");
    };
  }
}
