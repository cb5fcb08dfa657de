package io.mediaflow.ingest.error;

import io.mediaflow.platform.security.JsonErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers every refusal in the shape of DESIGN.md: {"error": message, "code": CODE}. */
@RestControllerAdvice
class IngestErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(IngestErrorHandler.class);

  @ExceptionHandler(IngestException.class)
  void refused(IngestException e, HttpServletResponse response) throws IOException {
    if (e.error().status() >= 500) {
      log.warn("{}: {}", e.error(), e.getMessage(), e.getCause());
    }
    if (!response.isCommitted()) {
      JsonErrors.write(response, e.error().status(), e.error().name(), e.getMessage());
    }
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  void unreadable(HttpMessageNotReadableException e, HttpServletResponse response) throws IOException {
    IngestError error = IngestError.INVALID_REQUEST;
    JsonErrors.write(response, error.status(), error.name(), error.message("the body is not the expected JSON"));
  }
}
