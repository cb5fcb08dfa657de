package io.mediaflow.projector.topology;

import static io.mediaflow.projector.fixtures.Events.T0;
import static io.mediaflow.projector.fixtures.Events.chunk;
import static io.mediaflow.projector.fixtures.Events.ingestSucceeded;
import static io.mediaflow.projector.fixtures.Events.started;
import static io.mediaflow.projector.fixtures.Events.video;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.events.AbortReason;
import io.mediaflow.projector.asset.AssetAggregate;
import io.mediaflow.projector.asset.AssetDecider;
import io.mediaflow.projector.fixtures.Events;
import io.mediaflow.projector.profiles.ProfileLadder;
import io.mediaflow.projector.upload.MemoryChunkLedger;
import org.junit.jupiter.api.Test;

class AggregateSerdeTest {

  private static final String ID = "0123456789abcdef01234567";

  private static AssetAggregate roundTrip(AssetAggregate a) {
    AggregateSerde serde = new AggregateSerde();
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", a));
  }

  @Test
  void everyPartSurvivesTheStore() {
    AssetDecider decider = new AssetDecider(ProfileLadder.defaults(), 3);
    MemoryChunkLedger chunks = new MemoryChunkLedger();
    AssetAggregate a = AssetAggregate.empty();
    for (Object input : new Object[] {started(ID, 2), chunk(ID, 1), chunk(ID, 0), ingestSucceeded(ID, video(ID, 1280, 720))}) {
      a = decider.decide(ID, a, input, T0, chunks).next();
    }
    assertThat(a.profiles()).hasSize(3);
    assertThat(a.storyboardProfile()).isEqualTo("720p");
    assertThat(roundTrip(a)).isEqualTo(a);
  }

  @Test
  void emptyAndAbortedAggregatesSurviveToo() {
    assertThat(roundTrip(AssetAggregate.empty())).isEqualTo(AssetAggregate.empty());
    AssetAggregate aborted = new AssetDecider(ProfileLadder.defaults(), 3)
        .decide(ID, AssetAggregate.empty(), Events.aborted(ID, AbortReason.CLIENT_ABORTED), T0, new MemoryChunkLedger()).next();
    assertThat(roundTrip(aborted)).isEqualTo(aborted);
  }

  @Test
  void anAggregateOfTheFormerFormatWithEveryChunkKeyIsReadAsACount() throws java.io.IOException {
    io.mediaflow.events.UploadStarted start = (io.mediaflow.events.UploadStarted) started(ID, 3).getEvent();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
      out.writeByte(1);
      java.nio.ByteBuffer b = start.toByteBuffer();
      out.writeInt(b.remaining());
      out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
      out.writeInt(3); // two chunks in range, one beyond it
      for (int index : new int[] {0, 2, 9}) {
        out.writeInt(index);
        out.writeUTF(Events.chunkKey(ID, index));
      }
      out.writeBoolean(false); // not aborted
      out.writeBoolean(false); // not completed
      out.writeInt(-1); // no state
      out.writeInt(0); // no attempts
      out.writeInt(0); // no profiles
    }
    AssetAggregate read = new AggregateSerde().deserializer().deserialize("t", bytes.toByteArray());
    assertThat(read.upload().started()).isEqualTo(start);
    assertThat(read.upload().received()).isEqualTo(2);
    assertThat(read.upload().isComplete()).isFalse();
  }
}
