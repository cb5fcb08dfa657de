package io.mediaflow.devstack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** HS256 tokens for the dev stack and tests: {@code sub} = user, {@code roles} = user[, admin]. */
public final class DevTokens {

  /** The dev stack's secret; every service falls back to it when JWT_SECRET is not set. */
  public static final String DEV_SECRET = "mediaflow-dev-secret-change-me-in-production-0123456789";

  private DevTokens() {}

  public static String token(String secret, String user, boolean admin, Duration ttl) {
    if (user == null || !user.matches("[A-Za-z0-9._@-]{1,64}")) {
      throw new IllegalArgumentException(
          "user must be 1-64 characters of letters, digits, '.', '_', '@' or '-'");
    }
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject(user)
            .issuer("mediaflow-dev")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .claim("roles", admin ? List.of("user", "admin") : List.of("user"))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (JOSEException e) {
      throw new IllegalArgumentException(
          "cannot sign with this secret (HS256 needs at least 32 bytes): " + e.getMessage(), e);
    }
    return jwt.serialize();
  }
}
