package io.mediaflow.ingest.expiry;

import io.mediaflow.ingest.config.IngestProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs the expiry sweep every {@code mediaflow.ingest.sweep-interval} on each instance. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SweepScheduling implements SchedulingConfigurer {

  private final ExpirySweeper sweeper;
  private final IngestProperties props;

  SweepScheduling(ExpirySweeper sweeper, IngestProperties props) {
    this.sweeper = sweeper;
    this.props = props;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(sweeper::sweep, props.sweepInterval());
  }
}
