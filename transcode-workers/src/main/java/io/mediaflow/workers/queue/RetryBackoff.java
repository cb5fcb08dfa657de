package io.mediaflow.workers.queue;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a retry waits. The projector re-dispatches a retryable failure at once as attempt+1 (a new
 * job, asset-projector README "Retries"), so the delay is taken here: a job of attempt n > 1 does not
 * start before {@code issuedAt + base·2^(n-2)}, capped at {@code max}. Attempt 1 never waits.
 *
 * @param base the delay before attempt 2
 * @param max the longest delay; keep it well under what a stuck queue may cost
 */
public record RetryBackoff(Duration base, Duration max) {

  public static final RetryBackoff NONE = new RetryBackoff(Duration.ZERO, Duration.ZERO);

  public RetryBackoff {
    if (base.isNegative() || max.isNegative()) {
      throw new IllegalArgumentException("backoff must not be negative: " + base + ", " + max);
    }
  }

  public Duration delay(int attempt) {
    if (attempt <= 1 || base.isZero()) {
      return Duration.ZERO;
    }
    int doublings = Math.min(attempt - 2, 30); // 2^30 × any base is past any sane cap
    Duration d = base.multipliedBy(1L << doublings);
    return d.compareTo(max) > 0 || d.isNegative() ? max : d;
  }

  /** The earliest instant the attempt may start. */
  public Instant notBefore(Instant issuedAt, int attempt) {
    return issuedAt.plus(delay(attempt));
  }

  /** How long, from {@code now}, the attempt must still wait; zero when it may start. */
  public Duration remaining(Instant issuedAt, int attempt, Instant now) {
    Duration left = Duration.between(now, notBefore(issuedAt, attempt));
    // a clock far behind the issuer's must not hold a job longer than the cap
    return left.isNegative() ? Duration.ZERO : left.compareTo(max) > 0 ? max : left;
  }
}
