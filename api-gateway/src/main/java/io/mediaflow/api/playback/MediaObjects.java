package io.mediaflow.api.playback;

import io.mediaflow.api.errors.ApiError;
import io.mediaflow.platform.MediaflowProperties;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Reads playlists, segments and thumbnails from the object store (blocking: call off event loops). */
@Component
class MediaObjects {

  private static final Logger log = LoggerFactory.getLogger(MediaObjects.class);
  private static final int MAX_PLAYLIST_BYTES = 4 * 1024 * 1024;
  private final MinioClient minio;
  private final String bucket;

  MediaObjects(@Lazy MinioClient minio, MediaflowProperties props) {
    this.minio = minio;
    this.bucket = props.s3().bucket();
  }

  /** An open object; the caller streams and closes it. 404 if there is no such object. */
  GetObjectResponse open(String key) {
    try {
      return minio.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
    } catch (ErrorResponseException e) {
      if ("NoSuchKey".equals(e.errorResponse().code())) {
        throw ApiError.NOT_FOUND.exception("No such media file.");
      }
      throw unavailable(key, e);
    } catch (Exception e) {
      throw unavailable(key, e);
    }
  }

  /** A playlist, which is small text: read whole (bounded) so it can be rewritten. */
  String readPlaylist(String key) {
    try (InputStream in = open(key)) {
      byte[] bytes = in.readNBytes(MAX_PLAYLIST_BYTES + 1);
      if (bytes.length > MAX_PLAYLIST_BYTES) {
        throw ApiError.INTERNAL.exception("The playlist is larger than " + MAX_PLAYLIST_BYTES + " bytes.");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw unavailable(key, e);
    }
  }

  private static RuntimeException unavailable(String key, Exception e) {
    log.warn("cannot read {} from the object store", key, e);
    return ApiError.STORAGE_UNAVAILABLE.exception();
  }
}
