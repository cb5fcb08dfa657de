package io.mediaflow.projector.asset;

import io.mediaflow.events.AssetCommand;
import io.mediaflow.events.AssetState;
import io.mediaflow.events.Job;
import io.mediaflow.events.JobEvent;
import io.mediaflow.events.UploadEvent;
import io.mediaflow.projector.profiles.ProfileLadder;
import io.mediaflow.projector.upload.ChunkLedger;
import java.time.Instant;
import java.util.List;

/**
 * The projector's one decision: given an asset's aggregate and one input (an upload event, a job
 * event or a command), the next aggregate, the jobs to dispatch and the new state to publish. No
 * clock (time is the input's) and no I/O besides the asset's {@link ChunkLedger}, which a new chunk
 * adds to (and the end of the upload clears), so replaying the inputs gives the same outputs.
 */
public final class AssetDecider {

  private final ProfileLadder ladder;
  private final int maxAttempts;

  public AssetDecider(ProfileLadder ladder, int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    this.ladder = ladder;
    this.maxAttempts = maxAttempts;
  }

  /**
   * @param input an {@link UploadEvent}, {@link JobEvent} or {@link AssetCommand}; anything else changes nothing
   * @param chunks this asset's stored chunks, updated in place
   */
  public Decision decide(String assetId, AssetAggregate current, Object input, Instant at, ChunkLedger chunks) {
    Draft d = new Draft(assetId, current, at, chunks);
    if (input instanceof UploadEvent u) {
      UploadRules.apply(d, u);
    } else if (input instanceof JobEvent j) {
      JobRules.apply(d, j, ladder, maxAttempts);
    } else if (input instanceof AssetCommand c) {
      CommandRules.apply(d, c, ladder);
    }
    AssetState published = seal(current.state(), d);
    AssetAggregate next = new AssetAggregate(d.upload, published, d.attempts, d.profiles, d.storyboardProfile);
    boolean changed = published != null && !published.equals(current.state());
    return new Decision(next, List.copyOf(d.jobs), changed ? published : null);
  }

  /** The draft's state with the version bumped and updatedAt set only if something changed. */
  private static AssetState seal(AssetState before, Draft d) {
    if (d.state == null) {
      return null;
    }
    long version = before == null ? 0 : before.getVersion();
    AssetState same = d.state.setVersion(version).setUpdatedAt(before == null ? d.at : before.getUpdatedAt()).build();
    if (same.equals(before)) {
      return before;
    }
    return AssetState.newBuilder(same).setVersion(version + 1).setUpdatedAt(d.at).build();
  }

  /**
   * @param jobs to send to the jobs topic, in order
   * @param changedState the new state to publish, or null when nothing visible changed
   */
  public record Decision(AssetAggregate next, List<Job> jobs, AssetState changedState) {}
}
