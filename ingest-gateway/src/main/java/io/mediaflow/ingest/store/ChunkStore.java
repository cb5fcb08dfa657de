package io.mediaflow.ingest.store;

import io.mediaflow.ingest.error.IngestError;
import io.mediaflow.ingest.error.IngestException;
import io.mediaflow.ingest.upload.ChunkKeys;
import io.mediaflow.platform.MediaflowProperties;
import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Chunk bytes in the object store. A chunk is streamed to a unique staging key while it is hashed,
 * and only a verified chunk is copied (server-side) to its final deterministic key: a bad checksum
 * or a conflicting repeat never touches the final key, and a reader of the final key never sees a
 * half-written chunk. The MinIO client buffers one part (at most the chunk size) to sign it; no
 * code here holds a body, and the {@link BufferBudget} bounds how many such parts exist at once.
 */
@Component
public class ChunkStore {

  private static final Logger log = LoggerFactory.getLogger(ChunkStore.class);
  private static final long MIN_PART = 5L * 1024 * 1024;

  private final MinioClient minio;
  private final String bucket;
  private final BufferBudget budget;

  public ChunkStore(MinioClient minio, MediaflowProperties props, BufferBudget budget) {
    this.minio = minio;
    this.bucket = props.s3().bucket();
    this.budget = budget;
  }

  /**
   * Streams at most {@code maxBytes + 1} bytes of {@code body} to a staging key (so an oversized
   * body is detected without reading it all); {@code length} is the declared length or -1.
   */
  public StagedObject stage(String assetId, String label, InputStream body, long length, long maxBytes) {
    String key = ChunkKeys.staging(assetId, label);
    HashingInputStream hashing = new HashingInputStream(body, maxBytes + 1);
    boolean known = length >= 0 && length <= maxBytes;
    long part = known ? length : Math.max(MIN_PART, maxBytes + 1);
    // the S3 client buffers the part to sign it: reserve it before reading a byte of the body
    try (BufferBudget.Reservation reserved = budget.reserve(part)) {
      PutObjectArgs.Builder args = PutObjectArgs.builder().bucket(bucket).object(key);
      if (known) {
        args.stream(hashing, length, -1);
      } else {
        args.stream(hashing, -1, part);
      }
      minio.putObject(args.contentType("application/octet-stream").build());
    } catch (IngestException e) {
      throw e;
    } catch (Exception e) {
      removeQuietly(key);
      throw IngestError.STORAGE_UNAVAILABLE.toException(describe(e));
    }
    return new StagedObject(key, hashing.count(), hashing.sha256Hex());
  }

  /** Reads a stored object (a tus tail) as a stream. */
  public InputStream open(String key) {
    try {
      return minio.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
    } catch (Exception e) {
      throw IngestError.STORAGE_UNAVAILABLE.toException(describe(e));
    }
  }

  /** Copies a verified staged object to its final key and removes the staging copy. */
  public void promote(StagedObject staged, String finalKey) {
    try {
      minio.copyObject(
          CopyObjectArgs.builder()
              .bucket(bucket)
              .object(finalKey)
              .source(CopySource.builder().bucket(bucket).object(staged.key()).build())
              .build());
    } catch (Exception e) {
      throw IngestError.STORAGE_UNAVAILABLE.toException(describe(e));
    }
    removeQuietly(staged.key());
  }

  public void removeQuietly(String key) {
    try {
      minio.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
    } catch (Exception e) {
      log.warn("could not remove {} (the expiry sweep retries): {}", key, e.toString());
    }
  }

  /** Removes every object of an upload (chunks and staging leftovers). */
  public void removeUpload(String assetId) {
    Iterable<Result<Item>> items =
        minio.listObjects(
            ListObjectsArgs.builder().bucket(bucket).prefix(ChunkKeys.prefix(assetId)).recursive(true).build());
    try {
      for (Result<Item> item : items) {
        removeQuietly(item.get().objectName());
      }
    } catch (Exception e) {
      throw IngestError.STORAGE_UNAVAILABLE.toException(describe(e));
    }
  }

  private static String describe(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
