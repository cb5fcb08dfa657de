package io.mediaflow.api.ops;

import java.util.Comparator;
import java.util.List;

/** The pure part of the lag report: sums, order, and the suggested worker count. */
public final class LagMath {

  private LagMath() {}

  /** Records between the committed offset and the end; never negative (a racing commit can pass the end read). */
  public static long consumerLag(long committed, long endOffset) {
    return Math.max(0, endOffset - committed);
  }

  /** ceil(backlog / jobsPerWorker), at least 1 and at most maxWorkers. */
  public static int suggestedWorkers(long backlog, int jobsPerWorker, int maxWorkers) {
    long wanted = (backlog + jobsPerWorker - 1) / jobsPerWorker;
    return (int) Math.max(1, Math.min(maxWorkers, wanted));
  }

  public static LagView.Group group(String id, String type, String state, List<LagView.Partition> partitions) {
    List<LagView.Partition> sorted =
        partitions.stream()
            .sorted(Comparator.comparing(LagView.Partition::topic).thenComparingInt(LagView.Partition::partition))
            .toList();
    return new LagView.Group(id, type, state, sorted.stream().mapToLong(LagView.Partition::lag).sum(), sorted);
  }
}
