package io.mediaflow.workers.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.events.MediaKind;
import org.junit.jupiter.api.Test;

class DeclaredTypeTest {

  static final SniffedType MP4 = SniffedType.av("video/mp4");
  static final SniffedType MP3 = SniffedType.of("audio/mpeg", MediaKind.AUDIO);
  static final SniffedType PNG = SniffedType.of("image/png", MediaKind.IMAGE);

  @Test
  void sameKindIsAccepted() {
    assertThat(DeclaredType.accepts("video/mp4", MP4)).isTrue();
    assertThat(DeclaredType.accepts("video/webm", MP4)).as("loosely labelled").isTrue();
    assertThat(DeclaredType.accepts("audio/mp4", MP4)).as("an m4a").isTrue();
    assertThat(DeclaredType.accepts("audio/mpeg", MP3)).isTrue();
    assertThat(DeclaredType.accepts("IMAGE/PNG", PNG)).isTrue();
    assertThat(DeclaredType.accepts("application/octet-stream", MP3)).isTrue();
    assertThat(DeclaredType.accepts("", PNG)).isTrue();
  }

  @Test
  void otherKindOrNotMediaIsRefused() {
    assertThat(DeclaredType.accepts("video/mp4", MP3)).isFalse();
    assertThat(DeclaredType.accepts("image/png", MP4)).isFalse();
    assertThat(DeclaredType.accepts("video/mp4", SniffedType.notMedia("text/plain"))).isFalse();
    assertThat(DeclaredType.accepts("application/octet-stream", SniffedType.notMedia("text/x-ffconcat"))).isFalse();
    assertThat(DeclaredType.accepts("application/x-mpegurl", MP4)).isFalse();
  }
}
