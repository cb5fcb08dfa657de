package io.mediaflow.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {

  static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void recognisesEachKnownSignature() {
    assertThat(ContentSniffer.fits("video/mp4", ascii("\0\0\0\u0018ftypisom"))).isTrue();
    assertThat(ContentSniffer.fits("video/webm", bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F))).isTrue();
    assertThat(ContentSniffer.fits("video/ogg", ascii("OggS\0\2"))).isTrue();
    assertThat(ContentSniffer.fits("audio/ogg", ascii("OggS\0\2"))).isTrue();
    assertThat(ContentSniffer.fits("audio/mpeg", ascii("ID3\u0004\0"))).isTrue();
    assertThat(ContentSniffer.fits("audio/mpeg", bytes(0xFF, 0xFB, 0x90, 0x44))).isTrue();
    assertThat(ContentSniffer.fits("audio/wav", ascii("RIFF\u0024\0\0\0WAVEfmt "))).isTrue();
    assertThat(ContentSniffer.fits("image/jpeg", bytes(0xFF, 0xD8, 0xFF, 0xE0))).isTrue();
    assertThat(ContentSniffer.fits("image/png", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A))).isTrue();
    assertThat(ContentSniffer.fits("image/gif", ascii("GIF89a\1\0"))).isTrue();
    assertThat(ContentSniffer.fits("image/gif", ascii("GIF87a\1\0"))).isTrue();
  }

  @Test
  void refusesTextDeclaredAsMedia() {
    byte[] text = ascii("hello, this is plain text");
    for (String type :
        new String[] {"video/mp4", "video/webm", "video/ogg", "audio/mpeg", "audio/wav", "image/jpeg", "image/png", "image/gif"}) {
      assertThat(ContentSniffer.fits(type, text)).as(type).isFalse();
    }
  }

  @Test
  void refusesOneKnownTypeDeclaredAsAnother() {
    assertThat(ContentSniffer.fits("video/mp4", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A))).isFalse();
    assertThat(ContentSniffer.fits("audio/wav", ascii("RIFF\u0024\0\0\0AVI LIST"))).isFalse();
  }

  @Test
  void refusesAHeadTooShortForTheSignature() {
    assertThat(ContentSniffer.fits("video/mp4", ascii("\0\0\0"))).isFalse();
    assertThat(ContentSniffer.fits("image/png", new byte[0])).isFalse();
  }

  @Test
  void letsTypesWithoutAKnownSignaturePass() {
    assertThat(ContentSniffer.knows("video/x-matroska")).isFalse();
    assertThat(ContentSniffer.fits("video/x-matroska", ascii("anything"))).isTrue();
  }
}
