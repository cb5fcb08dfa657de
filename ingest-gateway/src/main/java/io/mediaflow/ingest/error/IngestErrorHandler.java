package io.mediaflow.ingest.error;

import io.mediaflow.platform.security.JsonErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers every refusal in the shape of DESIGN.md: {"error": message, "code": CODE}. */
@RestControllerAdvice
class IngestErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(IngestErrorHandler.class);
  static final String RETRY_AFTER_SECONDS = "2";

  @ExceptionHandler(IngestException.class)
  void refused(IngestException e, HttpServletResponse response) throws IOException {
    if (e.error().status() >= 500) {
      log.warn("{}: {}", e.error(), e.getMessage(), e.getCause());
    }
    if (!response.isCommitted()) {
      if (e.error().status() == 503) {
        // every 503 here is temporary (a dependency away, the buffer budget spent): say when to retry
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
      }
      JsonErrors.write(response, e.error().status(), e.error().name(), e.getMessage());
    }
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  void unreadable(HttpMessageNotReadableException e, HttpServletResponse response) throws IOException {
    IngestError error = IngestError.INVALID_REQUEST;
    JsonErrors.write(response, error.status(), error.name(), error.message("the body is not the expected JSON"));
  }

  /** A path variable that is not of its type, e.g. a chunk index that is not a whole number. */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  void typeMismatch(MethodArgumentTypeMismatchException e, HttpServletResponse response) throws IOException {
    IngestError error = IngestError.INVALID_REQUEST;
    String what = "index".equals(e.getName()) ? "the chunk index must be a whole number from 0 to 2147483647" : e.getName() + " has the wrong type";
    JsonErrors.write(response, error.status(), error.name(), error.message(what));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  void mediaType(HttpMediaTypeNotSupportedException e, HttpServletResponse response) throws IOException {
    IngestError error = IngestError.UNSUPPORTED_MEDIA_TYPE;
    String supported =
        e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(" or "));
    JsonErrors.write(
        response, error.status(), error.name(),
        error.message(e.getContentType() == null ? "(none)" : e.getContentType().toString(), supported.isEmpty() ? "application/json" : supported));
  }
}
