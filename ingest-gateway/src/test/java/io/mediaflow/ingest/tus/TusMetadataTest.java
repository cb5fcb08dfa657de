package io.mediaflow.ingest.tus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediaflow.ingest.error.IngestError;
import io.mediaflow.ingest.error.IngestException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TusMetadataTest {

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void decodesPairsAndEmptyValues() {
    var meta = TusMetadata.parse("filename " + b64("clip.mp4") + ",filetype " + b64("video/mp4") + ",is_confidential");
    assertThat(meta).containsEntry("filename", "clip.mp4").containsEntry("filetype", "video/mp4")
        .containsEntry("is_confidential", "");
    assertThat(TusMetadata.parse(null)).isEmpty();
  }

  @Test
  void keepsInjectedLineBreaksForThePolicyToStrip() {
    assertThat(TusMetadata.parse("filename " + b64("a\r\nX-Evil: 1.mp4")).get("filename")).contains("\r\n");
  }

  @Test
  void refusesMalformedHeaders() {
    for (String bad : new String[] {"filename !!notbase64", "bad key " + b64("x"), "k " + b64("a") + ",k " + b64("b"),
        "k " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xC3, 0x28})}) {
      assertThatThrownBy(() -> TusMetadata.parse(bad)).as(bad).isInstanceOf(IngestException.class)
          .satisfies(e -> assertThat(((IngestException) e).error()).isEqualTo(IngestError.INVALID_METADATA));
    }
  }

  @Test
  void patchBodyVerifiesSha1AndSha256() throws Exception {
    byte[] data = "hello tus".getBytes(StandardCharsets.UTF_8);
    for (String[] alg : new String[][] {{"sha1", "SHA-1"}, {"sha256", "SHA-256"}}) {
      String good = alg[0] + " " + Base64.getEncoder().encodeToString(MessageDigest.getInstance(alg[1]).digest(data));
      PatchBody body = PatchBody.of(new ByteArrayInputStream(data), 100, good);
      assertThat(body.readAllBytes()).isEqualTo(data);
      assertThat(body.verifies()).isTrue();
      assertThat(body.checksumMatches()).isTrue();
      PatchBody other = PatchBody.of(new ByteArrayInputStream("other".getBytes()), 100, good);
      other.readAllBytes();
      assertThat(other.checksumMatches()).isFalse();
    }
    assertThatThrownBy(() -> PatchBody.of(new ByteArrayInputStream(data), 9, "md5 AAAA"))
        .satisfies(e -> assertThat(((IngestException) e).error()).isEqualTo(IngestError.UNSUPPORTED_CHECKSUM));
  }

  @Property
  void patchBodyNeverReadsPastTheRemainingLength(
      @ForAll @IntRange(min = 0, max = 500) int size, @ForAll @IntRange(min = 0, max = 500) int limit) {
    PatchBody body = PatchBody.of(new ByteArrayInputStream(new byte[size]), limit, null);
    try {
      assertThat(body.readAllBytes()).hasSize(Math.min(size, limit));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aClientThatGoesAwayEndsTheBodyQuietly() throws Exception {
    var failing = new java.io.InputStream() {
      int sent;
      @Override
      public int read() throws java.io.IOException {
        if (sent++ < 3) {
          return 'x';
        }
        throw new java.io.IOException("connection reset");
      }
    };
    PatchBody body = PatchBody.of(failing, 100, null);
    assertThat(body.readAllBytes()).hasSize(3);
    assertThat(body.broken()).isTrue();
  }
}
