package io.mediaflow.workers.media;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediaflow.events.MediaInfo;
import io.mediaflow.events.MediaKind;
import io.mediaflow.workers.failure.FailureCode;
import io.mediaflow.workers.failure.JobFailure;
import io.mediaflow.workers.plan.Fixtures;
import org.junit.jupiter.api.Test;

class MediaLimitsTest {

  static void fails(MediaInfo m, FailureCode code) {
    assertThatThrownBy(() -> MediaLimits.DEFAULT.check(m))
        .isInstanceOfSatisfying(JobFailure.class, f -> org.assertj.core.api.Assertions.assertThat(f.code()).isEqualTo(code));
  }

  @Test
  void ordinarySourcesPass() {
    assertThatCode(() -> MediaLimits.DEFAULT.check(Fixtures.media(MediaKind.VIDEO, 1920, 1080, "h264", "aac", 10))).doesNotThrowAnyException();
    assertThatCode(() -> MediaLimits.DEFAULT.check(Fixtures.media(MediaKind.AUDIO, 0, 0, null, "mp3", 10))).doesNotThrowAnyException();
    assertThatCode(() -> MediaLimits.DEFAULT.check(Fixtures.media(MediaKind.IMAGE, 4000, 3000, "mjpeg", null, 0))).doesNotThrowAnyException();
    assertThatCode(() -> MediaLimits.DEFAULT.check(Fixtures.media(MediaKind.VIDEO, 7680, 4320, "hevc", null, 1))).doesNotThrowAnyException();
  }

  @Test
  void noStreamsOrZeroDurationIsEmpty() {
    fails(Fixtures.media(MediaKind.UNKNOWN, 0, 0, null, null, 10), FailureCode.EMPTY_MEDIA);
    fails(Fixtures.media(MediaKind.VIDEO, 640, 360, "h264", null, 0), FailureCode.EMPTY_MEDIA);
    fails(Fixtures.media(MediaKind.AUDIO, 0, 0, null, "aac", 0), FailureCode.EMPTY_MEDIA);
  }

  @Test
  void hugeOrUnknownPicturesAreRefused() {
    fails(Fixtures.media(MediaKind.VIDEO, 60000, 60000, "h264", null, 10), FailureCode.DIMENSIONS_TOO_LARGE);
    fails(Fixtures.media(MediaKind.VIDEO, 8193, 100, "h264", null, 10), FailureCode.DIMENSIONS_TOO_LARGE);
    fails(Fixtures.media(MediaKind.IMAGE, 8192, 8192, "png", null, 0), FailureCode.DIMENSIONS_TOO_LARGE);
    fails(Fixtures.media(MediaKind.VIDEO, 0, 0, "h264", null, 10), FailureCode.CORRUPT_MEDIA);
  }
}
