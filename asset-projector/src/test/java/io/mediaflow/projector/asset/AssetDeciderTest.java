package io.mediaflow.projector.asset;

import static io.mediaflow.projector.fixtures.Events.aborted;
import static io.mediaflow.projector.fixtures.Events.chunk;
import static io.mediaflow.projector.fixtures.Events.edit;
import static io.mediaflow.projector.fixtures.Events.failed;
import static io.mediaflow.projector.fixtures.Events.ingestSucceeded;
import static io.mediaflow.projector.fixtures.Events.media;
import static io.mediaflow.projector.fixtures.Events.progress;
import static io.mediaflow.projector.fixtures.Events.reprocess;
import static io.mediaflow.projector.fixtures.Events.restore;
import static io.mediaflow.projector.fixtures.Events.softDelete;
import static io.mediaflow.projector.fixtures.Events.started;
import static io.mediaflow.projector.fixtures.Events.transcoded;
import static io.mediaflow.projector.fixtures.Events.video;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.events.AbortReason;
import io.mediaflow.events.AssetStatus;
import io.mediaflow.events.IngestTask;
import io.mediaflow.events.MediaKind;
import io.mediaflow.events.RenditionStatus;
import io.mediaflow.events.TranscodeTask;
import org.junit.jupiter.api.Test;

class AssetDeciderTest {

  private static final String ID = "0123456789abcdef01234567";

  @Test
  void aStartedUploadIsAnUploadingAssetAtVersionOne() {
    DeciderRun run = new DeciderRun().apply(started(ID, 2), chunk(ID, 0));
    assertThat(run.states).hasSize(1);
    assertThat(run.state().getStatus()).isEqualTo(AssetStatus.UPLOADING);
    assertThat(run.state().getVersion()).isEqualTo(1);
    assertThat(run.state().getOwner()).isEqualTo("alice");
    assertThat(run.state().getTitle()).isEqualTo("My clip");
    assertThat(run.jobs).isEmpty();
  }

  @Test
  void completionDispatchesOneIngestJobWithChunkKeysInOrder() {
    DeciderRun run = new DeciderRun().apply(started(ID, 3), chunk(ID, 2), chunk(ID, 0), chunk(ID, 2), chunk(ID, 1), chunk(ID, 1));
    assertThat(run.jobIds()).containsExactly(ID + ".g1.ingest.a1");
    IngestTask task = (IngestTask) run.jobs.get(0).getTask();
    assertThat(task.getChunkKeys()).containsExactly(
        "uploads/" + ID + "/chunks/000000", "uploads/" + ID + "/chunks/000001", "uploads/" + ID + "/chunks/000002");
    assertThat(task.getSourceKey()).isEqualTo("assets/" + ID + "/source");
    assertThat(run.state().getStatus()).isEqualTo(AssetStatus.PROCESSING);
    assertThat(run.state().getVersion()).isEqualTo(2);
  }

  @Test
  void anAbortedUploadFailsTheAssetAndNeverDispatches() {
    DeciderRun run = new DeciderRun().apply(started(ID, 2), chunk(ID, 0), aborted(ID, AbortReason.EXPIRED), chunk(ID, 1));
    assertThat(run.jobs).isEmpty();
    assertThat(run.state().getStatus()).isEqualTo(AssetStatus.FAILED);
    assertThat(run.state().getError().getCode()).isEqualTo("UPLOAD_EXPIRED");
  }

  @Test
  void ingestSuccessDispatchesOneTranscodePerProfileSmallestFirst() {
    DeciderRun run = DeciderRun.ingested();
    assertThat(run.jobIds()).containsExactly(
        ID + ".g1.ingest.a1", ID + ".g1.360p.a1", ID + ".g1.480p.a1", ID + ".g1.720p.a1");
    TranscodeTask task = (TranscodeTask) run.jobs.get(1).getTask();
    assertThat(task.getOutputPrefix()).isEqualTo("assets/" + ID + "/g1/360p/");
    assertThat(task.getSourceKey()).isEqualTo("assets/" + ID + "/source");
    assertThat(run.state().getRenditions()).extracting(r -> r.getProfile()).containsExactly("360p", "480p", "720p");
    assertThat(run.state().getProgress()).isEqualTo(10);
    assertThat(run.state().getMedia().getWidth()).isEqualTo(1280);
  }

