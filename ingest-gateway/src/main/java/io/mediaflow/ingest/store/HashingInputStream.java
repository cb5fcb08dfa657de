package io.mediaflow.ingest.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes at most {@code limit} bytes through, counting and hashing them (SHA-256) on the way, so a
 * body is verified while it streams to the store and never held whole. Reading stops at the limit:
 * a body longer than allowed shows up as {@code count() == limit} with bytes left unread.
 */
final class HashingInputStream extends FilterInputStream {

  private final MessageDigest sha256;
  private final long limit;
  private long count;

  HashingInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public int read() throws IOException {
    if (count >= limit) {
      return -1;
    }
    int b = super.read();
    if (b >= 0) {
      sha256.update((byte) b);
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    if (count >= limit) {
      return -1;
    }
    int n = super.read(buf, off, (int) Math.min(len, limit - count));
    if (n > 0) {
      sha256.update(buf, off, n);
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) {
    return 0; // skipping would bypass the hash
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  long count() {
    return count;
  }

  String sha256Hex() {
    return HexFormat.of().formatHex(sha256.digest());
  }
}
