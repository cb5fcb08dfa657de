package io.mediaflow.projector.topology;

import static io.mediaflow.projector.fixtures.Events.T0;
import static io.mediaflow.projector.fixtures.Events.chunk;
import static io.mediaflow.projector.fixtures.Events.started;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.events.Job;
import io.mediaflow.events.UploadEvent;
import io.mediaflow.projector.asset.AssetDecider;
import io.mediaflow.projector.profiles.ProfileLadder;
import io.mediaflow.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chunk event costs the same changelog bytes in an upload of 10 chunks as in one of 2,000. */
class ChunkChangelogBytesTest {

  private static final String APP = "projector-bytes-test";

  @TempDir java.nio.file.Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, UploadEvent> uploads;
  private List<TestOutputTopic<byte[], byte[]>> changelogs;
  private TestOutputTopic<String, Job> jobs;

  @BeforeEach
  void start() {
    StreamsBuilder builder = ProjectorTopology.buildTopology(new StreamsBuilder(), new AssetDecider(ProfileLadder.defaults(), 3));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    driver = new TopologyTestDriver(builder.build(), props);
    uploads = driver.createInputTopic(Topics.UPLOADS.name(), Topics.UPLOADS.keySerde().serializer(),
        Topics.UPLOADS.valueSerde().serializer(), T0, Duration.ZERO);
    changelogs = List.of(changelog(ProjectorTopology.AGGREGATE_STORE), changelog(ProjectorTopology.CHUNK_STORE));
    jobs = driver.createOutputTopic(Topics.JOBS.name(), Topics.JOBS.keySerde().deserializer(), Topics.JOBS.valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private TestOutputTopic<byte[], byte[]> changelog(String store) {
    return driver.createOutputTopic(APP + "-" + store + "-changelog", new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private long drainChangelogBytes() {
    long bytes = 0;
    for (TestOutputTopic<byte[], byte[]> topic : changelogs) {
      for (TestRecord<byte[], byte[]> r : topic.readRecordsToList()) {
        bytes += r.key().length + (r.value() == null ? 0 : r.value().length);
      }
    }
    return bytes;
  }

  /** Changelog bytes per chunk event of an upload of {@code total} chunks, the completing one excluded. */
  private double bytesPerChunk(String assetId, int total) {
    uploads.pipeInput(assetId, started(assetId, total));
    drainChangelogBytes();
    for (int i = 0; i < total - 1; i++) {
      uploads.pipeInput(assetId, chunk(assetId, i));
    }
    double perChunk = (double) drainChangelogBytes() / (total - 1);
    uploads.pipeInput(assetId, chunk(assetId, total - 1));
    assertThat(jobs.readValuesToList()).singleElement()
        .satisfies(job -> assertThat(job.getJobId()).isEqualTo(assetId + ".g1.ingest.a1"));
    return perChunk;
  }

  @Test
  void perChunkChangelogBytesDoNotGrowWithTheChunkCount() {
    double small = bytesPerChunk("aaaaaaaaaaaaaaaaaaaaaaaa", 10);
    double medium = bytesPerChunk("bbbbbbbbbbbbbbbbbbbbbbbb", 200);
    double large = bytesPerChunk("cccccccccccccccccccccccc", 2_000);

    // the aggregate (a count) and one chunk entry: the same few hundred bytes whatever the size;
    // keeping every chunk key in the aggregate cost ~45 bytes x chunks so far (~45 KB per event at 2,000)
    // (the few bytes of slack: the declared file size, a varint in the stored UploadStarted, grows with it)
    assertThat(small).isLessThan(1_024);
    assertThat(medium).isLessThanOrEqualTo(small + 4);
    assertThat(large).isLessThanOrEqualTo(small + 4);
  }

  @Test
  void duplicateChunksWriteNothingToTheChangelogs() {
    String id = "dddddddddddddddddddddddd";
    uploads.pipeInput(id, started(id, 3));
    uploads.pipeInput(id, chunk(id, 0));
    drainChangelogBytes();
    uploads.pipeInput(id, chunk(id, 0));
    uploads.pipeInput(id, chunk(id, 0));
    assertThat(drainChangelogBytes()).isZero();
  }
}
