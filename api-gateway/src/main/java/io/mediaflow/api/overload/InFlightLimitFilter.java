package io.mediaflow.api.overload;

import io.mediaflow.api.errors.ApiError;
import io.mediaflow.platform.security.JsonErrors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the requests in flight (issue #8): without it, requests whose {@code Mono} waits on a slow
 * dependency pile up until the heap is gone, since they hold no Tomcat thread. A request that finds
 * no permit is answered {@code 503 OVERLOADED} with {@code Retry-After} at once, before any other
 * work (token, database). A permit is held until the answer is complete, async ones included.
 * {@code /health} and {@code /actuator/**} are never limited, so monitoring sees a busy gateway.
 */
final class InFlightLimitFilter extends OncePerRequestFilter {

  static final String RETRY_AFTER_SECONDS = "1";

  private final int limit;
  private final Semaphore permits;
  private final int maxQueued;
  private final IntSupplier queued;
  private final Counter rejected;

  InFlightLimitFilter(int limit, MeterRegistry registry) {
    this(limit, Integer.MAX_VALUE, () -> 0, registry);
  }

  /**
   * @param maxQueued requests allowed to wait for a Tomcat thread; while more wait, each request a
   *     thread takes is refused at once (cheaply), which drains the queue instead of letting every
   *     request wait its turn for a minute
   * @param queued how many wait now ({@link TomcatQueue})
   */
  InFlightLimitFilter(int limit, int maxQueued, IntSupplier queued, MeterRegistry registry) {
    this.limit = limit;
    this.maxQueued = maxQueued;
    this.queued = queued;
    this.permits = new Semaphore(limit);
    Gauge.builder("mediaflow.api.requests.in.flight", this, InFlightLimitFilter::inFlight)
        .description("requests being answered (async ones until complete); at most mediaflow.api.max-in-flight")
        .register(registry);
    this.rejected =
        Counter.builder("mediaflow.api.requests.rejected")
            .description("requests answered 503 OVERLOADED because max-in-flight were being answered")
            .register(registry);
  }

  int inFlight() {
    return limit - permits.availablePermits();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return path.equals("/health") || path.equals("/actuator") || path.startsWith("/actuator/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (queued.getAsInt() > maxQueued || !permits.tryAcquire()) {
      rejected.increment();
      ApiError error = ApiError.OVERLOADED;
      response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
      JsonErrors.write(response, error.status(), error.code(), error.message());
      return;
    }
    Permit permit = new Permit(permits);
    boolean async = false;
    try {
      chain.doFilter(request, response);
      if (request.isAsyncStarted()) {
        request.getAsyncContext().addListener(permit);
        async = true; // only now: a listener that could not be added must not strand the permit
      }
    } finally {
      if (!async) {
        permit.release();
      }
    }
  }

  /**
   * One request's permit, given back exactly once: by the thread that served a synchronous request,
   * or by the first of the container's end-of-async callbacks (an error or a timeout is followed by
   * completion, so without the guard a permit would be returned twice and the limit would grow).
   */
  static final class Permit implements AsyncListener {

    private final Semaphore permits;
    private final AtomicBoolean released = new AtomicBoolean();

    Permit(Semaphore permits) {
      this.permits = permits;
    }

    void release() {
      if (released.compareAndSet(false, true)) {
        permits.release();
      }
    }

    @Override
    public void onComplete(AsyncEvent event) {
      release();
    }

    @Override
    public void onError(AsyncEvent event) {
      release();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      release();
    }

    /** A new async cycle drops the listeners of the last one: stay registered until the end. */
    @Override
    public void onStartAsync(AsyncEvent event) {
      event.getAsyncContext().addListener(this);
    }
  }
}
