package io.mediaflow.api.errors;

/** The error shape of every mediaflow API. */
public record ErrorBody(String error, String code) {

  public static ErrorBody of(ApiError error) {
    return new ErrorBody(error.message(), error.code());
  }
}
