package io.mediaflow.ingest.upload;

import io.mediaflow.ingest.error.IngestError;
import java.text.Normalizer;

/**
 * Makes a client's filename safe to store, log and put in a header: no directories (so no path
 * traversal), no control or format characters (so no header or log injection), no leading dots
 * (no hidden or relative names), at most {@link #MAX_LENGTH} characters keeping the extension.
 */
public final class FilenameSanitizer {

  public static final int MAX_LENGTH = 200;

  private FilenameSanitizer() {}

  public static String sanitize(String raw) {
    if (raw == null) {
      throw IngestError.MISSING_FIELD.toException("filename");
    }
    String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
    name = lastPathSegment(name);
    StringBuilder out = new StringBuilder(name.length());
    name.codePoints()
        .filter(FilenameSanitizer::isAllowed)
        .forEach(out::appendCodePoint);
    String cleaned = out.toString().strip();
    int firstNonDot = 0;
    while (firstNonDot < cleaned.length() && cleaned.charAt(firstNonDot) == '.') {
      firstNonDot++;
    }
    cleaned = cleaned.substring(firstNonDot).strip();
    if (cleaned.isEmpty()) {
      throw IngestError.INVALID_FILENAME.toException();
    }
    return truncate(cleaned);
  }

  private static String lastPathSegment(String name) {
    int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return cut >= 0 ? name.substring(cut + 1) : name;
  }

  private static boolean isAllowed(int cp) {
    int type = Character.getType(cp);
    return type != Character.CONTROL
        && type != Character.FORMAT
        && type != Character.LINE_SEPARATOR
        && type != Character.PARAGRAPH_SEPARATOR
        && type != Character.SURROGATE
        && type != Character.PRIVATE_USE
        && type != Character.UNASSIGNED
        && cp != '"' && cp != ':' && cp != '*' && cp != '?' && cp != '<' && cp != '>' && cp != '|';
  }

  private static String truncate(String name) {
    if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
    String base = ext.isEmpty() ? name : name.substring(0, dot);
    int keep = MAX_LENGTH - ext.codePointCount(0, ext.length());
    return base.substring(0, base.offsetByCodePoints(0, keep)) + ext;
  }
}
