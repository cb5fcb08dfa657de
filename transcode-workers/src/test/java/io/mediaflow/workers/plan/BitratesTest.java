package io.mediaflow.workers.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BitratesTest {

  @Test
  void readsFfmpegStyleValues() {
    assertThat(Bitrates.bitsPerSecond("2800k")).isEqualTo(2_800_000);
    assertThat(Bitrates.bitsPerSecond("5M")).isEqualTo(5_000_000);
    assertThat(Bitrates.bitsPerSecond("1.5m")).isEqualTo(1_500_000);
    assertThat(Bitrates.bitsPerSecond("128000")).isEqualTo(128_000);
    assertThat(Bitrates.bitsPerSecond(" 96K ")).isEqualTo(96_000);
  }

  @Test
  void blankMeansUnset() {
    assertThat(Bitrates.bitsPerSecond("")).isZero();
    assertThat(Bitrates.bitsPerSecond(null)).isZero();
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> Bitrates.bitsPerSecond("fast")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Bitrates.bitsPerSecond("-5k")).isInstanceOf(IllegalArgumentException.class);
  }
}
