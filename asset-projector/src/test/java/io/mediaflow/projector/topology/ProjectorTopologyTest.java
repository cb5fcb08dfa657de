package io.mediaflow.projector.topology;

import static io.mediaflow.projector.fixtures.Events.T0;
import static io.mediaflow.projector.fixtures.Events.chunk;
import static io.mediaflow.projector.fixtures.Events.ingestSucceeded;
import static io.mediaflow.projector.fixtures.Events.reprocess;
import static io.mediaflow.projector.fixtures.Events.started;
import static io.mediaflow.projector.fixtures.Events.transcoded;
import static io.mediaflow.projector.fixtures.Events.video;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.events.AssetCommand;
import io.mediaflow.events.AssetState;
import io.mediaflow.events.AssetStatus;
import io.mediaflow.events.DeadLetter;
import io.mediaflow.events.Failure;
import io.mediaflow.events.Job;
import io.mediaflow.events.JobEvent;
import io.mediaflow.events.RenditionStatus;
import io.mediaflow.events.UploadEvent;
import io.mediaflow.projector.asset.AssetDecider;
import io.mediaflow.projector.profiles.ProfileLadder;
import io.mediaflow.schemas.Topic;
import io.mediaflow.schemas.Topics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectorTopologyTest {

  private static final String ID = "0123456789abcdef01234567";

  @TempDir java.nio.file.Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, UploadEvent> uploads;
  private TestInputTopic<String, JobEvent> jobEvents;
  private TestInputTopic<String, AssetCommand> commands;
  private TestInputTopic<String, DeadLetter> deadLetters;
  private TestOutputTopic<String, Job> jobs;
  private TestOutputTopic<String, AssetState> states;

  @BeforeEach
  void start() {
    StreamsBuilder builder = ProjectorTopology.buildTopology(new StreamsBuilder(), new AssetDecider(ProfileLadder.defaults(), 3));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "projector-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    driver = new TopologyTestDriver(builder.build(), props);
    uploads = input(Topics.UPLOADS);
    jobEvents = input(Topics.JOB_EVENTS);
    commands = input(Topics.ASSET_COMMANDS);
    deadLetters = input(Topics.JOBS_DLT);
    jobs = driver.createOutputTopic(Topics.JOBS.name(), Topics.JOBS.keySerde().deserializer(), Topics.JOBS.valueSerde().deserializer());
    states = driver.createOutputTopic(
        Topics.ASSET_STATE.name(), Topics.ASSET_STATE.keySerde().deserializer(), Topics.ASSET_STATE.valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
    return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer(), T0, java.time.Duration.ZERO);
  }

  private List<String> jobKeys() {
    return jobs.readKeyValuesToList().stream().map(kv -> kv.key).toList();
  }

  private void uploadShuffledWithDuplicates(int total, long seed) {
    List<UploadEvent> events = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      events.add(chunk(ID, i));
      events.add(chunk(ID, i));
    }
    Collections.shuffle(events, new Random(seed));
    events.add(0, started(ID, total));
    events.forEach(e -> uploads.pipeInput(ID, e));
  }

  @Test
  void aCompleteUploadDispatchesExactlyOneIngestJobKeyedByItsId() {
    uploadShuffledWithDuplicates(7, 42);

    List<KeyValue<String, Job>> out = jobs.readKeyValuesToList();
    assertThat(out).extracting(kv -> kv.key).containsExactly(ID + ".g1.ingest.a1");
    assertThat(out.get(0).value.getJobId()).isEqualTo(out.get(0).key);
    List<KeyValue<String, AssetState>> published = states.readKeyValuesToList();
    assertThat(published).extracting(kv -> kv.value.getStatus()).containsExactly(AssetStatus.UPLOADING, AssetStatus.PROCESSING);
    assertThat(published).extracting(kv -> kv.value.getVersion()).containsExactly(1L, 2L);
    assertThat(published).allMatch(kv -> kv.key.equals(ID));
  }

  @Test
  void ingestSuccessFansOutAndRenditionsFanIn() {
    uploadShuffledWithDuplicates(2, 1);
    jobEvents.pipeInput(ID, ingestSucceeded(ID, video(ID, 1280, 720)));
    assertThat(jobKeys()).containsExactly(
        ID + ".g1.ingest.a1", ID + ".g1.360p.a1", ID + ".g1.480p.a1", ID + ".g1.720p.a1");

    jobEvents.pipeInput(ID, transcoded(ID, 1, "360p"));
    jobEvents.pipeInput(ID, transcoded(ID, 1, "360p"));
    jobEvents.pipeInput(ID, transcoded(ID, 1, "480p"));
    jobEvents.pipeInput(ID, transcoded(ID, 1, "720p"));

    List<AssetState> published = states.readValuesToList();
    assertThat(published).extracting(AssetState::getStatus).containsExactly(
        AssetStatus.UPLOADING, AssetStatus.PROCESSING, AssetStatus.PROCESSING, AssetStatus.PLAYABLE, AssetStatus.PLAYABLE, AssetStatus.READY);
    assertThat(published).extracting(AssetState::getVersion).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
  }

  @Test
  void aDeadLetterFailsTheRenditionAndReprocessDispatchesANewGeneration() {
    uploadShuffledWithDuplicates(1, 3);
    jobEvents.pipeInput(ID, ingestSucceeded(ID, video(ID, 640, 360)));
    Job job360 = jobs.readValuesToList().get(1);
    deadLetters.pipeInput(job360.getJobId(), new DeadLetter(job360, new Failure("POISON_JOB", "crashed 5 workers"), 5, "w2", T0));

    AssetState failed = states.readValuesToList().stream().reduce((a, b) -> b).orElseThrow();
    assertThat(failed.getStatus()).isEqualTo(AssetStatus.FAILED);
    assertThat(failed.getRenditions().get(0).getStatus()).isEqualTo(RenditionStatus.FAILED);
    assertThat(failed.getError().getCode()).isEqualTo("POISON_JOB");

    commands.pipeInput(ID, reprocess(ID));
    assertThat(jobKeys()).containsExactly(ID + ".g2.360p.a1");
    assertThat(states.readValuesToList()).extracting(AssetState::getGeneration).containsExactly(2);
  }
}
