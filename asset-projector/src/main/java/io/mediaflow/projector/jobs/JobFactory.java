package io.mediaflow.projector.jobs;

import io.mediaflow.events.IngestTask;
import io.mediaflow.events.Job;
import io.mediaflow.events.MediaInfo;
import io.mediaflow.events.RenditionProfile;
import io.mediaflow.events.TranscodeTask;
import io.mediaflow.events.UploadStarted;
import java.time.Instant;
import java.util.List;

/** Jobs with the deterministic ids and object keys of docs/CONTRACTS.md. */
public final class JobFactory {

  /** The {@link io.mediaflow.events.JobEvent#getProfile()} of the ingest job is null; its task name is this. */
  public static final String INGEST = "ingest";

  private static final int SEGMENT_SECONDS = 4;

  private JobFactory() {}

  /** {@code {assetId}.g{generation}.{ingest|<profile>}.a{attempt}} */
  public static String jobId(String assetId, int generation, String task, int attempt) {
    return assetId + ".g" + generation + "." + task + ".a" + attempt;
  }

  public static String sourceKey(String assetId) {
    return "assets/" + assetId + "/source";
  }

  public static String outputPrefix(String assetId, int generation, String profile) {
    return "assets/" + assetId + "/g" + generation + "/" + profile + "/";
  }

  public static Job ingest(String assetId, UploadStarted upload, List<String> chunkKeys, int attempt, Instant at) {
    IngestTask task = IngestTask.newBuilder()
        .setChunkKeys(List.copyOf(chunkKeys))
        .setSourceKey(sourceKey(assetId))
        .setFileSize(upload.getFileSize())
        .setDeclaredType(upload.getFileType())
        .setFilename(upload.getFilename())
        .setSha256(upload.getSha256())
        .build();
    return job(assetId, 1, INGEST, attempt, at, task);
  }

  /** @param storyboard whether this job also makes the generation's storyboard (see {@link Storyboard}) */
  public static Job transcode(
      String assetId, int generation, RenditionProfile profile, MediaInfo media, boolean storyboard, int attempt, Instant at) {
    TranscodeTask task = TranscodeTask.newBuilder()
        .setSourceKey(media.getSourceKey() == null || media.getSourceKey().isEmpty() ? sourceKey(assetId) : media.getSourceKey())
        .setProfile(profile)
        .setOutputPrefix(outputPrefix(assetId, generation, profile.getName()))
        .setSegmentSeconds(SEGMENT_SECONDS)
        .setMedia(media)
        .setStoryboard(storyboard)
        .build();
    return job(assetId, generation, profile.getName(), attempt, at, task);
  }

  private static Job job(String assetId, int generation, String name, int attempt, Instant at, Object task) {
    return Job.newBuilder()
        .setJobId(jobId(assetId, generation, name, attempt))
        .setAssetId(assetId)
        .setGeneration(generation)
        .setAttempt(attempt)
        .setIssuedAt(at)
        .setTask(task)
        .build();
  }
}
