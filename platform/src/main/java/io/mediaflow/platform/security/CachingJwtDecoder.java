package io.mediaflow.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens it has already verified, so a client that sends the same bearer token with every
 * request (every client does) pays for parsing the token and checking its HMAC once, not on every
 * read: verifying was 7 % of api-gateway's CPU per {@code GET /api/assets/{id}} (JFR, issue #8).
 *
 * <p>Only successfully verified tokens are remembered, keyed by the whole token text, so a forged or
 * altered token is never answered from here. A remembered token is given back only while it is
 * still within its {@code exp} and {@code nbf} and for at most {@code maxAge} after it was verified;
 * after that it is verified again (and refused once expired, by the delegate's validators). At most
 * {@code maxEntries} tokens are held: when full, the whole cache is dropped, which costs one more
 * verification per token and keeps the bound trivially true.
 */
public final class CachingJwtDecoder implements JwtDecoder {

  private final JwtDecoder delegate;
  private final int maxEntries;
  private final Duration maxAge;
  private final Clock clock;
  private final Map<String, Entry> verified = new ConcurrentHashMap<>();

  private record Entry(Jwt jwt, Instant until) {}

  public CachingJwtDecoder(JwtDecoder delegate, int maxEntries, Duration maxAge, Clock clock) {
    if (maxEntries < 1 || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxEntries >= 1 and maxAge > 0");
    }
    this.delegate = delegate;
    this.maxEntries = maxEntries;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    Instant now = clock.instant();
    Entry entry = verified.get(token);
    if (entry != null && now.isBefore(entry.until()) && usable(entry.jwt(), now)) {
      return entry.jwt();
    }
    if (entry != null) {
      verified.remove(token, entry);
    }
    Jwt jwt = delegate.decode(token); // throws for anything not valid now
    if (usable(jwt, now)) {
      if (verified.size() >= maxEntries) {
        verified.clear();
      }
      verified.put(token, new Entry(jwt, now.plus(maxAge)));
    }
    return jwt;
  }

  /** Within exp and nbf, strictly (no clock skew): a token near either edge is verified again. */
  static boolean usable(Jwt jwt, Instant now) {
    Instant exp = jwt.getExpiresAt();
    Instant nbf = jwt.getNotBefore();
    return exp != null && now.isBefore(exp) && (nbf == null || !now.isBefore(nbf));
  }

  int size() {
    return verified.size();
  }
}
