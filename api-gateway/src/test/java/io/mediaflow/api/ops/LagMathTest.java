package io.mediaflow.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class LagMathTest {

  @Test
  void consumerLagIsTheDistanceToTheEndNeverNegative() {
    assertThat(LagMath.consumerLag(7, 10)).isEqualTo(3);
    assertThat(LagMath.consumerLag(10, 10)).isZero();
    assertThat(LagMath.consumerLag(12, 10)).isZero();
  }

  @Test
  void workersAreTheBacklogOverJobsPerWorkerRoundedUpWithinBounds() {
    assertThat(LagMath.suggestedWorkers(0, 4, 16)).isEqualTo(1);
    assertThat(LagMath.suggestedWorkers(1, 4, 16)).isEqualTo(1);
    assertThat(LagMath.suggestedWorkers(4, 4, 16)).isEqualTo(1);
    assertThat(LagMath.suggestedWorkers(5, 4, 16)).isEqualTo(2);
    assertThat(LagMath.suggestedWorkers(1_000, 4, 16)).isEqualTo(16);
  }

  @Property
  void theSuggestionIsMonotoneAndBounded(
      @ForAll @LongRange(min = 0, max = 1_000_000) long backlog,
      @ForAll @IntRange(min = 1, max = 100) int perWorker,
      @ForAll @IntRange(min = 1, max = 64) int max) {
    int n = LagMath.suggestedWorkers(backlog, perWorker, max);
    assertThat(n).isBetween(1, max);
    assertThat(LagMath.suggestedWorkers(backlog + 1, perWorker, max)).isGreaterThanOrEqualTo(n);
    if (n < max) {
      assertThat((long) n * perWorker).isGreaterThanOrEqualTo(backlog);
    }
  }

  @Test
  void aGroupSumsItsPartitionsInTopicPartitionOrder() {
    LagView.Group group =
        LagMath.group("g", "CONSUMER", "STABLE",
            List.of(new LagView.Partition("b", 0, 1, 3, 2), new LagView.Partition("a", 1, 0, 5, 5),
                new LagView.Partition("a", 0, 0, 0, 0)));
    assertThat(group.totalLag()).isEqualTo(7);
    assertThat(group.partitions()).extracting(p -> p.topic() + p.partition()).containsExactly("a0", "a1", "b0");
  }
}
