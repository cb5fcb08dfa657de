package io.mediaflow.api.ops;

import io.mediaflow.api.config.ApiProperties;
import io.mediaflow.schemas.Topics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ShareGroupDescription;
import org.apache.kafka.clients.admin.SharePartitionOffsetInfo;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/** Reads group lag from the Kafka Admin API: consumer groups by offsets, share groups as the broker reports. */
@Service
class LagService {

  private static final long TIMEOUT_SECONDS = 10;
  private final Admin admin;
  private final ApiProperties.Ops ops;

  LagService(@Lazy Admin admin, ApiProperties props) {
    this.admin = admin;
    this.ops = props.ops();
  }

  LagView lag() throws ExecutionException, InterruptedException, TimeoutException {
    List<LagView.Group> groups = new ArrayList<>();
    for (GroupListing listing : get(admin.listGroups().all())) {
      GroupType type = listing.type().orElse(GroupType.UNKNOWN);
      String state = listing.groupState().map(Object::toString).orElse("UNKNOWN");
      List<LagView.Partition> partitions =
          switch (type) {
            case SHARE -> sharePartitions(listing.groupId());
            case CONSUMER, CLASSIC -> consumerPartitions(listing.groupId());
            default -> List.of();
          };
      groups.add(LagMath.group(listing.groupId(), type.toString(), state, partitions));
    }
    groups.sort(Comparator.comparing(LagView.Group::group));
    long backlog =
        groups.stream()
            .filter(g -> g.group().equals(ops.workerGroup()))
            .flatMap(g -> g.partitions().stream())
            .filter(p -> p.topic().equals(Topics.JOBS.name()))
            .mapToLong(LagView.Partition::lag)
            .sum();
    return new LagView(groups, backlog, LagMath.suggestedWorkers(backlog, ops.jobsPerWorker(), ops.maxWorkers()));
  }

  private List<LagView.Partition> consumerPartitions(String group)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<TopicPartition, OffsetAndMetadata> committed =
        get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
    Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
    committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
    var ends = get(admin.listOffsets(latest).all());
    List<LagView.Partition> out = new ArrayList<>();
    committed.forEach(
        (tp, offset) -> {
          if (offset != null && ends.containsKey(tp)) {
            long end = ends.get(tp).offset();
            out.add(new LagView.Partition(tp.topic(), tp.partition(), offset.offset(), end,
                LagMath.consumerLag(offset.offset(), end)));
          }
        });
    return out;
  }

  private List<LagView.Partition> sharePartitions(String group)
      throws ExecutionException, InterruptedException, TimeoutException {
    Set<TopicPartition> partitions = new HashSet<>();
    ShareGroupDescription description = get(admin.describeShareGroups(List.of(group)).describedGroups().get(group));
    description.members().forEach(m -> partitions.addAll(m.assignment().topicPartitions()));
    if (group.equals(ops.workerGroup())) {
      // the backlog matters most when no worker runs, i.e. when no member has an assignment
      for (int p = 0; p < Topics.JOBS.partitions(); p++) {
        partitions.add(new TopicPartition(Topics.JOBS.name(), p));
      }
    }
    if (partitions.isEmpty()) {
      return List.of();
    }
    // as kafka-share-groups --describe does: ask for the partitions the group works on
    Map<TopicPartition, SharePartitionOffsetInfo> infos =
        get(admin.listShareGroupOffsets(Map.of(group, new ListShareGroupOffsetsSpec().topicPartitions(partitions)))
            .partitionsToOffsetInfo(group));
    List<LagView.Partition> out = new ArrayList<>();
    infos.forEach(
        (tp, info) -> {
          if (info != null) {
            out.add(new LagView.Partition(tp.topic(), tp.partition(), info.startOffset(), -1, info.lag().orElse(0L)));
          }
        });
    return out;
  }

  private static <T> T get(KafkaFuture<T> future)
      throws ExecutionException, InterruptedException, TimeoutException {
    return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
