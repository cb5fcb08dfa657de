package io.mediaflow.schemas;

import io.mediaflow.events.AssetCommand;
import io.mediaflow.events.AssetState;
import io.mediaflow.events.DeadLetter;
import io.mediaflow.events.Job;
import io.mediaflow.events.JobEvent;
import io.mediaflow.events.UploadEvent;
import io.mediaflow.schemas.Topic.CleanupPolicy;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of mediaflow, in the order of the flow. Keys are asset ids except on the job topics,
 * whose keys are job ids so that the profiles of one asset spread over partitions and workers.
 */
public final class Topics {

  private static final long FOREVER = -1L;
  private static final Serde<String> KEY = Serdes.String();

  /** Upload facts (UploadStarted, ChunkStored, UploadAborted); state is rebuilt from them. */
  public static final Topic<String, UploadEvent> UPLOADS =
      new Topic<>(
          "mediaflow.uploads",
          KEY,
          AvroSerde.of(UploadEvent.class),
          6,
          CleanupPolicy.DELETE,
          FOREVER);

  /** Work for the worker share group: ingest and transcode jobs. */
  public static final Topic<String, Job> JOBS =
      new Topic<>(
          "mediaflow.jobs",
          KEY,
          AvroSerde.of(Job.class),
          6,
          CleanupPolicy.DELETE,
          Duration.ofDays(7).toMillis());

  /** Progress and outcomes reported by workers; state is rebuilt from them. */
  public static final Topic<String, JobEvent> JOB_EVENTS =
      new Topic<>(
          "mediaflow.job-events",
          KEY,
          AvroSerde.of(JobEvent.class),
          6,
          CleanupPolicy.DELETE,
          FOREVER);

  /** Edits, deletes, restores and reprocess requests from the API; state is rebuilt from them. */
  public static final Topic<String, AssetCommand> ASSET_COMMANDS =
      new Topic<>(
          "mediaflow.asset-commands",
          KEY,
          AvroSerde.of(AssetCommand.class),
          6,
          CleanupPolicy.DELETE,
          FOREVER);

  /** The latest state of every asset, versioned; the MongoDB projection is a copy of it. */
  public static final Topic<String, AssetState> ASSET_STATE =
      new Topic<>(
          "mediaflow.asset-state",
          KEY,
          AvroSerde.of(AssetState.class),
          6,
          CleanupPolicy.COMPACT,
          FOREVER);

  /** Jobs given up on after their last attempt, with the reason. */
  public static final Topic<String, DeadLetter> JOBS_DLT =
      new Topic<>(
          "mediaflow.jobs-dlt",
          KEY,
          AvroSerde.of(DeadLetter.class),
          1,
          CleanupPolicy.DELETE,
          Duration.ofDays(30).toMillis());

  /** Kafka Streams application id of asset-projector (also the prefix of its internal topics). */
  public static final String PROJECTOR_APPLICATION_ID = "mediaflow-asset-projector";

  /** Consumer group of the MongoDB sink that projects {@link #ASSET_STATE}. */
  public static final String PROJECTION_SINK_GROUP = "mediaflow-projection-sink";

  /** Share group of the transcode worker fleet on {@link #JOBS}. */
  public static final String WORKER_SHARE_GROUP = "mediaflow-transcode-workers";

  private Topics() {}

  /** Every topic, in the order of the flow. */
  public static List<Topic<?, ?>> all() {
    return List.of(UPLOADS, JOBS, JOB_EVENTS, ASSET_COMMANDS, ASSET_STATE, JOBS_DLT);
  }
}
