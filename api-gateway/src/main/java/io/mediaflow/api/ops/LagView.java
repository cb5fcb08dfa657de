package io.mediaflow.api.ops;

import java.util.List;

/**
 * GET /api/ops/lag: lag per consumer or share group, topic and partition, the job backlog (the
 * worker share group's lag) and how many workers would absorb it.
 */
public record LagView(List<Group> groups, long jobBacklog, int suggestedWorkers) {

  /** One group; {@code type} is CONSUMER, CLASSIC or SHARE, as the broker reports it. */
  public record Group(String group, String type, String state, long totalLag, List<Partition> partitions) {}

  /**
   * @param offset the committed offset (consumer groups) or the share-partition start offset
   * @param endOffset the log end offset, or -1 where the broker computes the lag itself (share groups)
   * @param lag records not yet processed; for share groups in-flight ones included
   */
  public record Partition(String topic, int partition, long offset, long endOffset, long lag) {}
}
