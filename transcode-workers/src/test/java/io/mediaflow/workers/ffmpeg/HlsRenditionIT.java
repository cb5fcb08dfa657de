package io.mediaflow.workers.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mediaflow.events.MediaInfo;
import io.mediaflow.events.MediaKind;
import io.mediaflow.workers.plan.Fixtures;
import io.mediaflow.workers.plan.HlsPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A planned rendition, encoded by the real ffmpeg: VOD playlist, relative segments, aligned cuts. */
@Tag("integration")
class HlsRenditionIT {

  @TempDir Path dir;

  @Test
  void videoRenditionCutsEverySegmentLengthWithRelativeNames() throws Exception {
    Path clip = TestMedia.clip(dir, "clip.mp4", 5, "320x240");
    MediaInfo media = Fixtures.media(MediaKind.VIDEO, 320, 240, "h264", "aac", 5);
    Path out = Files.createDirectories(dir.resolve("out"));
    HlsPlan plan = HlsPlan.of(Fixtures.video("240p", 426, 240, "300k", "64k"), media, 2, clip, out);
    List<Double> progress = new CopyOnWriteArrayList<>();

    new FfmpegRunner(TestMedia.binaries()).run(plan.command(), progress::add);

    List<String> playlist = Files.readAllLines(out.resolve("index.m3u8"));
    assertThat(playlist).contains("#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-ENDLIST", "seg_00001.ts", "seg_00002.ts", "seg_00003.ts");
    assertThat(playlist.stream().filter(l -> !l.startsWith("#"))).allMatch(l -> l.matches("seg_\\d{5}\\.ts"));
    List<Double> durations = playlist.stream().filter(l -> l.startsWith("#EXTINF:"))
        .map(l -> Double.parseDouble(l.substring(8, l.indexOf(',')))).toList();
    assertThat(durations).hasSize(3);
    assertThat(durations.get(0)).isCloseTo(2.0, within(0.05));
    assertThat(durations.get(1)).isCloseTo(2.0, within(0.05));
    assertThat(out.resolve("seg_00001.ts")).exists();
    assertThat(progress).isNotEmpty();
  }

  @Test
  void audioRenditionOfAnAudioSource() throws Exception {
    Path tone = TestMedia.audio(dir, "tone.mp3", 3);
    Path out = Files.createDirectories(dir.resolve("audio"));
    HlsPlan plan = HlsPlan.of(Fixtures.audio("audio", "64k"), Fixtures.media(MediaKind.AUDIO, 0, 0, null, "mp3", 3), 2, tone, out);

    new FfmpegRunner(TestMedia.binaries()).run(plan.command(), s -> {});

    assertThat(Files.readString(out.resolve("index.m3u8"))).contains("#EXT-X-PLAYLIST-TYPE:VOD", "seg_00001.ts");
  }
}