  @Test
  void firstRenditionMakesItPlayableAndTheLastReady() {
    DeciderRun run = DeciderRun.ingested().apply(progress(ID, 1, 1, "360p", 50));
    assertThat(run.state().getProgress()).isEqualTo(10 + 90 * 50 / 300);
    assertThat(run.state().getRenditions().get(0).getStatus()).isEqualTo(RenditionStatus.RUNNING);
    run.apply(transcoded(ID, 1, "360p"));
    assertThat(run.state().getStatus()).isEqualTo(AssetStatus.PLAYABLE);
    run.apply(transcoded(ID, 1, "720p"), transcoded(ID, 1, "480p"));
    assertThat(run.state().getStatus()).isEqualTo(AssetStatus.READY);
    assertThat(run.state().getProgress()).isEqualTo(100);
    assertThat(run.state().getRenditions()).allMatch(r -> r.getResult() != null);
  }

  @Test
  void versionGrowsByOneOnEveryChangeAndRepeatsChangeNothing() {
    DeciderRun run = DeciderRun.ingested().apply(transcoded(ID, 1, "360p"));
    int published = run.states.size();
    run.apply(transcoded(ID, 1, "360p"), ingestSucceeded(ID, video(ID, 1280, 720)), chunk(ID, 0), started(ID, 2));
    assertThat(run.states).hasSize(published);
    assertThat(run.jobs).hasSize(4);
    for (int i = 0; i < run.states.size(); i++) {
      assertThat(run.states.get(i).getVersion()).isEqualTo(i + 1);
    }
  }

  @Test
  void aRetryableFailureIsRedispatchedUpToTheLimitThenFailsTheRendition() {
    DeciderRun run = DeciderRun.ingested().apply(failed(ID, 1, 1, "480p", true));
    assertThat(run.jobIds()).endsWith(ID + ".g1.480p.a2");
    run.apply(failed(ID, 1, 1, "480p", true)); // stale attempt: ignored
    run.apply(failed(ID, 1, 2, "480p", true), failed(ID, 1, 3, "480p", true));
    assertThat(run.jobIds()).endsWith(ID + ".g1.480p.a2", ID + ".g1.480p.a3");
    assertThat(run.state().getRenditions().get(1).getStatus()).isEqualTo(RenditionStatus.FAILED);
    assertThat(run.state().getRenditions().get(1).getError().getCode()).isEqualTo("FFMPEG_FAILED");
    run.apply(transcoded(ID, 1, "360p"), transcoded(ID, 1, "720p"));
    assertThat(run.state().getStatus()).isEqualTo(AssetStatus.READY);
  }

  @Test
  void whenEveryRenditionFailsTheAssetFailsWithTheReason() {
    DeciderRun run = DeciderRun.ingested().apply(failed(ID, 1, 1, "360p", false), failed(ID, 1, 1, "480p", false), failed(ID, 1, 1, "720p", false));
    assertThat(run.state().getStatus()).isEqualTo(AssetStatus.FAILED);
    assertThat(run.state().getError().getReason()).isEqualTo("ffmpeg exited with 1");
  }

  @Test
  void aPermanentIngestFailureFailsTheAsset() {
    DeciderRun run = new DeciderRun().apply(started(ID, 1), chunk(ID, 0), failed(ID, 1, 1, null, false));
    assertThat(run.state().getStatus()).isEqualTo(AssetStatus.FAILED);
    assertThat(run.state().getError().getCode()).isEqualTo("FFMPEG_FAILED");
    run.apply(ingestSucceeded(ID, video(ID, 1280, 720)));
    assertThat(run.state().getStatus()).isEqualTo(AssetStatus.FAILED);
    assertThat(run.jobs).hasSize(1);
  }

