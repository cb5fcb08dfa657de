package io.mediaflow.workers.media;

import io.mediaflow.events.MediaKind;
import java.nio.charset.StandardCharsets;

/**
 * Recognises a file by its first bytes (magic numbers), independent of what the client declared
 * and before any demuxer sees it. 512 bytes are enough for every type here (MPEG-TS needs two
 * 188-byte packets).
 */
public final class TypeSniffer {

  public static final int HEAD_BYTES = 512;

  private TypeSniffer() {}

  public static SniffedType sniff(byte[] head) {
    int n = head.length;
    if (n >= 12 && ascii(head, 4, "ftyp")) {
      return mp4Family(ascii(head, 8, 4));
    }
    if (n >= 4 && u(head, 0) == 0x1A && u(head, 1) == 0x45 && u(head, 2) == 0xDF && u(head, 3) == 0xA3) {
      return SniffedType.av(contains(head, "webm") ? "video/webm" : "video/x-matroska");
    }
    if (n >= 12 && ascii(head, 0, "RIFF")) {
      String form = ascii(head, 8, 4);
      return switch (form) {
        case "AVI " -> SniffedType.of("video/x-msvideo", MediaKind.VIDEO);
        case "WAVE" -> SniffedType.of("audio/wav", MediaKind.AUDIO);
        case "WEBP" -> SniffedType.of("image/webp", MediaKind.IMAGE);
        default -> SniffedType.notMedia("application/octet-stream");
      };
    }
    if (n >= 189 && u(head, 0) == 0x47 && u(head, 188) == 0x47) {
      return SniffedType.av("video/mp2t");
    }
    if (n >= 3 && ascii(head, 0, "FLV")) {
      return SniffedType.av("video/x-flv");
    }
    if (n >= 4 && ascii(head, 0, "OggS")) {
      return SniffedType.av("audio/ogg");
    }
    if (n >= 4 && ascii(head, 0, "fLaC")) {
      return SniffedType.of("audio/flac", MediaKind.AUDIO);
    }
    if (n >= 3 && ascii(head, 0, "ID3")) {
      return SniffedType.of("audio/mpeg", MediaKind.AUDIO);
    }
    if (n >= 2 && u(head, 0) == 0xFF && (u(head, 1) & 0xF6) == 0xF0) {
      return SniffedType.of("audio/aac", MediaKind.AUDIO);
    }
    if (n >= 3 && u(head, 0) == 0xFF && u(head, 1) == 0xD8 && u(head, 2) == 0xFF) {
      return SniffedType.of("image/jpeg", MediaKind.IMAGE);
    }
    if (n >= 2 && u(head, 0) == 0xFF && (u(head, 1) & 0xE0) == 0xE0) {
      return SniffedType.of("audio/mpeg", MediaKind.AUDIO);
    }
    if (n >= 8 && u(head, 0) == 0x89 && ascii(head, 1, "PNG")) {
      return SniffedType.of("image/png", MediaKind.IMAGE);
    }
    if (n >= 4 && ascii(head, 0, "GIF8")) {
      return SniffedType.of("image/gif", MediaKind.IMAGE);
    }
    return text(head);
  }

  private static SniffedType mp4Family(String brand) {
    return switch (brand) {
      case "qt  " -> SniffedType.av("video/quicktime");
      case "M4A ", "M4B " -> SniffedType.av("audio/mp4");
      default -> brand.startsWith("3g") ? SniffedType.av("video/3gpp") : SniffedType.av("video/mp4");
    };
  }

  /** Playlists and concat scripts are named: they are the dangerous kind of text. */
  private static SniffedType text(byte[] head) {
    String start = new String(head, 0, Math.min(head.length, 16), StandardCharsets.ISO_8859_1).stripLeading();
    if (start.startsWith("#EXTM3U")) {
      return SniffedType.notMedia("application/vnd.apple.mpegurl");
    }
    if (start.startsWith("ffconcat")) {
      return SniffedType.notMedia("text/x-ffconcat");
    }
    for (byte b : head) {
      int c = b & 0xFF;
      if (c < 0x09 || (c > 0x0D && c < 0x20) || c == 0x7F) {
        return SniffedType.notMedia("application/octet-stream");
      }
    }
    return SniffedType.notMedia(head.length == 0 ? "application/x-empty" : "text/plain");
  }

  private static int u(byte[] b, int i) {
    return b[i] & 0xFF;
  }

  private static boolean ascii(byte[] b, int offset, String s) {
    return b.length >= offset + s.length() && ascii(b, offset, s.length()).equals(s);
  }

  private static String ascii(byte[] b, int offset, int len) {
    return new String(b, offset, len, StandardCharsets.ISO_8859_1);
  }

  private static boolean contains(byte[] b, String s) {
    return new String(b, StandardCharsets.ISO_8859_1).contains(s);
  }
}
