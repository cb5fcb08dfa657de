package io.mediaflow.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediaflow.ingest.error.IngestError;
import io.mediaflow.ingest.error.IngestException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BufferBudgetTest {

  static final long MIB = 1024 * 1024;

  @Test
  void reservationsShareTheBudgetAndAreGivenBackOnce() {
    BufferBudget budget = new BufferBudget(16 * MIB, Duration.ZERO);
    BufferBudget.Reservation a = budget.reserve(8 * MIB);
    BufferBudget.Reservation b = budget.reserve(8 * MIB);
    assertThat(budget.availableBytes()).isZero();
    assertThatThrownBy(() -> budget.reserve(1))
        .isInstanceOfSatisfying(IngestException.class, e -> assertThat(e.error()).isEqualTo(IngestError.OVERLOADED));
    a.close();
    a.close();
    assertThat(budget.availableBytes()).isEqualTo(8 * MIB);
    b.close();
    assertThat(budget.availableBytes()).isEqualTo(16 * MIB);
  }

  @Test
  void aPartLargerThanTheWholeBudgetRunsAloneInsteadOfNever() {
    BufferBudget budget = new BufferBudget(4 * MIB, Duration.ZERO);
    try (BufferBudget.Reservation big = budget.reserve(64 * MIB)) {
      assertThat(budget.availableBytes()).isZero();
    }
    assertThat(budget.availableBytes()).isEqualTo(4 * MIB);
  }

  @Test
  void aWaitingWriteGetsItsShareWhenAnotherEnds() throws Exception {
    BufferBudget budget = new BufferBudget(8 * MIB, Duration.ofMinutes(1));
    BufferBudget.Reservation held = budget.reserve(8 * MIB);
    Thread releaser = new Thread(held::close);
    releaser.start();
    try (BufferBudget.Reservation next = budget.reserve(8 * MIB)) {
      assertThat(budget.availableBytes()).isZero();
    }
    releaser.join();
  }

  @Test
  void theDefaultIsAThirdOfTheHeapWithAFloor() {
    assertThat(BufferBudget.defaultBytes(384 * MIB)).isEqualTo(128 * MIB);
    assertThat(BufferBudget.defaultBytes(24 * MIB)).isEqualTo(16 * MIB);
  }
}
