package io.mediaflow.workers.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AssemblyTest {

  static final long MIB = 1024 * 1024;

  @Test
  void oneChunkIsCopied() {
    assertThat(Assembly.choose(List.of(10L))).isEqualTo(Assembly.COPY);
  }

  @Test
  void serverSideWhenEveryPartButTheLastIsFiveMib() {
    assertThat(Assembly.choose(List.of(5 * MIB, 5 * MIB, 1L))).isEqualTo(Assembly.COMPOSE);
    assertThat(Assembly.choose(List.of(8 * MIB, 5 * MIB))).isEqualTo(Assembly.COMPOSE);
  }

  @Test
  void streamedWhenAnEarlierPartIsSmall() {
    assertThat(Assembly.choose(List.of(5 * MIB - 1, 5 * MIB))).isEqualTo(Assembly.STREAM);
    assertThat(Assembly.choose(List.of(5 * MIB, 1L, 5 * MIB))).isEqualTo(Assembly.STREAM);
  }

  @Test
  void noChunksIsAMistake() {
    assertThatThrownBy(() -> Assembly.choose(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
