package io.mediaflow.ingest.bench;

import java.io.InputStream;
import java.util.Random;

/** {@code size} bytes that start like an MP4 and repeat a random block: a large file without a disk or CPU cost. */
final class PatternStream extends InputStream {

  private static final byte[] BLOCK = block();
  private final long size;
  private long pos;

  PatternStream(long size) {
    this.size = size;
  }

  private static byte[] block() {
    byte[] b = new byte[1 << 20];
    new Random(42).nextBytes(b);
    byte[] head = "\0\0\0\u0018ftypisom".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    System.arraycopy(head, 0, b, 0, head.length);
    return b;
  }

  @Override
  public int read() {
    if (pos >= size) {
      return -1;
    }
    return BLOCK[(int) (pos++ % BLOCK.length)] & 0xFF;
  }

  @Override
  public int read(byte[] buf, int off, int len) {
    if (pos >= size) {
      return -1;
    }
    int at = (int) (pos % BLOCK.length);
    int n = (int) Math.min(Math.min(len, BLOCK.length - at), size - pos);
    System.arraycopy(BLOCK, at, buf, off, n);
    pos += n;
    return n;
  }
}
