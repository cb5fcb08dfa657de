package io.mediaflow.ingest.store;

import io.mediaflow.ingest.error.IngestError;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the request-body bytes the gateway holds in memory at once. The S3 client buffers each
 * part it signs (up to a chunk, 8 MB by default), so 50 concurrent chunk PUTs once needed 400 MB and
 * took a 384 MB gateway down (issue #8, the load test). A write reserves its part's bytes before it
 * reads its body; while the budget is spent it waits, first come first served (the client's bytes
 * wait in TCP buffers meanwhile), for at most {@code wait}, then is refused with 503 OVERLOADED and a
 * Retry-After, nothing read and nothing kept. Counted in KiB so that budgets up to terabytes fit an int.
 */
public final class BufferBudget {

  private final int totalKib;
  private final Semaphore kib;
  private final Duration wait;

  public BufferBudget(long bytes, Duration wait) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("a buffer budget must be positive: " + bytes);
    }
    this.totalKib = (int) Math.min(Integer.MAX_VALUE, Math.max(1, bytes / 1024));
    this.kib = new Semaphore(totalKib, true);
    this.wait = wait;
  }

  /** The default budget: a third of the heap, leaving the rest to the server and the clients. */
  public static long defaultBytes(long maxHeap) {
    return Math.max(16L * 1024 * 1024, maxHeap / 3);
  }

  /** Reserves {@code bytes} (at most the whole budget, so one large part can always run alone). */
  public Reservation reserve(long bytes) {
    int want = (int) Math.min(totalKib, Math.max(1, (bytes + 1023) / 1024));
    boolean got;
    try {
      got = kib.tryAcquire(want, wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      got = false;
    }
    if (!got) {
      throw IngestError.OVERLOADED.toException();
    }
    return new Reservation(want);
  }

  /** Bytes of the budget free now. */
  public long availableBytes() {
    return kib.availablePermits() * 1024L;
  }

  public long totalBytes() {
    return totalKib * 1024L;
  }

  /** One write's share of the budget, given back once. */
  public final class Reservation implements AutoCloseable {
    private final int kibHeld;
    private boolean released;

    private Reservation(int kibHeld) {
      this.kibHeld = kibHeld;
    }

    @Override
    public synchronized void close() {
      if (!released) {
        released = true;
        kib.release(kibHeld);
      }
    }
  }
}
