package io.mediaflow.api.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class UrlSignerTest {

  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  static final Instant NOW = Instant.parse("2026-11-29T18:00:00Z");

  static UrlSigner at(Instant now) {
    return new UrlSigner(KEY, Clock.fixed(now, ZoneOffset.UTC), Duration.ofHours(1));
  }

  static String param(String url, String name) {
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return null;
  }

  @Test
  void aSignedUrlVerifiesUntilItExpires() {
    String url = at(NOW).sign("/media/a/hls/360p/seg_00001.ts");
    String exp = param(url, "exp");
    String sig = param(url, "sig");

    assertThat(url).startsWith("/media/a/hls/360p/seg_00001.ts?exp=" + NOW.plusSeconds(3600).getEpochSecond() + "&sig=");
    assertThat(at(NOW).verify("/media/a/hls/360p/seg_00001.ts", exp, sig)).isTrue();
    assertThat(at(NOW.plusSeconds(3600)).verify("/media/a/hls/360p/seg_00001.ts", exp, sig)).isTrue();
    assertThat(at(NOW.plusSeconds(3601)).verify("/media/a/hls/360p/seg_00001.ts", exp, sig)).isFalse();
  }

  @Test
  void missingOrMalformedPartsAreRefused() {
    String url = at(NOW).sign("/p");
    assertThat(at(NOW).verify("/p", null, param(url, "sig"))).isFalse();
    assertThat(at(NOW).verify("/p", param(url, "exp"), null)).isFalse();
    assertThat(at(NOW).verify("/p", "-1", param(url, "sig"))).isFalse();
    assertThat(at(NOW).verify("/p", "12ab", param(url, "sig"))).isFalse();
  }

  @Test
  void theKeyIsDerivedFromTheJwtSecretUnlessConfigured_andNeverEqualsIt() {
    String jwt = "mediaflow-dev-secret-change-me-in-production-0123456789";
    assertThat(UrlSigner.key("", jwt)).isNotEqualTo(jwt.getBytes(StandardCharsets.UTF_8)).hasSize(32);
    assertThat(UrlSigner.key("", jwt)).isEqualTo(UrlSigner.key(null, jwt));
    assertThat(UrlSigner.key("configured-secret-of-32-characters!", jwt))
        .isEqualTo("configured-secret-of-32-characters!".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> new UrlSigner(new byte[8], Clock.systemUTC(), Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void aSignatureIsBoundToItsPathAndExpiry(
      @ForAll @AlphaChars @StringLength(min = 1, max = 20) String file,
      @ForAll @AlphaChars @StringLength(min = 1, max = 20) String other,
      @ForAll boolean tamperExpiry) {
    UrlSigner signer = at(NOW);
    String path = "/media/a/hls/360p/" + file;
    String url = signer.sign(path);
    String exp = param(url, "exp");
    String sig = param(url, "sig");

    if (!other.equals(file)) {
      assertThat(signer.verify("/media/a/hls/360p/" + other, exp, sig)).isFalse();
    }
    if (tamperExpiry) {
      assertThat(signer.verify(path, String.valueOf(Long.parseLong(exp) + 1), sig)).isFalse();
    }
    assertThat(signer.verify(path, exp, sig.substring(1) + (sig.charAt(0) == 'A' ? 'B' : 'A'))).isFalse();
    assertThat(signer.verify(path, exp, sig)).isTrue();
  }
}
