package io.mediaflow.api.assets;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.api.access.Access;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

public class AssetConvertersTest {

  public static final AssetLinks LINKS =
      new AssetLinks() {
        @Override
        public String thumbnailUrl(Asset asset) {
          return "thumb:" + asset.id();
        }

        @Override
        public String streamingUrl(Asset asset) {
          return "stream:" + asset.id();
        }

        @Override
        public String variantUrl(Asset asset, Asset.Rendition rendition) {
          return "variant:" + rendition.profile();
        }
      };

  public static Document full() {
    return new Document("_id", "65a1b2c3d4e5f60718293a4b")
        .append("version", 7L)
        .append("generation", 2)
        .append("owner", "alice")
        .append("title", "Trip")
        .append("description", "d")
        .append("access", "unlisted")
        .append("metadata", new Document("k", "v").append("n", 3))
        .append("fileType", "video/mp4")
        .append("status", "PLAYABLE")
        .append("progress", 40)
        .append("error", new Document("code", "PROBE_FAILED").append("reason", "bad"))
        .append("deleted", false)
        .append("createdAt", Date.from(Instant.parse("2026-01-02T03:04:05Z")))
        .append("duration", 61)
        .append("thumbnailKey", "assets/x/thumbnail.jpg")
        .append(
            "renditions",
            List.of(
                new Document("profile", "360p").append("status", "READY").append("width", 640)
                    .append("height", 360).append("bitrate", 800000).append("playlistKey", "k/360p/index.m3u8"),
                new Document("profile", "720p").append("status", "RUNNING"),
                new Document("profile", "1080p").append("status", "READY")));
  }

  @Test
  void aFullDocumentBecomesTheDesignBody() {
    AssetView view = AssetViews.toView(AssetDocuments.toAsset(full()), LINKS);

    assertThat(view.id()).isEqualTo("65a1b2c3d4e5f60718293a4b");
    assertThat(view.title()).isEqualTo("Trip");
    assertThat(view.access()).isEqualTo("unlisted");
    assertThat(view.status()).isEqualTo("PLAYABLE");
    assertThat(view.progress()).isEqualTo(40);
    assertThat(view.error()).isEqualTo(new AssetView.ErrorView("PROBE_FAILED", "bad"));
    assertThat(view.createdAt()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(view.duration()).isEqualTo(61.0);
    assertThat(view.metadata()).containsEntry("k", "v").containsEntry("n", "3");
    assertThat(view.thumbnailUrl()).isEqualTo("thumb:65a1b2c3d4e5f60718293a4b");
    assertThat(view.streamingUrl()).isEqualTo("stream:65a1b2c3d4e5f60718293a4b");
    // only READY renditions with a playlist are variants
    assertThat(view.variants())
        .containsExactly(new AssetView.VariantView("360p", 640, 360, 800000L, "variant:360p"));
  }

  @Test
  void aFreshUploadHasSafeDefaults() {
    Asset asset = AssetDocuments.toAsset(new Document("_id", "65a1b2c3d4e5f60718293a4b").append("owner", "a"));
    AssetView view = AssetViews.toView(asset, LINKS);

    assertThat(asset.access()).isEqualTo(Access.PRIVATE);
    assertThat(asset.deleted()).isFalse();
    assertThat(view.title()).isEqualTo("Untitled");
    assertThat(view.status()).isEqualTo("UPLOADING");
    assertThat(view.thumbnailUrl()).isNull();
    assertThat(view.streamingUrl()).isNull();
    assertThat(view.variants()).isEmpty();
    assertThat(view.duration()).isZero();
    assertThat(view.createdAt()).isNull();
  }

  @Test
  void storyboardAndImageVariantsAreRead() {
    Asset asset =
        AssetDocuments.toAsset(
            full()
                .append(
                    "renditions",
                    List.of(
                        new Document("profile", "720p").append("status", "READY")
                            .append("playlistKey", "assets/x/g2/720p/index.m3u8")
                            .append("storyboardKey", "assets/x/g2/storyboard/storyboard.vtt"),
                        new Document("profile", "360p").append("status", "READY")
                            .append("playlistKey", "assets/x/g2/360p/index.m3u8"),
                        new Document("profile", "image-1280").append("status", "READY")
                            .append("playlistKey", "assets/x/g2/image-1280/image.jpg"),
                        new Document("profile", "1080p").append("status", "RUNNING")
                            .append("storyboardKey", "assets/x/g2/storyboard/storyboard.vtt"))));

    assertThat(asset.storyboard()).hasValueSatisfying(r -> assertThat(r.profile()).isEqualTo("720p"));
    assertThat(asset.readyStreams()).extracting(Asset.Rendition::profile).containsExactly("720p", "360p");
    assertThat(asset.readyRenditions()).filteredOn(Asset.Rendition::image)
        .extracting(Asset.Rendition::profile).containsExactly("image-1280");
    assertThat(AssetDocuments.toAsset(full()).storyboard()).isEmpty();
  }

  @Test
  void versionAndDeletionAreRead() {
    Asset asset = AssetDocuments.toAsset(full().append("deleted", true).append("version", 9));
    assertThat(asset.deleted()).isTrue();
    assertThat(asset.version()).isEqualTo(9L);
    assertThat(asset.generation()).isEqualTo(2);
  }
}
