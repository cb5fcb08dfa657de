package io.mediaflow.projector.projection;

import static io.mediaflow.projector.fixtures.Events.T0;
import static io.mediaflow.projector.fixtures.Events.chunk;
import static io.mediaflow.projector.fixtures.Events.ingestSucceeded;
import static io.mediaflow.projector.fixtures.Events.started;
import static io.mediaflow.projector.fixtures.Events.transcoded;
import static io.mediaflow.projector.fixtures.Events.video;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.events.AssetState;
import io.mediaflow.projector.asset.AssetAggregate;
import io.mediaflow.projector.asset.AssetDecider;
import io.mediaflow.projector.profiles.ProfileLadder;
import io.mediaflow.projector.upload.MemoryChunkLedger;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class AssetDocumentsTest {

  private static final String ID = "0123456789abcdef01234567";
  private static final String STORYBOARD = "assets/" + ID + "/g1/storyboard/storyboard.vtt";

  private static AssetState readyState() {
    AssetDecider decider = new AssetDecider(ProfileLadder.defaults(), 3);
    MemoryChunkLedger chunks = new MemoryChunkLedger();
    AssetAggregate a = AssetAggregate.empty();
    for (Object input : new Object[] {started(ID, 1), chunk(ID, 0), ingestSucceeded(ID, video(ID, 640, 360)), transcoded(ID, 1, "360p", STORYBOARD)}) {
      a = decider.decide(ID, a, input, T0, chunks).next();
    }
    return a.state();
  }

  @Test
  void theDocumentHasExactlyTheFieldsOfTheContract() {
    Document doc = AssetDocuments.toDocument(readyState());
    assertThat(doc.keySet()).containsExactly("_id", "version", "generation", "owner", "title", "description", "access",
        "metadata", "filename", "fileType", "fileSize", "status", "progress", "error", "deleted", "createdAt", "updatedAt",
        "duration", "width", "height", "kind", "thumbnailKey", "renditions");
    Document rendition = doc.getList("renditions", Document.class).get(0);
    assertThat(rendition.keySet()).containsExactly("profile", "status", "width", "height", "bitrate", "codecs",
        "playlistKey", "storyboardKey", "durationSeconds", "bytes", "error");
  }

  @Test
  void valuesAreConvertedForTheApi() {
    Document doc = AssetDocuments.toDocument(readyState());
    assertThat(doc.getString("_id")).isEqualTo(ID);
    assertThat(doc.getString("status")).isEqualTo("READY");
    assertThat(doc.getString("access")).isEqualTo("private");
    assertThat(doc.getString("kind")).isEqualTo("VIDEO");
    assertThat(doc.get("createdAt")).isEqualTo(Date.from(T0));
    assertThat(doc.getDouble("duration")).isEqualTo(30.0);
    assertThat(doc.getInteger("progress")).isEqualTo(100);
    assertThat(doc.getString("thumbnailKey")).isEqualTo("assets/" + ID + "/thumbnail.jpg");
    Document rendition = doc.getList("renditions", Document.class).get(0);
    assertThat(rendition.getString("playlistKey")).isEqualTo("assets/" + ID + "/g1/360p/index.m3u8");
    assertThat(rendition.getLong("bitrate")).isEqualTo(600_000L);
    assertThat(rendition.getString("storyboardKey")).isEqualTo(STORYBOARD);
  }

  @Test
  void anAssetNotYetProbedHasZeroSizesAndNoKind() {
    AssetState uploading = new AssetDecider(ProfileLadder.defaults(), 3)
        .decide(ID, AssetAggregate.empty(), started(ID, 2), T0, new MemoryChunkLedger()).changedState();
    Document doc = AssetDocuments.toDocument(uploading);
    assertThat(doc.getString("status")).isEqualTo("UPLOADING");
    assertThat(doc.get("kind")).isNull();
    assertThat(doc.getInteger("width")).isZero();
    assertThat(doc.getList("renditions", Document.class)).isEmpty();
  }
}
