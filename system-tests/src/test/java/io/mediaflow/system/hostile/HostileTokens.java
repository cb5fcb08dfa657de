package io.mediaflow.system.hostile;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mediaflow.devstack.DevTokens;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * The Authorization values of the corpus: good tokens for alice (the victim), bob (the attacker)
 * and an admin, and every bad one a client could forge: another secret, expired, {@code alg:
 * none}, another algorithm (HS384 with the real secret, RS256), garbage, overlong.
 */
final class HostileTokens {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private HostileTokens() {}

  /** The header value for {@code kind} (null = send no Authorization header). */
  static String authorization(String kind) {
    return switch (kind) {
      case "none" -> null;
      case "alice", "bob" -> bearer(DevTokens.token(DevTokens.DEV_SECRET, kind, false, Duration.ofHours(2)));
      case "admin" -> bearer(DevTokens.token(DevTokens.DEV_SECRET, "root", true, Duration.ofHours(2)));
      case "forged" ->
          bearer(DevTokens.token("an-attacker-secret-that-is-long-enough-0123456789", "alice", true, Duration.ofHours(2)));
      // issued an hour ago, expired ten minutes ago: far past the decoder's clock skew (60 s)
      case "expired" -> bearer(expired());
      case "alg-none" -> bearer(unsigned());
      case "alg-none-with-signature" -> bearer(unsigned() + signatureOfARealToken());
      case "hs384-same-secret" -> bearer(hs384());
      case "rs256" -> bearer(rs256());
      case "garbage" -> "Bearer not.a.jwt";
      case "basic" -> "Basic YWxpY2U6YWxpY2U=";
      case "overlong" -> bearer("a".repeat(64 * 1024));
      default -> throw new IllegalArgumentException("unknown token kind " + kind);
    };
  }

  private static String bearer(String jwt) {
    return "Bearer " + jwt;
  }

  private static JWTClaimsSet claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .subject("alice")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
        .claim("roles", List.of("user", "admin"))
        .build();
  }

  private static String expired() {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject("alice")
            .issueTime(Date.from(now.minus(Duration.ofHours(1))))
            .expirationTime(Date.from(now.minus(Duration.ofMinutes(10))))
            .claim("roles", List.of("user"))
            .build();
    return sign(new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims));
  }

  private static String sign(SignedJWT jwt) {
    try {
      jwt.sign(new MACSigner(DevTokens.DEV_SECRET.getBytes(StandardCharsets.UTF_8)));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String unsigned() {
    String header = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload = B64.encodeToString(claims().toString().getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + ".";
  }

  private static String signatureOfARealToken() {
    String real = DevTokens.token(DevTokens.DEV_SECRET, "alice", true, Duration.ofHours(1));
    return real.substring(real.lastIndexOf('.') + 1);
  }

  private static String hs384() {
    return sign(new SignedJWT(new JWSHeader(JWSAlgorithm.HS384), claims()));
  }

  private static String rs256() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims());
      jwt.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));
      return jwt.serialize();
    } catch (JOSEException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
