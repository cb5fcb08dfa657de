package io.mediaflow.api.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's whitelabel/{timestamp,status} error answer, so that a failure which never
 * reached a controller (a filter, the container) still gets the {"error","code"} shape.
 */
@RestController
class JsonErrorController implements ErrorController {

  @RequestMapping("/error")
  ResponseEntity<ErrorBody> error(HttpServletRequest request) {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int code = status instanceof Integer i ? i : 500;
    ApiError error =
        switch (code) {
          case 400 -> ApiError.INVALID_REQUEST;
          case 401 -> ApiError.UNAUTHORIZED;
          case 403 -> ApiError.FORBIDDEN;
          case 404 -> ApiError.NOT_FOUND;
          case 405 -> ApiError.METHOD_NOT_ALLOWED;
          case 406 -> ApiError.NOT_ACCEPTABLE;
          case 415 -> ApiError.UNSUPPORTED_MEDIA_TYPE;
          default -> ApiError.INTERNAL;
        };
    return ResponseEntity.status(code).body(ErrorBody.of(error));
  }
}
