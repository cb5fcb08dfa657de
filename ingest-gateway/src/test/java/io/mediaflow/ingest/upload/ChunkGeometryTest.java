package io.mediaflow.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediaflow.ingest.error.IngestError;
import io.mediaflow.ingest.error.IngestException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ChunkGeometryTest {

  @Test
  void splitsIntoFullChunksAndAShortLastOne() {
    ChunkGeometry g = new ChunkGeometry(25, 10);
    assertThat(g.totalChunks()).isEqualTo(3);
    assertThat(g.expectedSize(0)).isEqualTo(10);
    assertThat(g.expectedSize(1)).isEqualTo(10);
    assertThat(g.expectedSize(2)).isEqualTo(5);
  }

  @Test
  void anExactMultipleHasNoShortChunk() {
    ChunkGeometry g = new ChunkGeometry(30, 10);
    assertThat(g.totalChunks()).isEqualTo(3);
    assertThat(g.expectedSize(2)).isEqualTo(10);
  }

  @Test
  void aFileSmallerThanAChunkIsOneChunk() {
    assertThat(new ChunkGeometry(1, 10).totalChunks()).isEqualTo(1);
    assertThat(new ChunkGeometry(1, 10).expectedSize(0)).isEqualTo(1);
  }

  @Test
  void refusesAnIndexOutOfRange() {
    ChunkGeometry g = new ChunkGeometry(25, 10);
    assertThatThrownBy(() -> g.checkIndex(3)).isInstanceOf(IngestException.class)
        .satisfies(e -> assertThat(((IngestException) e).error()).isEqualTo(IngestError.CHUNK_INDEX_OUT_OF_RANGE));
    assertThatThrownBy(() -> g.checkIndex(-1)).isInstanceOf(IngestException.class);
  }

  @Test
  void refusesADeclaredLengthLargerThanTheChunkSize() {
    ChunkGeometry g = new ChunkGeometry(25, 10);
    assertThatThrownBy(() -> g.checkDeclaredLength(0, 11))
        .satisfies(e -> assertThat(((IngestException) e).error()).isEqualTo(IngestError.CHUNK_TOO_LARGE));
  }

  @Test
  void refusesALastChunkOfTheWrongLength() {
    ChunkGeometry g = new ChunkGeometry(25, 10);
    assertThatThrownBy(() -> g.checkDeclaredLength(2, 10))
        .satisfies(e -> assertThat(((IngestException) e).error()).isEqualTo(IngestError.CHUNK_SIZE_MISMATCH));
    assertThatThrownBy(() -> g.checkDeclaredLength(0, 9))
        .satisfies(e -> assertThat(((IngestException) e).error()).isEqualTo(IngestError.CHUNK_SIZE_MISMATCH));
  }

  @Test
  void anUnknownLengthIsCheckedAfterStreaming() {
    new ChunkGeometry(25, 10).checkDeclaredLength(2, -1);
  }

  @Property
  void chunksTileTheFileExactly(
      @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long size,
      @ForAll @LongRange(min = 1_000, max = 100_000_000L) long chunk) {
    ChunkGeometry g = new ChunkGeometry(size, chunk);
    int total = g.totalChunks();
    long last = g.expectedSize(total - 1);
    assertThat(last).isBetween(1L, chunk);
    assertThat(g.offsetOf(total - 1) + last).isEqualTo(size);
    assertThat(g.offsetOf(0)).isZero();
  }
}
