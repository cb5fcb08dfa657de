package io.mediaflow.ingest.upload;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Checks the first bytes of a file against the magic numbers of its declared type, so a text file
 * declared as video/mp4 is refused at the first chunk instead of failing in ffprobe later. Types
 * without a known signature (added by configuration) pass; the ingest job's probe still checks them.
 */
public final class ContentSniffer {

  /** How many leading bytes the checks need. */
  public static final int PREFIX_LENGTH = 12;

  private static final Map<String, Predicate<byte[]>> SIGNATURES =
      Map.of(
          "video/mp4", h -> at(h, 4, "ftyp"),
          "video/webm", h -> at(h, 0, 0x1A, 0x45, 0xDF, 0xA3),
          "video/ogg", h -> at(h, 0, "OggS"),
          "audio/ogg", h -> at(h, 0, "OggS"),
          "audio/mpeg", h -> at(h, 0, "ID3") || (h.length >= 2 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xE0) == 0xE0),
          "audio/wav", h -> at(h, 0, "RIFF") && at(h, 8, "WAVE"),
          "image/jpeg", h -> at(h, 0, 0xFF, 0xD8, 0xFF),
          "image/png", h -> at(h, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A),
          "image/gif", h -> at(h, 0, "GIF87a") || at(h, 0, "GIF89a"));

  private ContentSniffer() {}

  /** Whether {@code head} (the file's first bytes, up to {@link #PREFIX_LENGTH}) fits {@code declaredType}. */
  public static boolean fits(String declaredType, byte[] head) {
    Predicate<byte[]> signature = SIGNATURES.get(declaredType);
    return signature == null || signature.test(head);
  }

  public static boolean knows(String declaredType) {
    return SIGNATURES.containsKey(declaredType);
  }

  private static boolean at(byte[] head, int offset, String ascii) {
    byte[] magic = ascii.getBytes(StandardCharsets.US_ASCII);
    return head.length >= offset + magic.length
        && Arrays.equals(head, offset, offset + magic.length, magic, 0, magic.length);
  }

  private static boolean at(byte[] head, int offset, int... magic) {
    if (head.length < offset + magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[offset + i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
