package io.mediaflow.projector.bench;

import io.mediaflow.schemas.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Starts the projection sink's group at the end of asset-state, so the upload run does not re-sink the replay's states. */
final class SinkOffsets {

  private SinkOffsets() {}

  static void skipToEnd(Admin admin, String bootstrap) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < Topics.ASSET_STATE.partitions(); p++) {
      latest.put(new TopicPartition(Topics.ASSET_STATE.name(), p), OffsetSpec.latest());
    }
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    ends.forEach((tp, info) -> offsets.put(tp, new OffsetAndMetadata(info.offset())));
    admin.alterConsumerGroupOffsets(Topics.PROJECTION_SINK_GROUP, offsets).all().get();
  }
}
