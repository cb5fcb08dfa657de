package io.mediaflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class CachingJwtDecoderTest {

  private static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final AtomicInteger verifications = new AtomicInteger();
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };

  /** Tokens "good-<exp seconds after T0>" verify; anything else is refused; expired ones too. */
  private final JwtDecoder delegate =
      token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good-")) {
          throw new BadJwtException("bad signature");
        }
        Instant exp = T0.plusSeconds(Long.parseLong(token.substring(5)));
        if (!now.get().isBefore(exp)) {
          throw new BadJwtException("expired");
        }
        return Jwt.withTokenValue(token).header("alg", "HS256").subject("u").issuedAt(T0).expiresAt(exp).build();
      };

  private final CachingJwtDecoder decoder = new CachingJwtDecoder(delegate, 3, Duration.ofMinutes(5), clock);

  @Test
  void verifiesAGoodTokenOnceAndGivesTheSameJwtBack() {
    Jwt first = decoder.decode("good-3600");
    Jwt second = decoder.decode("good-3600");
    assertThat(second).isSameAs(first);
    assertThat(verifications).hasValue(1);
  }

  @Test
  void neverRemembersARefusedToken() {
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
    }
    assertThat(verifications).hasValue(3);
    assertThat(decoder.size()).isZero();
  }

  @Test
  void anExpiredTokenIsVerifiedAgainAndRefused() {
    decoder.decode("good-60");
    now.set(T0.plusSeconds(60));
    assertThatThrownBy(() -> decoder.decode("good-60")).isInstanceOf(BadJwtException.class);
    assertThat(verifications).hasValue(2);
    assertThat(decoder.size()).isZero();
  }

  @Test
  void aRememberedTokenIsVerifiedAgainAfterMaxAge() {
    decoder.decode("good-3600");
    now.set(T0.plus(Duration.ofMinutes(5)));
    decoder.decode("good-3600");
    assertThat(verifications).hasValue(2);
  }

  @Test
  void holdsAtMostMaxEntries() {
    for (int i = 1; i <= 10; i++) {
      decoder.decode("good-" + (3600 + i));
      assertThat(decoder.size()).isBetween(1, 3);
    }
  }

  @Test
  void aTokenNotYetValidIsNotRemembered() {
    JwtDecoder future =
        token -> Jwt.withTokenValue(token).header("alg", "HS256").subject("u").notBefore(T0.plusSeconds(30))
            .expiresAt(T0.plusSeconds(3600)).build();
    CachingJwtDecoder caching = new CachingJwtDecoder(future, 3, Duration.ofMinutes(5), clock);
    caching.decode("t");
    assertThat(caching.size()).isZero();
  }
}
