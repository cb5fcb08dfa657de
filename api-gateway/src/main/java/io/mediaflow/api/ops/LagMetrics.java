package io.mediaflow.api.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the lag report of {@code GET /api/ops/lag} as gauges, refreshed on a schedule from the
 * same Admin-API computation ({@link LagService}), so Prometheus scrapes never wait on Kafka and an
 * autoscaler can follow {@code mediaflow_jobs_backlog} or {@code mediaflow_workers_suggested}.
 * Partitions of groups that disappeared are dropped at the next refresh; while Kafka cannot be
 * read the last values stay and {@code mediaflow_kafka_lag_refresh_failures_total} counts up.
 */
final class LagMetrics implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(LagMetrics.class);
  private final LagService lag;
  private final Duration interval;
  private final MultiGauge groupLag;
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong suggestedWorkers = new AtomicLong(1);
  private final Counter failures;
  private volatile ScheduledExecutorService scheduler;
  private volatile boolean failing;

  LagMetrics(LagService lag, MeterRegistry registry, Duration interval) {
    this.lag = lag;
    this.interval = interval;
    this.groupLag =
        MultiGauge.builder(LagGauges.GROUP_LAG)
            .description("Records not yet processed per group, topic and partition (share groups: in-flight included)")
            .register(registry);
    Gauge.builder(LagGauges.JOB_BACKLOG, backlog, AtomicLong::get)
        .description("The worker share group's lag on the jobs topic")
        .register(registry);
    Gauge.builder(LagGauges.SUGGESTED_WORKERS, suggestedWorkers, AtomicLong::get)
        .description("ceil(job backlog / jobs per worker) within [1, max workers]")
        .register(registry);
    this.failures =
        Counter.builder(LagGauges.REFRESH_FAILURES)
            .description("Lag refreshes that could not read Kafka (the gauges keep their last values)")
            .register(registry);
  }

  /** One refresh; public to the package so tests can run it without waiting for the schedule. */
  void refresh() {
    try {
      LagView view = lag.lag();
      groupLag.register(
          LagGauges.rows(view).stream()
              .map(
                  r ->
                      MultiGauge.Row.of(
                          Tags.of("group", r.group(), "type", r.type(), "topic", r.topic(),
                              "partition", Integer.toString(r.partition())),
                          r.lag()))
              .toList(),
          true);
      backlog.set(view.jobBacklog());
      suggestedWorkers.set(view.suggestedWorkers());
      failing = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      failures.increment();
      if (!failing) {
        log.warn("cannot refresh the lag metrics from Kafka (will retry every {}): {}", interval, e.toString());
      }
      failing = true;
    }
  }

  @Override
  public void start() {
    ScheduledExecutorService s =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "lag-metrics");
              t.setDaemon(true);
              return t;
            });
    s.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    scheduler = s;
  }

  @Override
  public void stop() {
    ScheduledExecutorService s = scheduler;
    scheduler = null;
    if (s != null) {
      s.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}
