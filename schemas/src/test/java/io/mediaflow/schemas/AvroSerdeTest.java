package io.mediaflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediaflow.events.Access;
import io.mediaflow.events.ChunkStored;
import io.mediaflow.events.UploadEvent;
import io.mediaflow.events.UploadStarted;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

  private final Topic<String, UploadEvent> topic = Topics.UPLOADS;

  @Property(tries = 200)
  void chunkEventsSurviveARoundTrip(
      @ForAll @IntRange(min = 0, max = 100_000) int index,
      @ForAll @StringLength(min = 1, max = 64) String key) {
    UploadEvent event =
        UploadEvent.newBuilder()
            .setAssetId("65f0c0ffee0000000000abcd")
            .setOccurredAt(Instant.ofEpochMilli(1_700_000_000_000L))
            .setEvent(new ChunkStored(index, 5L * 1024 * 1024, "ab".repeat(32), key))
            .build();

    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), event);

    assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), bytes))
        .isEqualTo(event);
  }

  @Test
  void uploadStartedKeepsEveryField() {
    UploadStarted started =
        UploadStarted.newBuilder()
            .setOwner("alice")
            .setFilename("clip.mp4")
            .setFileSize(42)
            .setFileType("video/mp4")
            .setSha256(null)
            .setTitle("t")
            .setDescription("d")
            .setAccess(Access.PUBLIC)
            .setMetadata(Map.of("k", "v"))
            .setChunkSize(10)
            .setTotalChunks(5)
            .setExpiresAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
            .build();
    UploadEvent event =
        new UploadEvent("65f0c0ffee0000000000abcd", Instant.ofEpochMilli(1), started);

    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), event);

    assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), bytes))
        .isEqualTo(event);
  }

  @Test
  void nullIsATombstoneBothWays() {
    assertThat(topic.valueSerde().serializer().serialize(topic.name(), null)).isNull();
    assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), null)).isNull();
  }

  @Test
  void garbageIsASerializationErrorNamingTheTopic() {
    assertThatThrownBy(
            () ->
                topic
                    .valueSerde()
                    .deserializer()
                    .deserialize(topic.name(), new byte[] {1, 2, 3, 4}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("mediaflow.uploads");
  }
}
