package io.mediaflow.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediaflow.ingest.error.IngestError;
import io.mediaflow.ingest.error.IngestException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Any order and duplication of chunk PUTs ends with the same received set, counted once each. */
class ChunkDecisionProperties {

  static String shaOf(int index) {
    return String.format("%064x", index * 7919L + 1);
  }

  /** Replays PUTs the way ChunkWriter records them: a NEW decision stores, a repeat does not. */
  static int replay(List<Integer> puts, Map<Integer, String> stored) {
    int events = 0;
    for (int index : puts) {
      if (ChunkDecision.decide(stored, index, shaOf(index)) == ChunkDecision.NEW) {
        stored.put(index, shaOf(index));
        events++;
      }
    }
    return events;
  }

  @Property
  void anyOrderAndDuplicationGivesTheSetOfDistinctIndexes(
      @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 40) Integer> puts) {
    Map<Integer, String> stored = new HashMap<>();
    int events = replay(puts, stored);
    Set<Integer> distinct = new TreeSet<>(puts);
    assertThat(stored.keySet()).isEqualTo(distinct);
    assertThat(events).as("one ChunkStored per distinct index").isEqualTo(distinct.size());
  }

  @Property
  void aPermutationEndsInTheSameState(
      @ForAll @Size(max = 100) List<@IntRange(min = 0, max = 30) Integer> puts,
      @ForAll java.util.Random random) {
    List<Integer> shuffled = new java.util.ArrayList<>(puts);
    java.util.Collections.shuffle(shuffled, random);
    Map<Integer, String> a = new HashMap<>();
    Map<Integer, String> b = new HashMap<>();
    replay(puts, a);
    replay(shuffled, b);
    assertThat(a).isEqualTo(b);
  }

  @Property
  void otherContentAtAStoredIndexIsAConflictAndChangesNothing(
      @ForAll @IntRange(min = 0, max = 40) int index) {
    Map<Integer, String> stored = new HashMap<>(Map.of(index, shaOf(index)));
    assertThatThrownBy(() -> ChunkDecision.decide(stored, index, shaOf(index + 1)))
        .isInstanceOf(IngestException.class)
        .satisfies(e -> assertThat(((IngestException) e).error()).isEqualTo(IngestError.CHUNK_CONFLICT));
    assertThat(stored).containsExactly(Map.entry(index, shaOf(index)));
  }

  @Property
  void theSameContentIsADuplicateWhateverTheHexCase(@ForAll @IntRange(min = 0, max = 40) int index) {
    assertThat(ChunkDecision.decide(shaOf(index), index, shaOf(index).toUpperCase()))
        .isEqualTo(ChunkDecision.DUPLICATE);
  }
}
