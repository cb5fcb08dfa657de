package io.mediaflow.ingest.upload;

import io.mediaflow.events.Access;
import io.mediaflow.events.UploadProtocol;
import io.mediaflow.ingest.error.IngestError;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The rules an upload must meet before anything is stored: allowed type, size limit, sanitised
 * filename, well-formed checksum, bounded free text. Pure: the limits come in, a spec comes out.
 */
public final class UploadPolicy {

  static final int MAX_TEXT = 2_000;
  static final int MAX_METADATA_ENTRIES = 50;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  private final List<String> allowedTypes;
  private final long maxFileSize;

  public UploadPolicy(List<String> allowedTypes, long maxFileSize) {
    this.allowedTypes = allowedTypes.stream().map(t -> t.toLowerCase(Locale.ROOT).strip()).toList();
    this.maxFileSize = maxFileSize;
  }

  public UploadSpec validate(
      String owner,
      String filename,
      Long fileSize,
      String fileType,
      String sha256,
      String title,
      String description,
      String access,
      Map<String, String> metadata,
      UploadProtocol protocol) {
    if (fileSize == null) {
      throw IngestError.MISSING_FIELD.toException("fileSize");
    }
    if (fileType == null || fileType.isBlank()) {
      throw IngestError.MISSING_FIELD.toException("fileType");
    }
    String cleanName = FilenameSanitizer.sanitize(filename);
    String type = normaliseType(fileType);
    if (!allowedTypes.contains(type)) {
      throw IngestError.UNSUPPORTED_TYPE.toException(printable(fileType), String.join(", ", allowedTypes));
    }
    if (fileSize <= 0) {
      throw IngestError.EMPTY_FILE.toException();
    }
    if (fileSize > maxFileSize) {
      throw IngestError.FILE_TOO_LARGE.toException(fileSize, maxFileSize);
    }
    return new UploadSpec(
        owner,
        cleanName,
        fileSize,
        type,
        checksum(sha256, "sha256"),
        text(title, "title"),
        text(description, "description"),
        access(access),
        metadata(metadata),
        protocol);
  }

  /** A declared SHA-256 (hex), lower-cased, or null when absent. */
  public static String checksum(String sha256, String field) {
    if (sha256 == null || sha256.isEmpty()) {
      return null;
    }
    if (!SHA256.matcher(sha256).matches()) {
      throw IngestError.INVALID_CHECKSUM_FORMAT.toException(field);
    }
    return sha256.toLowerCase(Locale.ROOT);
  }

  /** "video/MP4; codecs=x" → "video/mp4". */
  static String normaliseType(String fileType) {
    int semicolon = fileType.indexOf(';');
    String bare = semicolon >= 0 ? fileType.substring(0, semicolon) : fileType;
    return bare.strip().toLowerCase(Locale.ROOT);
  }

  static Access access(String access) {
    if (access == null || access.isBlank()) {
      return Access.PRIVATE;
    }
    try {
      return Access.valueOf(access.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw IngestError.INVALID_REQUEST.toException("access must be private, unlisted or public");
    }
  }

  static String text(String value, String field) {
    if (value == null) {
      return "";
    }
    String clean = stripControls(value).strip();
    if (clean.length() > MAX_TEXT) {
      throw IngestError.INVALID_REQUEST.toException(field + " is longer than " + MAX_TEXT + " characters");
    }
    return clean;
  }

  static Map<String, String> metadata(Map<String, String> metadata) {
    Map<String, String> clean = new TreeMap<>();
    if (metadata == null) {
      return clean;
    }
    if (metadata.size() > MAX_METADATA_ENTRIES) {
      throw IngestError.INVALID_REQUEST.toException("metadata has more than " + MAX_METADATA_ENTRIES + " entries");
    }
    metadata.forEach(
        (k, v) -> {
          String key = text(k, "metadata key");
          if (key.isEmpty() || key.length() > 100) {
            throw IngestError.INVALID_REQUEST.toException("metadata keys must be 1-100 characters");
          }
          clean.put(key, text(v, "metadata value"));
        });
    return clean;
  }

  static String stripControls(String value) {
    StringBuilder out = new StringBuilder(value.length());
    value.codePoints()
        .filter(cp -> cp == '\n' || !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  private static String printable(String value) {
    String clean = stripControls(value).replace('\n', ' ');
    return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
  }
}
