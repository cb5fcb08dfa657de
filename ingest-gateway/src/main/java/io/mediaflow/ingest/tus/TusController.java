package io.mediaflow.ingest.tus;

import io.mediaflow.ingest.chunked.Roles;
import io.mediaflow.ingest.config.IngestProperties;
import io.mediaflow.ingest.error.IngestError;
import io.mediaflow.ingest.upload.UploadSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** tus 1.0.0 at /files/: core, creation, creation-with-upload, termination, checksum, expiration. */
@RestController
@RequestMapping("/files")
class TusController {

  static final String EXTENSIONS = "creation,creation-with-upload,termination,checksum,expiration";
  static final String OCTETS = "application/offset+octet-stream";

  private final TusUploads uploads;
  private final IngestProperties props;

  TusController(TusUploads uploads, IngestProperties props) {
    this.uploads = uploads;
    this.props = props;
  }

  @RequestMapping(method = RequestMethod.OPTIONS, path = {"", "/", "/{id}"})
  void options(HttpServletResponse response) {
    response.setHeader("Tus-Version", TusProtocolFilter.VERSION);
    response.setHeader("Tus-Extension", EXTENSIONS);
    response.setHeader("Tus-Max-Size", Long.toString(props.maxFileSize().toBytes()));
    response.setHeader("Tus-Checksum-Algorithm", "sha1,sha256");
    response.setStatus(204);
  }

  @PostMapping({"", "/"})
  void create(
      @RequestHeader(name = "Upload-Length", required = false) String length,
      @RequestHeader(name = "Upload-Defer-Length", required = false) String defer,
      @RequestHeader(name = "Upload-Metadata", required = false) String metadata,
      @RequestHeader(name = "Upload-Checksum", required = false) String checksum,
      HttpServletRequest request,
      HttpServletResponse response,
      Authentication user)
      throws IOException {
    UploadSession s = uploads.create(user.getName(), length, defer, metadata);
    String location =
        ServletUriComponentsBuilder.fromContextPath(request).path("/files/{id}").buildAndExpand(s.uploadId()).toUriString();
    long offset = 0;
    if (OCTETS.equals(request.getContentType()) && request.getContentLengthLong() != 0) {
      offset = uploads.patch(user.getName(), s.uploadId(), "0", request.getContentLengthLong(), checksum,
          request.getInputStream());
    }
    response.setHeader("Location", location);
    response.setHeader("Upload-Offset", Long.toString(offset));
    expires(response, s.expiresAt());
    response.setStatus(201);
  }

  @RequestMapping(method = RequestMethod.HEAD, path = "/{id}")
  void head(@PathVariable String id, HttpServletResponse response, Authentication user) {
    TusUploads.Position p = uploads.position(user.getName(), Roles.isAdmin(user), id);
    response.setHeader("Upload-Offset", Long.toString(p.offset()));
    response.setHeader("Upload-Length", Long.toString(p.session().fileSize()));
    response.setHeader("Cache-Control", "no-store");
    expires(response, p.session().expiresAt());
    response.setStatus(200);
  }

  @PatchMapping("/{id}")
  void patch(
      @PathVariable String id,
      @RequestHeader(name = "Upload-Offset", required = false) String offset,
      @RequestHeader(name = "Upload-Checksum", required = false) String checksum,
      HttpServletRequest request,
      HttpServletResponse response,
      Authentication user)
      throws IOException {
    if (!OCTETS.equals(request.getContentType())) {
      throw IngestError.PATCH_CONTENT_TYPE.toException();
    }
    long next =
        uploads.patch(user.getName(), id, offset, request.getContentLengthLong(), checksum, request.getInputStream());
    response.setHeader("Upload-Offset", Long.toString(next));
    response.setStatus(204);
  }

  @DeleteMapping("/{id}")
  void terminate(@PathVariable String id, HttpServletResponse response, Authentication user) {
    uploads.terminate(user.getName(), Roles.isAdmin(user), id);
    response.setStatus(204);
  }

  private static void expires(HttpServletResponse response, Instant at) {
    response.setHeader("Upload-Expires", DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(ZoneOffset.UTC)));
  }
}
