package io.mediaflow.ingest.upload;

import io.mediaflow.events.Access;
import io.mediaflow.events.UploadProtocol;
import java.util.Map;

/** A validated request to start an upload: what UploadStarted records. */
public record UploadSpec(
    String owner,
    String filename,
    long fileSize,
    String fileType,
    String sha256,
    String title,
    String description,
    Access access,
    Map<String, String> metadata,
    UploadProtocol protocol) {}
