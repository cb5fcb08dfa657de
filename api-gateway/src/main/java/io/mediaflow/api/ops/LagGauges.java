package io.mediaflow.api.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lag report as gauge rows (pure): one row per group, topic and partition, with the labels
 * Prometheus shows ({@code group}, {@code type}, {@code topic}, {@code partition}).
 */
final class LagGauges {

  /** Prometheus: {@code mediaflow_kafka_group_lag{group,type,topic,partition}}. */
  static final String GROUP_LAG = "mediaflow.kafka.group.lag";
  /** Prometheus: {@code mediaflow_jobs_backlog}. */
  static final String JOB_BACKLOG = "mediaflow.jobs.backlog";
  /** Prometheus: {@code mediaflow_workers_suggested}. */
  static final String SUGGESTED_WORKERS = "mediaflow.workers.suggested";
  /** Prometheus: {@code mediaflow_kafka_lag_refresh_failures_total}. */
  static final String REFRESH_FAILURES = "mediaflow.kafka.lag.refresh.failures";

  private LagGauges() {}

  /** One partition's lag with its labels; {@code type} lower-case (consumer, classic, share). */
  record Row(String group, String type, String topic, int partition, long lag) {}

  static List<Row> rows(LagView view) {
    List<Row> rows = new ArrayList<>();
    for (LagView.Group g : view.groups()) {
      String type = g.type().toLowerCase(Locale.ROOT);
      for (LagView.Partition p : g.partitions()) {
        rows.add(new Row(g.group(), type, p.topic(), p.partition(), p.lag()));
      }
    }
    return rows;
  }
}
