package io.mediaflow.workers.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.events.MediaKind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TypeSnifferTest {

  static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void mp4FamilyByBrand() {
    assertThat(TypeSniffer.sniff(ascii("\0\0\0\u0020ftypisom\0\0\2\0")).mime()).isEqualTo("video/mp4");
    assertThat(TypeSniffer.sniff(ascii("\0\0\0\u0014ftypqt  \0\0\2\0")).mime()).isEqualTo("video/quicktime");
    assertThat(TypeSniffer.sniff(ascii("\0\0\0\u0014ftypM4A \0\0\2\0")).mime()).isEqualTo("audio/mp4");
    assertThat(TypeSniffer.sniff(ascii("\0\0\0\u0014ftyp3gp4\0\0\2\0")).mime()).isEqualTo("video/3gpp");
    assertThat(TypeSniffer.sniff(ascii("\0\0\0\u0020ftypisom")).kinds()).contains(MediaKind.VIDEO, MediaKind.AUDIO);
  }

  @Test
  void otherContainers() {
    assertThat(TypeSniffer.sniff(bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x82, 0x84, 'w', 'e', 'b', 'm')).mime()).isEqualTo("video/webm");
    assertThat(TypeSniffer.sniff(bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F)).mime()).isEqualTo("video/x-matroska");
    assertThat(TypeSniffer.sniff(ascii("RIFF\0\0\0\0AVI LIST")).mime()).isEqualTo("video/x-msvideo");
    assertThat(TypeSniffer.sniff(ascii("RIFF\0\0\0\0WAVEfmt ")).mime()).isEqualTo("audio/wav");
    assertThat(TypeSniffer.sniff(ascii("RIFF\0\0\0\0WEBPVP8 ")).mime()).isEqualTo("image/webp");
    assertThat(TypeSniffer.sniff(ascii("FLV\1\5")).mime()).isEqualTo("video/x-flv");
    assertThat(TypeSniffer.sniff(ascii("OggS\0\2")).mime()).isEqualTo("audio/ogg");
    assertThat(TypeSniffer.sniff(ascii("fLaC\0")).mime()).isEqualTo("audio/flac");
    assertThat(TypeSniffer.sniff(ascii("ID3\4\0")).mime()).isEqualTo("audio/mpeg");
    assertThat(TypeSniffer.sniff(bytes(0xFF, 0xFB, 0x90, 0x64)).mime()).isEqualTo("audio/mpeg");
    assertThat(TypeSniffer.sniff(bytes(0xFF, 0xF1, 0x50, 0x80)).mime()).isEqualTo("audio/aac");
    assertThat(TypeSniffer.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0)).mime()).isEqualTo("image/jpeg");
    assertThat(TypeSniffer.sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)).mime()).isEqualTo("image/png");
    assertThat(TypeSniffer.sniff(ascii("GIF89a")).mime()).isEqualTo("image/gif");
  }

  @Test
  void mpegTsNeedsTwoPacketSyncBytes() {
    byte[] ts = new byte[400];
    ts[0] = 0x47;
    ts[188] = 0x47;
    assertThat(TypeSniffer.sniff(ts).mime()).isEqualTo("video/mp2t");
    ts[188] = 0;
    assertThat(TypeSniffer.sniff(ts).isMedia()).isFalse();
  }

  @Test
  void playlistsConcatScriptsTextAndJunkAreNotMedia() {
    assertThat(TypeSniffer.sniff(ascii("#EXTM3U\n#EXT-X-VERSION:3\n")))
        .isEqualTo(SniffedType.notMedia("application/vnd.apple.mpegurl"));
    assertThat(TypeSniffer.sniff(ascii("ffconcat version 1.0\nfile other.mp4\n")))
        .isEqualTo(SniffedType.notMedia("text/x-ffconcat"));
    assertThat(TypeSniffer.sniff(ascii("hello, this is a text file\n")).mime()).isEqualTo("text/plain");
    assertThat(TypeSniffer.sniff(bytes(0x00, 0x01, 0x02, 0x03)).mime()).isEqualTo("application/octet-stream");
    assertThat(TypeSniffer.sniff(new byte[0]).mime()).isEqualTo("application/x-empty");
  }
}
