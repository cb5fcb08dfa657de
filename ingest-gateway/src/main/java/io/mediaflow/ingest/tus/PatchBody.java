package io.mediaflow.ingest.tus;

import io.mediaflow.ingest.error.IngestError;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * A PATCH body as the chunk splitter reads it: at most the bytes the upload still lacks, digested
 * for {@code Upload-Checksum} when one was sent, and ending quietly when the client goes away so
 * the bytes that did arrive can be kept ({@link #broken()} tells it apart from a complete body).
 */
final class PatchBody extends InputStream {

  private final InputStream in;
  private final MessageDigest digest;
  private final byte[] expected;
  private long remaining;
  private boolean broken;

  private PatchBody(InputStream in, long limit, MessageDigest digest, byte[] expected) {
    this.in = in;
    this.remaining = limit;
    this.digest = digest;
    this.expected = expected;
  }

  /** {@code checksumHeader} is tus's "algorithm base64digest", or null. */
  static PatchBody of(InputStream in, long limit, String checksumHeader) {
    if (checksumHeader == null || checksumHeader.isBlank()) {
      return new PatchBody(in, limit, null, null);
    }
    String[] parts = checksumHeader.strip().split(" ");
    if (parts.length != 2) {
      throw IngestError.UNSUPPORTED_CHECKSUM.toException();
    }
    String algorithm =
        switch (parts[0].toLowerCase(Locale.ROOT)) {
          case "sha1" -> "SHA-1";
          case "sha256" -> "SHA-256";
          default -> throw IngestError.UNSUPPORTED_CHECKSUM.toException();
        };
    try {
      byte[] expected = Base64.getDecoder().decode(parts[1]);
      return new PatchBody(in, limit, MessageDigest.getInstance(algorithm), expected);
    } catch (IllegalArgumentException | NoSuchAlgorithmException e) {
      throw IngestError.UNSUPPORTED_CHECKSUM.toException();
    }
  }

  /** Whether nothing may be kept until the whole body is verified. */
  boolean verifies() {
    return digest != null;
  }

  boolean checksumMatches() {
    return digest == null || MessageDigest.isEqual(digest.digest(), expected);
  }

  boolean broken() {
    return broken;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
  }

  @Override
  public int read(byte[] buf, int off, int len) {
    if (remaining <= 0 || broken || len == 0) {
      return remaining <= 0 || broken ? -1 : 0;
    }
    int n;
    try {
      n = in.read(buf, off, (int) Math.min(len, remaining));
    } catch (IOException clientGone) {
      broken = true;
      return -1;
    }
    if (n > 0) {
      remaining -= n;
      if (digest != null) {
        digest.update(buf, off, n);
      }
    }
    return n;
  }

  @Override
  public void close() {
    // the servlet container owns the request stream
  }
}
