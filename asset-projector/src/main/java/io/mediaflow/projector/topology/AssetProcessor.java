package io.mediaflow.projector.topology;

import io.mediaflow.events.Job;
import io.mediaflow.projector.asset.AssetAggregate;
import io.mediaflow.projector.asset.AssetDecider;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Thin: loads the asset's aggregate, asks the decider (with the asset's view of the chunk store),
 * stores the next aggregate and forwards the jobs (keyed by job id) and the changed state (keyed by asset id). Under exactly_once_v2 the store
 * updates, the outputs and the input offsets commit together.
 */
final class AssetProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

  private final AssetDecider decider;
  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, AssetAggregate> store;
  private KeyValueStore<String, String> chunks;

  AssetProcessor(AssetDecider decider) {
    this.decider = decider;
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.store = context.getStateStore(ProjectorTopology.AGGREGATE_STORE);
    this.chunks = context.getStateStore(ProjectorTopology.CHUNK_STORE);
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    if (record.key() == null || record.value() == null) {
      return;
    }
    AssetAggregate current = store.get(record.key());
    // the input's own timestamp, not the wall clock, so a replay decides the same
    AssetDecider.Decision decision = decider.decide(
        record.key(), current == null ? AssetAggregate.empty() : current, record.value(), Instant.ofEpochMilli(record.timestamp()),
        new StoreChunkLedger(chunks, record.key()));
    if (!decision.next().equals(current)) {
      store.put(record.key(), decision.next()); // a repeated input changes nothing: no changelog record
    }
    for (Job job : decision.jobs()) {
      context.forward(record.withKey(job.getJobId()).withValue(job));
    }
    if (decision.changedState() != null) {
      context.forward(record.withValue(decision.changedState()));
    }
  }
}
