package io.mediaflow.projector.asset;

import static io.mediaflow.projector.asset.DeciderRun.ID;
import static io.mediaflow.projector.fixtures.Events.chunk;
import static io.mediaflow.projector.fixtures.Events.failed;
import static io.mediaflow.projector.fixtures.Events.ingestSucceeded;
import static io.mediaflow.projector.fixtures.Events.media;
import static io.mediaflow.projector.fixtures.Events.reprocess;
import static io.mediaflow.projector.fixtures.Events.started;
import static io.mediaflow.projector.fixtures.Events.transcoded;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.events.Job;
import io.mediaflow.events.MediaKind;
import io.mediaflow.events.TranscodeTask;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exactly one transcode job per generation makes the storyboard: the highest video profile dispatched. */
class StoryboardDecisionTest {

  private static final String STORYBOARD_KEY = "assets/" + ID + "/g1/storyboard/storyboard.vtt";

  /** Job ids of the transcode jobs dispatched with {@code storyboard = true}. */
  private static List<String> storyboardJobs(DeciderRun run) {
    return run.jobs.stream()
        .filter(j -> j.getTask() instanceof TranscodeTask t && t.getStoryboard())
        .map(Job::getJobId)
        .toList();
  }

  @Test
  void theHighestVideoProfileDispatchedLastMakesTheStoryboard() {
    DeciderRun run = DeciderRun.ingested();
    assertThat(run.jobIds()).last().isEqualTo(ID + ".g1.720p.a1");
    assertThat(storyboardJobs(run)).containsExactly(ID + ".g1.720p.a1");
  }

  @Test
  void audioAndImageSourcesHaveNoStoryboard() {
    DeciderRun audio = new DeciderRun().apply(started(ID, 1), chunk(ID, 0), ingestSucceeded(ID, media(ID, MediaKind.AUDIO, 0, 0)));
    DeciderRun image = new DeciderRun().apply(started(ID, 1), chunk(ID, 0), ingestSucceeded(ID, media(ID, MediaKind.IMAGE, 1920, 1080)));
    assertThat(audio.jobs).hasSizeGreaterThan(1);
    assertThat(image.jobs).hasSizeGreaterThan(1);
    assertThat(storyboardJobs(audio)).isEmpty();
    assertThat(storyboardJobs(image)).isEmpty();
  }

  @Test
  void aRetryOfTheStoryboardJobMakesItToo() {
    DeciderRun run = DeciderRun.ingested().apply(failed(ID, 1, 1, "480p", true), failed(ID, 1, 1, "720p", true));
    assertThat(run.jobIds()).endsWith(ID + ".g1.480p.a2", ID + ".g1.720p.a2");
    assertThat(storyboardJobs(run)).containsExactly(ID + ".g1.720p.a1", ID + ".g1.720p.a2");
  }

  @Test
  void aReprocessOfEveryProfileMakesTheNewGenerationsStoryboardOnItsHighest() {
    DeciderRun run = DeciderRun.ingested().apply(transcoded(ID, 1, "360p"), transcoded(ID, 1, "480p"), transcoded(ID, 1, "720p"));
    run.apply(reprocess(ID));
    assertThat(storyboardJobs(run)).containsExactly(ID + ".g1.720p.a1", ID + ".g2.720p.a1");
  }

  @Test
  void aReprocessWithoutTheHighestProfileMakesItOnTheHighestReRun() {
    DeciderRun run = DeciderRun.ingested().apply(transcoded(ID, 1, "360p"), transcoded(ID, 1, "480p"), transcoded(ID, 1, "720p"));
    run.apply(reprocess(ID, "360p", "480p"), failed(ID, 2, 1, "480p", true));
    assertThat(storyboardJobs(run)).containsExactly(ID + ".g1.720p.a1", ID + ".g2.480p.a1", ID + ".g2.480p.a2");
  }

  @Test
  void anUnfinishedHigherRenditionReRunInAReprocessKeepsTheStoryboard() {
    DeciderRun run = DeciderRun.ingested().apply(transcoded(ID, 1, "360p"), reprocess(ID, "360p"));
    assertThat(run.jobIds()).endsWith(ID + ".g2.360p.a1", ID + ".g2.480p.a1", ID + ".g2.720p.a1");
    assertThat(storyboardJobs(run)).containsExactly(ID + ".g1.720p.a1", ID + ".g2.720p.a1");
  }

  @Test
  void theWorkersStoryboardKeyReachesTheState() {
    DeciderRun run = DeciderRun.ingested().apply(transcoded(ID, 1, "720p", STORYBOARD_KEY));
    assertThat(run.state().getRenditions()).filteredOn(r -> r.getProfile().equals("720p")).singleElement()
        .satisfies(r -> assertThat(r.getResult().getStoryboardKey()).isEqualTo(STORYBOARD_KEY));
  }
}
