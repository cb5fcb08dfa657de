package io.mediaflow.api.errors;

/** A failure that maps to one entry of the {@link ApiError} catalogue. */
public final class ApiException extends RuntimeException {

  private final ApiError error;

  ApiException(ApiError error, String message) {
    super(message, null, false, false);
    this.error = error;
  }

  public ApiError error() {
    return error;
  }
}
