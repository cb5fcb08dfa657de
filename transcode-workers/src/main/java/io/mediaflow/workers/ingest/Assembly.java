package io.mediaflow.workers.ingest;

import java.util.List;

/**
 * How the chunks become one object. The store concatenates server-side only when every part but
 * the last is at least 5 MiB (S3's multipart rule); otherwise the worker streams them through.
 */
public enum Assembly {
  COPY,
  COMPOSE,
  STREAM;

  static final long MIN_PART = 5L * 1024 * 1024;

  public static Assembly choose(List<Long> chunkSizes) {
    if (chunkSizes.isEmpty()) {
      throw new IllegalArgumentException("an upload has at least one chunk");
    }
    if (chunkSizes.size() == 1) {
      return COPY;
    }
    for (int i = 0; i < chunkSizes.size() - 1; i++) {
      if (chunkSizes.get(i) < MIN_PART) {
        return STREAM;
      }
    }
    return COMPOSE;
  }
}
