package io.mediaflow.api.playback;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Gateway-signed, expiring playback URLs: {@code path?exp=<epoch seconds>&sig=<base64url HMAC-SHA256
 * of "path\nexp">}. The path is part of what is signed, so a signature for one segment, rendition or
 * asset cannot be reused for another, and changing {@code exp} breaks it.
 */
public final class UrlSigner {

  private final byte[] key;
  private final Clock clock;
  private final Duration ttl;

  public UrlSigner(byte[] key, Clock clock, Duration ttl) {
    if (key.length < 32) {
      throw new IllegalArgumentException("the playback signing key needs at least 32 bytes");
    }
    this.key = key.clone();
    this.clock = clock;
    this.ttl = ttl;
  }

  /** The signing key: the configured secret, or one derived from the JWT secret (never the JWT key itself). */
  public static byte[] key(String configuredSecret, String jwtSecret) {
    if (configuredSecret != null && !configuredSecret.isBlank()) {
      return configuredSecret.getBytes(StandardCharsets.UTF_8);
    }
    return hmac(jwtSecret.getBytes(StandardCharsets.UTF_8), "mediaflow playback url signing key");
  }

  /** The path with an expiry {@code ttl} from now and its signature. */
  public String sign(String path) {
    long exp = clock.instant().plus(ttl).getEpochSecond();
    return path + "?exp=" + exp + "&sig=" + signature(path, exp);
  }

  /** True if both are present, the signature is the path's and it has not expired. */
  public boolean verify(String path, String exp, String sig) {
    if (exp == null || sig == null || !exp.matches("\\d{1,12}")) {
      return false;
    }
    long expiry = Long.parseLong(exp);
    if (expiry < clock.instant().getEpochSecond()) {
      return false;
    }
    byte[] expected = signature(path, expiry).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.US_ASCII));
  }

  String signature(String path, long exp) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(hmac(key, path + "\n" + exp));
  }

  private static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
