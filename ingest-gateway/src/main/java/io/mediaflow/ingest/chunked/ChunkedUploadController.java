package io.mediaflow.ingest.chunked;

import io.mediaflow.ingest.chunked.ChunkedApi.ChunkAccepted;
import io.mediaflow.ingest.chunked.ChunkedApi.CreateUploadRequest;
import io.mediaflow.ingest.chunked.ChunkedApi.UploadCreated;
import io.mediaflow.ingest.chunked.ChunkedApi.UploadProgress;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The seed's chunked upload API (DESIGN.md): thin, every decision is in {@link ChunkedUploads}. */
@RestController
@RequestMapping("/uploads")
class ChunkedUploadController {

  private final ChunkedUploads uploads;

  ChunkedUploadController(ChunkedUploads uploads) {
    this.uploads = uploads;
  }

  @PostMapping
  ResponseEntity<UploadCreated> create(@RequestBody CreateUploadRequest request, Authentication user) {
    return ResponseEntity.status(HttpStatus.CREATED).body(uploads.create(user.getName(), request));
  }

  /** The raw body is read as a stream, never bound to a byte[]. */
  @PutMapping("/{uploadId}/chunks/{index}")
  ChunkAccepted putChunk(
      @PathVariable String uploadId,
      @PathVariable int index,
      @RequestHeader(name = "X-Chunk-SHA256", required = false) String sha256,
      HttpServletRequest request,
      Authentication user)
      throws IOException {
    return uploads.putChunk(
        user.getName(), uploadId, index, sha256, request.getContentLengthLong(), request.getInputStream());
  }

  @GetMapping("/{uploadId}")
  UploadProgress progress(@PathVariable String uploadId, Authentication user) {
    return uploads.progress(user.getName(), Roles.isAdmin(user), uploadId);
  }

  @DeleteMapping("/{uploadId}")
  ResponseEntity<Void> abort(@PathVariable String uploadId, Authentication user) {
    uploads.abort(user.getName(), Roles.isAdmin(user), uploadId);
    return ResponseEntity.noContent().build();
  }
}
