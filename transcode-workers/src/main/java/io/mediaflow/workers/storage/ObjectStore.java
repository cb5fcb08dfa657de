package io.mediaflow.workers.storage;

import io.mediaflow.workers.failure.FailureCode;
import io.mediaflow.workers.failure.JobFailure;
import io.minio.ComposeObjectArgs;
import io.minio.ComposeSource;
import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one bucket, in the words the jobs need. Errors become job failures here: a missing object is
 * SOURCE_MISSING (asking again will not make it appear), anything else STORAGE_UNAVAILABLE.
 */
public final class ObjectStore {

  private static final Set<String> MISSING = Set.of("NoSuchKey", "NoSuchObject");
  private static final long PART_SIZE = 10L * 1024 * 1024;

  private final MinioClient client;
  private final String bucket;

  public ObjectStore(MinioClient client, String bucket) {
    this.client = client;
    this.bucket = bucket;
  }

  public record Stat(String key, long size, String etag) {}

  @FunctionalInterface
  interface Call<T> {
    T call() throws Exception;
  }

  public Optional<Stat> stat(String key) {
    try {
      StatObjectResponse r = client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
      return Optional.of(new Stat(key, r.size(), r.etag()));
    } catch (ErrorResponseException e) {
      if (MISSING.contains(e.errorResponse().code())) {
        return Optional.empty();
      }
      throw unavailable("stat " + key, e);
    } catch (Exception e) {
      throw unavailable("stat " + key, e);
    }
  }

  public InputStream open(String key) {
    return call("read " + key, () -> client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build()));
  }

  /** Server-side concatenation; every source but the last must be at least 5 MiB. */
  public void compose(List<Stat> sources, String target) {
    List<ComposeSource> parts =
        sources.stream()
            .map(s -> ComposeSource.builder().bucket(bucket).object(s.key()).matchETag(quoted(s.etag())).build())
            .toList();
    call("compose " + target, () -> client.composeObject(ComposeObjectArgs.builder().bucket(bucket).object(target).sources(parts).build()));
  }

  public void copy(String source, String target) {
    call("copy " + source, () -> client.copyObject(CopyObjectArgs.builder().bucket(bucket).object(target)
        .source(CopySource.builder().bucket(bucket).object(source).build()).build()));
  }

  /** Writes a stream of unknown length (multipart under the hood). */
  public void put(String key, InputStream in, String contentType) {
    call("write " + key, () -> client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
        .stream(in, -1, PART_SIZE).contentType(contentType).build()));
  }

  public void upload(Path file, String key, String contentType) {
    call("upload " + key, () -> client.uploadObject(UploadObjectArgs.builder().bucket(bucket).object(key)
        .filename(file.toString()).contentType(contentType).build()));
  }

  public void remove(String key) {
    call("remove " + key, () -> {
      client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
      return null;
    });
  }

  private <T> T call(String what, Call<T> call) {
    try {
      return call.call();
    } catch (ErrorResponseException e) {
      if (MISSING.contains(e.errorResponse().code())) {
        throw new JobFailure(FailureCode.SOURCE_MISSING, what + ": no such object", e);
      }
      throw unavailable(what, e);
    } catch (JobFailure e) {
      throw e;
    } catch (Exception e) {
      throw unavailable(what, e);
    }
  }

  private static JobFailure unavailable(String what, Exception e) {
    return new JobFailure(FailureCode.STORAGE_UNAVAILABLE, what + ": " + e, e);
  }

  static String quoted(String etag) {
    return etag.startsWith("\"") ? etag : "\"" + etag + "\"";
  }
}
