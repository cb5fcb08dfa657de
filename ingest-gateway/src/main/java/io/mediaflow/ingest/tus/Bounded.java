package io.mediaflow.ingest.tus;

import java.io.IOException;
import java.io.InputStream;

/** The next {@code limit} bytes of a shared stream, without closing it: one chunk's share of a PATCH. */
final class Bounded extends InputStream {

  private final InputStream in;
  private long remaining;

  Bounded(InputStream in, long limit) {
    this.in = in;
    this.remaining = limit;
  }

  @Override
  public int read() throws IOException {
    if (remaining <= 0) {
      return -1;
    }
    int b = in.read();
    if (b >= 0) {
      remaining--;
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    if (remaining <= 0) {
      return -1;
    }
    int n = in.read(buf, off, (int) Math.min(len, remaining));
    if (n > 0) {
      remaining -= n;
    }
    return n;
  }

  @Override
  public void close() {
    // the PATCH body goes on to the next chunk
  }
}
