package io.mediaflow.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LagTableTest {

  @Test
  void everyPartitionIsARowAndTheBacklogIsSummedUp() {
    LagView view =
        new LagView(
            List.of(
                new LagView.Group("mediaflow-transcode-workers", "SHARE", "STABLE", 7,
                    List.of(new LagView.Partition("mediaflow.jobs", 0, 3, -1, 7))),
                new LagView.Group("idle", "CLASSIC", "EMPTY", 0, List.of())),
            7,
            2);

    String table = LagTable.render(view);

    assertThat(table.lines().findFirst()).hasValueSatisfying(h -> assertThat(h).startsWith("GROUP"));
    assertThat(table).contains("mediaflow-transcode-workers").contains("mediaflow.jobs").contains("SHARE");
    assertThat(table).contains("job backlog: 7   suggested workers: 2");
  }
}
