package io.mediaflow.workers.failure;

/**
 * The worker's error catalogue: every way a job can fail, with whether trying again can help and a
 * message a person can act on. The code travels in {@code JobFailed.failure.code}.
 */
public enum FailureCode {
  SOURCE_MISSING(false, "an uploaded chunk or the source object is missing; upload the file again"),
  SIZE_MISMATCH(false, "the assembled file does not have the declared size; upload the file again"),
  CHECKSUM_MISMATCH(false, "the assembled file does not match the declared SHA-256; upload the file again"),
  TYPE_MISMATCH(false, "the file's content is not of the declared type; upload a real media file of that type"),
  UNSUPPORTED_FORMAT(false, "the file is not a media container this service accepts"),
  CORRUPT_MEDIA(false, "the media could not be decoded (truncated or damaged file)"),
  EMPTY_MEDIA(false, "the media has no playable content (no streams or zero duration)"),
  DIMENSIONS_TOO_LARGE(false, "the picture is larger than this service accepts"),
  UNSUPPORTED_PROFILE(false, "the rendition profile cannot be produced from this source"),
  ENCODE_FAILED(false, "ffmpeg could not produce the output; see the reason for its last messages"),
  INSUFFICIENT_DISK(true, "the worker has too little free disk for this job; another worker may take it"),
  STORAGE_UNAVAILABLE(true, "the object store could not be reached or refused the request"),
  INTERRUPTED(true, "the worker stopped before the job finished"),
  INTERNAL_ERROR(true, "an unexpected error in the worker");

  private final boolean retryable;
  private final String message;

  FailureCode(boolean retryable, String message) {
    this.retryable = retryable;
    this.message = message;
  }

  /** Whether another attempt of the same job may succeed. */
  public boolean retryable() {
    return retryable;
  }

  public String message() {
    return message;
  }
}
