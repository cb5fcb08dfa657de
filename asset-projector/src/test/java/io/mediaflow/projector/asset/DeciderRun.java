package io.mediaflow.projector.asset;

import static io.mediaflow.projector.fixtures.Events.T0;
import static io.mediaflow.projector.fixtures.Events.chunk;
import static io.mediaflow.projector.fixtures.Events.ingestSucceeded;
import static io.mediaflow.projector.fixtures.Events.started;
import static io.mediaflow.projector.fixtures.Events.video;

import io.mediaflow.events.AssetState;
import io.mediaflow.events.Job;
import io.mediaflow.projector.profiles.ProfileLadder;
import io.mediaflow.projector.upload.MemoryChunkLedger;
import java.util.ArrayList;
import java.util.List;

/** Applies inputs one by one, keeping every dispatched job and published state. */
final class DeciderRun {

  static final String ID = "0123456789abcdef01234567";

  final AssetDecider decider = new AssetDecider(ProfileLadder.defaults(), 3);
  AssetAggregate aggregate = AssetAggregate.empty();
  final MemoryChunkLedger chunks = new MemoryChunkLedger();
  final List<Job> jobs = new ArrayList<>();
  final List<AssetState> states = new ArrayList<>();

  DeciderRun apply(Object... inputs) {
    for (Object input : inputs) {
      AssetDecider.Decision d = decider.decide(ID, aggregate, input, T0.plusSeconds(states.size() + jobs.size()), chunks);
      aggregate = d.next();
      jobs.addAll(d.jobs());
      if (d.changedState() != null) {
        states.add(d.changedState());
      }
    }
    return this;
  }

  AssetState state() {
    return states.get(states.size() - 1);
  }

  List<String> jobIds() {
    return jobs.stream().map(Job::getJobId).toList();
  }

  /** Uploaded 720p video whose ingest succeeded: three transcode jobs out. */
  static DeciderRun ingested() {
    return new DeciderRun().apply(started(ID, 2), chunk(ID, 0), chunk(ID, 1), ingestSucceeded(ID, video(ID, 1280, 720)));
  }
}