  @Test
  void aRetryableIngestFailureRedispatchesTheIngest() {
    DeciderRun run = new DeciderRun().apply(started(ID, 1), chunk(ID, 0), failed(ID, 1, 1, null, true));
    assertThat(run.jobIds()).containsExactly(ID + ".g1.ingest.a1", ID + ".g1.ingest.a2");
  }

  @Test
  void aSourceNoProfileFitsFailsWithNoProfiles() {
    DeciderRun run = new DeciderRun().apply(started(ID, 1), chunk(ID, 0), ingestSucceeded(ID, media(ID, MediaKind.UNKNOWN, 0, 0)));
    assertThat(run.state().getStatus()).isEqualTo(AssetStatus.FAILED);
    assertThat(run.state().getError().getCode()).isEqualTo("NO_PROFILES");
  }

  @Test
  void commandsEditDeleteAndRestore() {
    DeciderRun run = new DeciderRun().apply(started(ID, 1), edit(ID, "New title"), softDelete(ID));
    assertThat(run.state().getTitle()).isEqualTo("New title");
    assertThat(run.state().getDeleted()).isTrue();
    run.apply(restore(ID));
    assertThat(run.state().getDeleted()).isFalse();
    assertThat(run.state().getVersion()).isEqualTo(4);
  }

  @Test
  void commandsForAnUnknownAssetAreIgnored() {
    DeciderRun run = new DeciderRun().apply(edit(ID, "x"), reprocess(ID));
    assertThat(run.states).isEmpty();
    assertThat(run.jobs).isEmpty();
  }

  @Test
  void reprocessIsANewGenerationAndLateResultsOfTheOldOneAreIgnored() {
    DeciderRun run = DeciderRun.ingested().apply(transcoded(ID, 1, "360p"), transcoded(ID, 1, "480p"), transcoded(ID, 1, "720p"));
    run.apply(reprocess(ID));
    assertThat(run.state().getGeneration()).isEqualTo(2);
    assertThat(run.state().getStatus()).isEqualTo(AssetStatus.PROCESSING);
    assertThat(run.jobIds()).endsWith(ID + ".g2.360p.a1", ID + ".g2.480p.a1", ID + ".g2.720p.a1");
    long version = run.state().getVersion();
    run.apply(transcoded(ID, 1, "360p"));
    assertThat(run.state().getVersion()).isEqualTo(version);
    run.apply(transcoded(ID, 2, "360p"));
    assertThat(run.state().getStatus()).isEqualTo(AssetStatus.PLAYABLE);
    assertThat(run.state().getRenditions().get(0).getResult().getPlaylistKey()).contains("/g2/360p/");
  }

  @Test
  void reprocessOfGivenProfilesKeepsTheOtherFinishedRenditions() {
    DeciderRun run = DeciderRun.ingested().apply(transcoded(ID, 1, "360p"), transcoded(ID, 1, "480p"), transcoded(ID, 1, "720p"));
    run.apply(reprocess(ID, "480p"));
    assertThat(run.jobIds()).endsWith(ID + ".g1.720p.a1", ID + ".g2.480p.a1");
    assertThat(run.state().getStatus()).isEqualTo(AssetStatus.PLAYABLE);
    assertThat(run.state().getRenditions()).extracting(r -> r.getProfile()).containsExactly("360p", "480p", "720p");
    run.apply(transcoded(ID, 2, "480p"));
    assertThat(run.state().getStatus()).isEqualTo(AssetStatus.READY);
  }

  @Test
  void reprocessBeforeIngestDoesNothing() {
    DeciderRun run = new DeciderRun().apply(started(ID, 1), reprocess(ID));
    assertThat(run.states).hasSize(1);
  }
}
