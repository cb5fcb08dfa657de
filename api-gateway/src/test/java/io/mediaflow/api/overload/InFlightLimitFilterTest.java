package io.mediaflow.api.overload;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The in-flight limit: who gets a permit, who gets 503 OVERLOADED, and when a permit comes back. */
class InFlightLimitFilterTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final InFlightLimitFilter filter = new InFlightLimitFilter(2, registry);
  private final AtomicInteger served = new AtomicInteger();

  /** The controller of a Mono: starts async and returns the thread; the answer comes later. */
  private final FilterChain asyncController =
      (request, response) -> {
        served.incrementAndGet();
        request.startAsync();
      };

  private final FilterChain syncController = (request, response) -> served.incrementAndGet();

  @Test
  void beyondTheLimitARequestIsAnswered503OverloadedWithRetryAfterAndNotServed() throws Exception {
    startAsync("/api/assets/1");
    startAsync("/api/assets/2");

    MockHttpServletResponse third = send(get("/api/assets/3"), syncController);

    assertThat(third.getStatus()).isEqualTo(503);
    assertThat(third.getHeader("Retry-After")).isEqualTo("1");
    assertThat(third.getContentType()).startsWith("application/json");
    assertThat(third.getContentAsString())
        .startsWith("{\"error\":\"")
        .endsWith("\"code\":\"OVERLOADED\"}");
    assertThat(served).hasValue(2);
    assertThat(rejected()).isEqualTo(1.0);
    assertThat(inFlight()).isEqualTo(2.0);
  }

  @Test
  void whileTooManyRequestsWaitForAThreadEachOneReachedIsRefusedUntilTheQueueDrains() throws Exception {
    AtomicInteger waiting = new AtomicInteger(33);
    InFlightLimitFilter queued = new InFlightLimitFilter(96, 32, waiting::get, new SimpleMeterRegistry());
    MockHttpServletResponse refused = new MockHttpServletResponse();
    queued.doFilter(get("/api/assets/1"), refused, syncController);
    assertThat(refused.getStatus()).isEqualTo(503);
    assertThat(refused.getContentAsString()).contains("\"code\":\"OVERLOADED\"");
    assertThat(served).hasValue(0);

    MockHttpServletResponse health = new MockHttpServletResponse();
    queued.doFilter(get("/health"), health, syncController);
    assertThat(health.getStatus()).as("health is never refused").isEqualTo(200);

    waiting.set(32);
    MockHttpServletResponse admitted = new MockHttpServletResponse();
    queued.doFilter(get("/api/assets/1"), admitted, syncController);
    assertThat(admitted.getStatus()).isEqualTo(200);
  }

  @Test
  void anAsyncRequestHoldsItsPermitUntilItsAnswerIsComplete() throws Exception {
    MockHttpServletRequest first = startAsync("/api/assets/1");
    startAsync("/api/assets/2");
    assertThat(send(get("/api/assets/3"), syncController).getStatus()).isEqualTo(503);

    asyncContext(first).complete();

    assertThat(inFlight()).isEqualTo(1.0);
    assertThat(send(get("/api/assets/3"), syncController).getStatus()).isEqualTo(200);
  }

  @Test
  void anAsyncErrorOrTimeoutGivesThePermitBack() throws Exception {
    MockHttpServletRequest failed = startAsync("/api/assets/1");
    MockHttpServletRequest timedOut = startAsync("/api/assets/2");

    fire(failed, Event.ERROR);
    assertThat(inFlight()).isEqualTo(1.0);
    fire(timedOut, Event.TIMEOUT);
    assertThat(inFlight()).isZero();
  }

  @Test
  void aPermitIsGivenBackOnceWhateverTheContainerReports() throws Exception {
    MockHttpServletRequest request = startAsync("/api/assets/1");

    // an error is followed by completion, and a listener may be told more than once
    fire(request, Event.ERROR);
    fire(request, Event.TIMEOUT);
    asyncContext(request).complete();
    asyncContext(request).complete();

    assertThat(inFlight()).isZero();
    // had a permit come back twice, three requests would now fit under a limit of two
    startAsync("/api/assets/2");
    startAsync("/api/assets/3");
    assertThat(send(get("/api/assets/4"), syncController).getStatus()).isEqualTo(503);
  }

  @Test
  void aSynchronousRequestGivesItsPermitBackWhenItReturns() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(send(get("/api/assets/" + i), syncController).getStatus()).isEqualTo(200);
    }
    assertThat(inFlight()).isZero();
    assertThat(served).hasValue(5);
  }

  @Test
  void aRequestThatFailsGivesItsPermitBack() {
    FilterChain failing =
        (request, response) -> {
          throw new IOException("client went away");
        };
    for (int i = 0; i < 3; i++) {
      try {
        send(get("/api/assets/x"), failing);
      } catch (Exception expected) {
        // the container deals with it
      }
    }
    assertThat(inFlight()).isZero();
  }

  @Test
  void aSecondAsyncCycleKeepsThePermitUntilTheLastOneEnds() throws Exception {
    MockHttpServletRequest request = startAsync("/api/assets/1");
    MockAsyncContext context = asyncContext(request);
    // a new cycle: the container tells the listeners, then forgets them unless they register again
    List<AsyncListener> before = List.copyOf(context.getListeners());
    context.getListeners().clear();
    for (AsyncListener listener : before) {
      listener.onStartAsync(new AsyncEvent(context));
    }
    assertThat(inFlight()).isEqualTo(1.0);

    context.complete();

    assertThat(inFlight()).isZero();
  }

  @Test
  void healthAndActuatorAreAnsweredWhenTheLimitIsReached() throws Exception {
    startAsync("/api/assets/1");
    startAsync("/api/assets/2");

    for (String path : List.of("/health", "/actuator/prometheus", "/actuator/health/liveness")) {
      assertThat(send(get(path), syncController).getStatus()).as(path).isEqualTo(200);
    }
    assertThat(send(get("/healthz"), syncController).getStatus()).isEqualTo(503);
    assertThat(send(get("/api/health"), syncController).getStatus()).isEqualTo(503);
    assertThat(inFlight()).isEqualTo(2.0);
  }

  private enum Event {
    ERROR,
    TIMEOUT
  }

  private static void fire(MockHttpServletRequest request, Event event) throws IOException {
    MockAsyncContext context = asyncContext(request);
    for (AsyncListener listener : List.copyOf(context.getListeners())) {
      AsyncEvent e = new AsyncEvent(context, new IOException("broken pipe"));
      if (event == Event.ERROR) {
        listener.onError(e);
      } else {
        listener.onTimeout(e);
      }
    }
  }

  private MockHttpServletRequest startAsync(String path) throws Exception {
    MockHttpServletRequest request = get(path);
    assertThat(send(request, asyncController).getStatus()).isEqualTo(200);
    assertThat(request.isAsyncStarted()).isTrue();
    return request;
  }

  private static MockAsyncContext asyncContext(MockHttpServletRequest request) {
    return (MockAsyncContext) request.getAsyncContext();
  }

  private static MockHttpServletRequest get(String path) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    request.setServletPath(path); // as Tomcat sets it for the DispatcherServlet on "/"
    request.setAsyncSupported(true);
    return request;
  }

  private MockHttpServletResponse send(MockHttpServletRequest request, FilterChain chain) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, chain);
    return response;
  }

  private double inFlight() {
    return registry.get("mediaflow.api.requests.in.flight").gauge().value();
  }

  private double rejected() {
    return registry.get("mediaflow.api.requests.rejected").counter().count();
  }
}
