package io.mediaflow.api.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.api.assets.Asset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaylistsTest {

  static Asset.Rendition rendition(String profile, Integer w, Integer h, Long bitrate, String codecs) {
    return new Asset.Rendition(profile, "READY", w, h, bitrate, codecs, "assets/a/g1/" + profile + "/index.m3u8", null);
  }

  @Test
  void theMasterListsReadyRenditionsLowestBandwidthFirst() {
    String master =
        MasterPlaylist.build(
            List.of(
                rendition("720p", 1280, 720, 2_800_000L, null),
                rendition("360p", 640, 360, 800_000L, "avc1.4d401e,mp4a.40.2")),
            r -> "/u/" + r.profile());

    assertThat(master)
        .isEqualTo(
            "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360,CODECS=\"avc1.4d401e,mp4a.40.2\"\n/u/360p\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=2800000,RESOLUTION=1280x720,CODECS=\"avc1.64001f,mp4a.40.2\"\n/u/720p\n");
  }

  @Test
  void audioOnlyHasNoResolution_unknownBitrateGetsADefault_unsafeCodecsAreReplaced() {
    String master =
        MasterPlaylist.build(List.of(rendition("audio", null, null, null, "mp4a\"\n#EVIL")), r -> "/a");

    assertThat(master)
        .contains("#EXT-X-STREAM-INF:BANDWIDTH=1000000,CODECS=\"avc1.64001f,mp4a.40.2\"\n/a\n")
        .doesNotContain("EVIL", "RESOLUTION");
  }

  @Test
  void segmentsAndTheInitSegmentBecomeSignedUrls() {
    String playlist =
        "#EXTM3U\r\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:4\n#EXT-X-MAP:URI=\"init.mp4\"\n"
            + "#EXTINF:4.0,\nseg_00001.ts\n\n#EXTINF:2.5,\nseg_00002.ts\n#EXT-X-ENDLIST\n";

    String rewritten = PlaylistRewriter.rewrite(playlist, f -> "/s/" + f + "?sig");

    assertThat(rewritten)
        .isEqualTo(
            "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:4\n#EXT-X-MAP:URI=\"/s/init.mp4?sig\"\n"
                + "#EXTINF:4.0,\n/s/seg_00001.ts?sig\n#EXTINF:2.5,\n/s/seg_00002.ts?sig\n#EXT-X-ENDLIST\n");
  }

  @Test
  void referencesOutsideTheRenditionAreDropped() {
    String playlist =
        "#EXTM3U\n#EXTINF:4,\n../../other/source\n#EXTINF:4,\nhttp://169.254.169.254/x\n"
            + "#EXT-X-KEY:METHOD=AES-128,URI=\"../key\"\n#EXTINF:4,\nok.ts\n";

    assertThat(PlaylistRewriter.rewrite(playlist, f -> "/s/" + f))
        .isEqualTo("#EXTM3U\n#EXTINF:4,\n#EXTINF:4,\n#EXTINF:4,\n/s/ok.ts\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "a..b", "../x", "a/b", "", "a b", "x%2F", "\u00e9"})
  void unsafeNamesAreRefused(String name) {
    assertThat(PlaybackPaths.safeName(name)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"360p", "index.m3u8", "seg_00001.ts", "init-0.mp4"})
  void plainNamesAreAccepted(String name) {
    assertThat(PlaybackPaths.safeName(name)).isTrue();
  }

  @Test
  void segmentKeysAreBesideThePlaylist() {
    assertThat(PlaybackPaths.siblingKey(rendition("720p", 1, 1, 1L, null), "seg_00001.ts"))
        .isEqualTo("assets/a/g1/720p/seg_00001.ts");
  }
}
