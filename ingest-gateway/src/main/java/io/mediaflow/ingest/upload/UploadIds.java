package io.mediaflow.ingest.upload;

import io.mediaflow.ingest.error.IngestError;
import java.util.regex.Pattern;
import org.bson.types.ObjectId;

/** Upload id = asset id: a new MongoDB ObjectId as 24 lower-case hex characters. */
public final class UploadIds {

  private static final Pattern ID = Pattern.compile("[0-9a-f]{24}");

  private UploadIds() {}

  public static String next() {
    return new ObjectId().toHexString();
  }

  /** Refuses anything but a well-formed id before it reaches a Redis or S3 key. */
  public static String check(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw IngestError.MALFORMED_UPLOAD_ID.toException(id == null ? "" : id.replaceAll("[^0-9A-Za-z]", "?"));
    }
    return id;
  }
}
