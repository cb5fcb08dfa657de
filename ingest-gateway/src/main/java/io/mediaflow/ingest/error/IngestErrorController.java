package io.mediaflow.ingest.error;

import io.mediaflow.platform.security.JsonErrors;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's {timestamp, status, error, path} answer, so a failure that never reached
 * the error handler (an unknown path, a wrong method, the container) still gets {"error","code"}.
 */
@RestController
class IngestErrorController implements ErrorController {

  @RequestMapping("/error")
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int code = status instanceof Integer i ? i : 500;
    IngestError error =
        switch (code) {
          case 404 -> IngestError.NOT_FOUND;
          case 405 -> IngestError.METHOD_NOT_ALLOWED;
          case 413 -> IngestError.FILE_TOO_LARGE;
          case 415 -> IngestError.UNSUPPORTED_MEDIA_TYPE;
          default -> code >= 500 ? IngestError.INTERNAL : IngestError.INVALID_REQUEST;
        };
    String message =
        switch (error) {
          case INVALID_REQUEST -> error.message("the request could not be read");
          case FILE_TOO_LARGE -> "The request body is too large.";
          case UNSUPPORTED_MEDIA_TYPE -> error.message("of this request", "the type the endpoint documents");
          default -> error.message();
        };
    JsonErrors.write(response, code, error.name(), message);
  }
}
