package io.mediaflow.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LagGaugesTest {

  @Test
  void onePerGroupTopicAndPartition_typeLowerCase() {
    LagView view =
        new LagView(
            List.of(
                LagMath.group("projector", "Consumer", "Stable",
                    List.of(new LagView.Partition("mediaflow.uploads", 1, 10, 12, 2),
                        new LagView.Partition("mediaflow.uploads", 0, 5, 5, 0))),
                LagMath.group("mediaflow-transcode-workers", "Share", "Empty",
                    List.of(new LagView.Partition("mediaflow.jobs", 0, 0, -1, 7)))),
            7, 2);

    assertThat(LagGauges.rows(view))
        .containsExactly(
            new LagGauges.Row("projector", "consumer", "mediaflow.uploads", 0, 0),
            new LagGauges.Row("projector", "consumer", "mediaflow.uploads", 1, 2),
            new LagGauges.Row("mediaflow-transcode-workers", "share", "mediaflow.jobs", 0, 7));
  }

  @Test
  void aGroupWithoutPartitionsHasNoRows() {
    LagView view = new LagView(List.of(LagMath.group("idle", "Classic", "Empty", List.of())), 0, 1);

    assertThat(LagGauges.rows(view)).isEmpty();
  }
}
