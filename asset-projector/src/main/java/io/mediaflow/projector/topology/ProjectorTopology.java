package io.mediaflow.projector.topology;

import io.mediaflow.events.AssetState;
import io.mediaflow.events.DeadLetter;
import io.mediaflow.events.Job;
import io.mediaflow.events.JobEvent;
import io.mediaflow.events.JobFailed;
import io.mediaflow.events.TranscodeTask;
import io.mediaflow.projector.asset.AssetDecider;
import io.mediaflow.schemas.Topic;
import io.mediaflow.schemas.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The projector's topology: upload events, job events, commands and dead letters, all keyed by
 * asset id (dead letters re-keyed from job id), merged into one stream of asset inputs and applied
 * by one processor to one aggregate per asset; out come jobs and versioned asset states.
 */
public final class ProjectorTopology {

  static final String AGGREGATE_STORE = "asset-aggregates";
  /** Stored chunks keyed {@code assetId/index}, apart from the aggregate so a chunk costs O(1) bytes. */
  static final String CHUNK_STORE = "upload-chunks";

  private ProjectorTopology() {}

  public static StreamsBuilder buildTopology(StreamsBuilder builder, AssetDecider decider) {
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(AGGREGATE_STORE), Serdes.String(), new AggregateSerde())
        // the chunks of an upload arrive together: between two commits only an asset's last aggregate goes to the changelog
        .withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(CHUNK_STORE), Serdes.String(), Serdes.String()));

    KStream<String, SpecificRecord> inputs = source(builder, Topics.UPLOADS)
        .merge(source(builder, Topics.JOB_EVENTS))
        .merge(source(builder, Topics.ASSET_COMMANDS))
        .merge(deadLettersAsFailures(builder));

    inputs.process(() -> new AssetProcessor(decider), Named.as("asset-decider"), AGGREGATE_STORE, CHUNK_STORE)
        .split(Named.as("out-"))
        .branch((key, value) -> value instanceof Job, Branched.withConsumer(jobs -> jobs
            .mapValues(v -> (Job) v)
            .to(Topics.JOBS.name(), Produced.with(Topics.JOBS.keySerde(), Topics.JOBS.valueSerde()))))
        .branch((key, value) -> value instanceof AssetState, Branched.withConsumer(states -> states
            .mapValues(v -> (AssetState) v)
            .to(Topics.ASSET_STATE.name(), Produced.with(Topics.ASSET_STATE.keySerde(), Topics.ASSET_STATE.valueSerde()))));
    return builder;
  }

  private static <V extends SpecificRecord> KStream<String, SpecificRecord> source(StreamsBuilder builder, Topic<String, V> topic) {
    return builder.stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()))
        .mapValues(v -> (SpecificRecord) v);
  }

  /**
   * A dead letter is a job the workers gave up on (e.g. its delivery limit): to the asset it is a
   * permanent failure of that job's attempt. The DLT is keyed by job id, so it is re-keyed by asset
   * id through a repartition topic with the inputs' partition count.
   */
  private static KStream<String, SpecificRecord> deadLettersAsFailures(StreamsBuilder builder) {
    return builder.stream(Topics.JOBS_DLT.name(), Consumed.with(Topics.JOBS_DLT.keySerde(), Topics.JOBS_DLT.valueSerde()))
        .filter((jobId, dead) -> dead != null && dead.getJob() != null)
        .map((jobId, dead) -> KeyValue.pair(dead.getJob().getAssetId(), asFailure(dead)))
        .repartition(Repartitioned.with(Topics.JOB_EVENTS.keySerde(), Topics.JOB_EVENTS.valueSerde())
            .withName("dead-letters-by-asset")
            .withNumberOfPartitions(Topics.JOB_EVENTS.partitions()))
        .mapValues(v -> (SpecificRecord) v);
  }

  static JobEvent asFailure(DeadLetter dead) {
    Job job = dead.getJob();
    String profile = job.getTask() instanceof TranscodeTask t ? t.getProfile().getName() : null;
    return JobEvent.newBuilder()
        .setJobId(job.getJobId())
        .setAssetId(job.getAssetId())
        .setGeneration(job.getGeneration())
        .setAttempt(job.getAttempt())
        .setProfile(profile)
        .setWorker(dead.getWorker())
        .setOccurredAt(dead.getFailedAt())
        .setEvent(new JobFailed(dead.getFailure(), false))
        .build();
  }
}
