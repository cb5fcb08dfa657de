package io.mediaflow.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediaflow.events.Access;
import io.mediaflow.events.UploadProtocol;
import io.mediaflow.ingest.error.IngestError;
import io.mediaflow.ingest.error.IngestException;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class UploadPolicyTest {

  final UploadPolicy policy = new UploadPolicy(List.of("video/mp4", "image/png"), 1_000);

  UploadSpec valid(String name, long size, String type) {
    return policy.validate("alice", name, size, type, null, null, null, null, null, UploadProtocol.CHUNKED);
  }

  static void refused(ThrowingCallable call, IngestError expected) {
    assertThatThrownBy(call)
        .isInstanceOf(IngestException.class)
        .satisfies(e -> assertThat(((IngestException) e).error()).isEqualTo(expected));
  }

  @Test
  void acceptsAnAllowedTypeAndSanitisesTheName() {
    UploadSpec spec = valid("../x/clip.mp4", 1_000, "Video/MP4; codecs=avc1");
    assertThat(spec.filename()).isEqualTo("clip.mp4");
    assertThat(spec.fileType()).isEqualTo("video/mp4");
    assertThat(spec.access()).isEqualTo(Access.PRIVATE);
    assertThat(spec.metadata()).isEmpty();
  }

  @Test
  void refusesTypesOffTheList() {
    refused(() -> valid("a.txt", 10, "text/plain"), IngestError.UNSUPPORTED_TYPE);
    refused(() -> valid("a.html", 10, "text/html"), IngestError.UNSUPPORTED_TYPE);
  }

  @Test
  void refusesFilesOverTheLimitWith413() {
    refused(() -> valid("a.mp4", 1_001, "video/mp4"), IngestError.FILE_TOO_LARGE);
    assertThat(IngestError.FILE_TOO_LARGE.status()).isEqualTo(413);
  }

  @Test
  void refusesEmptyFilesAndMissingFields() {
    refused(() -> valid("a.mp4", 0, "video/mp4"), IngestError.EMPTY_FILE);
    refused(
        () -> policy.validate("u", "a.mp4", null, "video/mp4", null, null, null, null, null, UploadProtocol.TUS),
        IngestError.MISSING_FIELD);
    refused(() -> valid("a.mp4", 5, null), IngestError.MISSING_FIELD);
    refused(() -> valid(null, 5, "video/mp4"), IngestError.MISSING_FIELD);
  }

  @Test
  void checksChecksumsAccessAndFreeText() {
    String sha = "AB".repeat(32);
    UploadSpec spec =
        policy.validate(
            "u", "a.mp4", 5L, "video/mp4", sha, " My\u0000 title ", "d", "Public", Map.of("k", "v\r"),
            UploadProtocol.CHUNKED);
    assertThat(spec.sha256()).isEqualTo(sha.toLowerCase());
    assertThat(spec.title()).isEqualTo("My title");
    assertThat(spec.access()).isEqualTo(Access.PUBLIC);
    assertThat(spec.metadata()).containsEntry("k", "v");
    refused(() -> UploadPolicy.checksum("xyz", "sha256"), IngestError.INVALID_CHECKSUM_FORMAT);
    refused(
        () -> policy.validate("u", "a.mp4", 5L, "video/mp4", null, null, null, "secret", null, UploadProtocol.CHUNKED),
        IngestError.INVALID_REQUEST);
  }

  @Test
  void refusesMalformedUploadIds() {
    refused(() -> UploadIds.check("../../etc"), IngestError.MALFORMED_UPLOAD_ID);
    refused(() -> UploadIds.check("ABCDEF0123456789abcdef01"), IngestError.MALFORMED_UPLOAD_ID);
    assertThat(UploadIds.check(UploadIds.next())).hasSize(24);
  }
}
