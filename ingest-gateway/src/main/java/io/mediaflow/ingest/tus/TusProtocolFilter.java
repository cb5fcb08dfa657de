package io.mediaflow.ingest.tus;

import io.mediaflow.ingest.error.IngestError;
import io.mediaflow.platform.security.JsonErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * tus core rules for every request under /files: each response carries Tus-Resumable, and any
 * request but OPTIONS without {@code Tus-Resumable: 1.0.0} is refused with 412 and Tus-Version.
 */
@Component
class TusProtocolFilter extends OncePerRequestFilter {

  static final String VERSION = "1.0.0";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.equals("/files") || path.startsWith("/files/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Tus-Resumable", VERSION);
    if (!"OPTIONS".equals(request.getMethod()) && !VERSION.equals(request.getHeader("Tus-Resumable"))) {
      response.setHeader("Tus-Version", VERSION);
      IngestError e = IngestError.TUS_VERSION_UNSUPPORTED;
      JsonErrors.write(response, e.status(), e.name(), e.message());
      return;
    }
    chain.doFilter(request, response);
  }
}
