package io.mediaflow.api.ops;

import io.mediaflow.api.config.ApiProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LagMetricsConfiguration {

  /** Lag, job backlog and suggested workers as gauges (README, "Metrics"). */
  @Bean
  LagMetrics lagMetrics(LagService lag, MeterRegistry registry, ApiProperties props) {
    return new LagMetrics(lag, registry, props.ops().lagMetricsInterval());
  }
}
