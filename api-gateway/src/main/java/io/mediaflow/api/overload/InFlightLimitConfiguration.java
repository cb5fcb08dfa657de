package io.mediaflow.api.overload;

import io.mediaflow.api.config.ApiProperties;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts {@link InFlightLimitFilter} in front of everything but Spring's HTTP metrics. */
@Configuration(proxyBeanMethods = false)
class InFlightLimitConfiguration {

  /**
   * Right after the observation filter ({@code HIGHEST_PRECEDENCE + 1}), so a rejection still shows
   * in {@code http_server_requests} as a 503, and before Spring Security, so a rejection costs no
   * token check. Only the first dispatch of a request takes a permit; its async dispatch does not.
   */
  @Bean
  FilterRegistrationBean<InFlightLimitFilter> inFlightLimitFilter(ApiProperties props, MeterRegistry registry, TomcatQueue queue) {
    FilterRegistrationBean<InFlightLimitFilter> registration =
        new FilterRegistrationBean<>(new InFlightLimitFilter(props.maxInFlight(), props.maxQueued(), queue, registry));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    return registration;
  }

  @Bean
  TomcatQueue tomcatQueue() {
    return new TomcatQueue();
  }

  /** Lets {@link TomcatQueue} see the connector's executor. */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatQueueCapture(TomcatQueue queue) {
    return factory -> factory.addConnectorCustomizers(queue::connector);
  }
}
