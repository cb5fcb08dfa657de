package io.mediaflow.api.errors;

import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every failure, ours and Spring MVC's, to the {"error","code"} shape of the catalogue. */
@RestControllerAdvice
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ErrorBody> api(ApiException e) {
    return body(e.error(), e.getMessage());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ErrorBody> noResource(NoResourceFoundException e) {
    return body(ApiError.NOT_FOUND, "No such resource: /" + e.getResourcePath());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e) {
    return body(
        ApiError.METHOD_NOT_ALLOWED,
        e.getMethod() + " is not allowed here; use " + e.getSupportedHttpMethods() + ".");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
    return body(ApiError.UNSUPPORTED_MEDIA_TYPE, ApiError.UNSUPPORTED_MEDIA_TYPE.message());
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ErrorBody> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return body(ApiError.NOT_ACCEPTABLE, ApiError.NOT_ACCEPTABLE.message());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
    return body(ApiError.INVALID_REQUEST, "The request body is not valid JSON of the expected shape.");
  }

  @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
  ResponseEntity<ErrorBody> badParameter(Exception e) {
    return body(ApiError.INVALID_QUERY, e.getMessage());
  }

  @ExceptionHandler(TimeoutException.class)
  ResponseEntity<ErrorBody> timeout(TimeoutException e) {
    log.warn("a dependency did not answer in time", e);
    return body(ApiError.STORAGE_UNAVAILABLE, ApiError.STORAGE_UNAVAILABLE.message());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ErrorBody> unexpected(Exception e) {
    log.error("unexpected failure", e);
    return body(ApiError.INTERNAL, ApiError.INTERNAL.message());
  }

  static ResponseEntity<ErrorBody> body(ApiError error, String message) {
    return ResponseEntity.status(error.status()).body(new ErrorBody(message, error.code()));
  }
}
