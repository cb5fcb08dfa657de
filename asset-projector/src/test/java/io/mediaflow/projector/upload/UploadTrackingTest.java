package io.mediaflow.projector.upload;

import static io.mediaflow.projector.fixtures.Events.aborted;
import static io.mediaflow.projector.fixtures.Events.chunk;
import static io.mediaflow.projector.fixtures.Events.chunkAt;
import static io.mediaflow.projector.fixtures.Events.chunkKey;
import static io.mediaflow.projector.fixtures.Events.started;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.events.AbortReason;
import io.mediaflow.events.UploadEvent;
import io.mediaflow.events.UploadStarted;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class UploadTrackingTest {

  private static final String ID = "0123456789abcdef01234567";

  @Property(tries = 300)
  void completesExactlyOnceWhateverTheOrderAndDuplication(@ForAll("shuffledWithDuplicates") List<UploadEvent> events) {
    UploadTracking t = UploadTracking.empty();
    MemoryChunkLedger ledger = new MemoryChunkLedger();
    int completions = 0;
    for (UploadEvent e : events) {
      UploadTracking.Step step = t.apply(e, ledger);
      t = step.tracking();
      completions += step.justCompleted() ? 1 : 0;
    }
    assertThat(completions).isEqualTo(1);
    assertThat(t.completed()).isTrue();
    int total = t.started().getTotalChunks();
    assertThat(t.received()).isEqualTo(total);
    assertThat(t.orderedChunkKeys(ID, ledger)).containsExactlyElementsOf(IntStream.range(0, total).mapToObj(i -> chunkKey(ID, i)).toList());
  }

  @Property(tries = 200)
  void anAbortedUploadNeverCompletes(@ForAll("shuffledWithDuplicates") List<UploadEvent> events, @ForAll AbortReason reason) {
    List<UploadEvent> withAbortFirst = new ArrayList<>(events);
    withAbortFirst.add(0, aborted(ID, reason));
    UploadTracking t = UploadTracking.empty();
    MemoryChunkLedger ledger = new MemoryChunkLedger();
    for (UploadEvent e : withAbortFirst) {
      UploadTracking.Step step = t.apply(e, ledger);
      assertThat(step.justCompleted()).isFalse();
      t = step.tracking();
    }
    assertThat(t.aborted()).isTrue();
    assertThat(ledger.all()).isEmpty();
  }

  @Provide
  Arbitrary<List<UploadEvent>> shuffledWithDuplicates() {
    Arbitrary<Integer> totals = Arbitraries.integers().between(1, 40);
    return totals.flatMap(total -> {
      Arbitrary<List<Integer>> duplicates = Arbitraries.integers().between(0, total - 1).list().ofMaxSize(2 * total);
      Arbitrary<Integer> startedAt = Arbitraries.integers().between(0, total);
      return Combinators.combine(duplicates, startedAt).flatAs((dups, at) -> {
        List<UploadEvent> events = new ArrayList<>();
        IntStream.range(0, total).forEach(i -> events.add(chunk(ID, i)));
        dups.forEach(i -> events.add(chunk(ID, i)));
        return Arbitraries.shuffle(events).map(shuffled -> {
          List<UploadEvent> all = new ArrayList<>(shuffled);
          all.add(Math.min(at, all.size()), started(ID, total));
          return all;
        });
      });
    });
  }

  private final MemoryChunkLedger ledger = new MemoryChunkLedger();

  @Test
  void incompleteUntilTheLastMissingIndexArrives() {
    UploadTracking t = UploadTracking.empty().apply(started(ID, 3), ledger).tracking();
    t = t.apply(chunk(ID, 0), ledger).tracking().apply(chunk(ID, 2), ledger).tracking();
    assertThat(t.isComplete()).isFalse();
    UploadTracking.Step last = t.apply(chunk(ID, 1), ledger);
    assertThat(last.justCompleted()).isTrue();
    assertThat(last.tracking().apply(chunk(ID, 1), ledger).justCompleted()).isFalse();
  }

  @Test
  void chunksWithoutAStartNeverComplete() {
    UploadTracking t = UploadTracking.empty().apply(chunk(ID, 0), ledger).tracking();
    assertThat(t.isComplete()).isFalse();
    assertThat(t.apply(started(ID, 1), ledger).justCompleted()).isTrue();
  }

  @Test
  void outOfRangeIndexesDoNotCount() {
    UploadTracking t = UploadTracking.empty().apply(chunk(ID, 5), ledger).tracking().apply(chunk(ID, -1), ledger).tracking();
    t = t.apply(started(ID, 2), ledger).tracking().apply(chunk(ID, 0), ledger).tracking();
    assertThat(t.isComplete()).isFalse();
    assertThat(t.apply(chunk(ID, 7), ledger).justCompleted()).isFalse();
    assertThat(t.apply(chunk(ID, 1), ledger).justCompleted()).isTrue();
  }

  @Test
  void aChunkAfterExpiryIsIgnoredSoAnExpiredUploadNeverCompletes() {
    UploadTracking t = UploadTracking.empty().apply(started(ID, 1), ledger).tracking();
    UploadTracking.Step late = t.apply(chunkAt(ID, 0, t.started().getExpiresAt().plusMillis(1)), ledger);
    assertThat(late.justCompleted()).isFalse();
    assertThat(late.tracking().received()).isZero();
    assertThat(ledger.all()).isEmpty();
  }

  @Test
  void aDuplicateChunkNeitherCountsNorTouchesTheLedger() {
    UploadTracking t = UploadTracking.empty().apply(started(ID, 3), ledger).tracking().apply(chunk(ID, 1), ledger).tracking();
    assertThat(t.apply(chunk(ID, 1), ledger).tracking()).isEqualTo(t);
    assertThat(t.received()).isEqualTo(1);
    assertThat(ledger.all()).containsOnlyKeys(1);
  }

  @Test
  void keysMissingFromTheLedgerFollowTheContract() {
    // an aggregate of the earlier store format has a count but no ledger entries
    UploadTracking legacy = new UploadTracking((UploadStarted) started(ID, 2).getEvent(), 2, null, true);
    ledger.put(1, "custom/key");
    assertThat(legacy.orderedChunkKeys(ID, ledger)).containsExactly(chunkKey(ID, 0), "custom/key");
  }

  @Test
  void anAbortAfterCompletionChangesNothing() {
    UploadTracking t = UploadTracking.empty().apply(started(ID, 1), ledger).tracking().apply(chunk(ID, 0), ledger).tracking();
    assertThat(t.apply(aborted(ID, AbortReason.EXPIRED), ledger).tracking()).isEqualTo(t);
  }
}
