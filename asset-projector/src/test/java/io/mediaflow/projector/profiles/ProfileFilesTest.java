package io.mediaflow.projector.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.events.MediaKind;
import io.mediaflow.events.RenditionProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileFilesTest {

  @TempDir Path dir;

  @Test
  void validFilesAddOrOverrideProfilesAndInvalidOnesAreSkipped() throws Exception {
    Files.writeString(dir.resolve("540p.json"), "{\"width\":960,\"height\":540,\"videoBitrate\":\"1500k\",\"audioBitrate\":\"128k\"}");
    Files.writeString(dir.resolve("720p.json"), "{\"width\":1280,\"height\":720,\"videoBitrate\":\"3000k\"}");
    Files.writeString(dir.resolve("nobitrate.json"), "{\"width\":100,\"height\":100}");
    Files.writeString(dir.resolve("broken.json"), "{not json");
    Files.writeString(dir.resolve("zero.json"), "{\"width\":0,\"height\":100,\"videoBitrate\":\"1k\"}");
    Files.writeString(dir.resolve("bad name.json"), "{\"width\":10,\"height\":10,\"videoBitrate\":\"1k\"}");
    Files.writeString(dir.resolve("notes.txt"), "ignored");

    ProfileLadder ladder = ProfileFiles.ladder(dir);

    assertThat(ladder.ofKind(MediaKind.VIDEO).stream().map(RenditionProfile::getName))
        .containsExactly("360p", "480p", "540p", "720p", "1080p");
    RenditionProfile p720 = ladder.ofKind(MediaKind.VIDEO).get(3);
    assertThat(p720.getVideoBitrate()).isEqualTo("3000k");
    assertThat(p720.getAudioBitrate()).isEqualTo("128k");
  }

  @Test
  void aMissingDirectoryMeansTheDefaults() {
    assertThat(ProfileFiles.ladder(dir.resolve("absent"))).isEqualTo(ProfileLadder.defaults());
    assertThat(ProfileFiles.ladder(null)).isEqualTo(ProfileLadder.defaults());
  }

  @Test
  void bitratesAreParsedAsFfmpegWritesThem() {
    assertThat(Bitrates.bitsPerSecond("5000k")).isEqualTo(5_000_000);
    assertThat(Bitrates.bitsPerSecond("2M")).isEqualTo(2_000_000);
    assertThat(Bitrates.bitsPerSecond("128000")).isEqualTo(128_000);
    assertThat(Bitrates.valid("fast")).isFalse();
    assertThat(Bitrates.valid("0k")).isFalse();
  }
}
