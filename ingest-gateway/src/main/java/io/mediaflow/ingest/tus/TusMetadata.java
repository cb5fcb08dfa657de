package io.mediaflow.ingest.tus;

import io.mediaflow.ingest.error.IngestError;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses tus {@code Upload-Metadata}: comma-separated {@code key base64value} pairs (a value may be
 * absent). Values are decoded as strict UTF-8; sanitising them is the upload policy's job, so a
 * filename carrying CR/LF cannot reach a header or a log.
 */
final class TusMetadata {

  static final int MAX_HEADER = 8 * 1024;
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  private TusMetadata() {}

  static Map<String, String> parse(String header) {
    Map<String, String> values = new LinkedHashMap<>();
    if (header == null || header.isBlank()) {
      return values;
    }
    if (header.length() > MAX_HEADER) {
      throw IngestError.INVALID_METADATA.toException("longer than " + MAX_HEADER + " characters");
    }
    for (String pair : header.split(",")) {
      String[] parts = pair.strip().split(" ", -1);
      if (parts.length > 2 || !KEY.matcher(parts[0]).matches()) {
        throw IngestError.INVALID_METADATA.toException("expected 'key base64value' pairs separated by commas");
      }
      if (values.containsKey(parts[0])) {
        throw IngestError.INVALID_METADATA.toException("key '" + parts[0] + "' appears twice");
      }
      values.put(parts[0], parts.length == 2 ? decode(parts[1], parts[0]) : "");
    }
    return values;
  }

  private static String decode(String base64, String key) {
    try {
      byte[] raw = Base64.getDecoder().decode(base64.strip());
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw))
          .toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      throw IngestError.INVALID_METADATA.toException("the value of '" + key + "' is not base64-encoded UTF-8");
    }
  }
}
