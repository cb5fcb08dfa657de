package io.mediaflow.api.assets;

import io.mediaflow.api.access.Access;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Converts a projection document into an {@link Asset}. Tolerant of missing fields (the projector
 * may not have filled them yet) and of numbers stored as another numeric type.
 */
public final class AssetDocuments {

  private AssetDocuments() {}

  public static Asset toAsset(Document doc) {
    return new Asset(
        String.valueOf(doc.get("_id")),
        longOf(doc.get("version"), 0L),
        (int) longOf(doc.get("generation"), 1L),
        doc.getString("owner"),
        stringOr(doc.get("title"), ""),
        stringOr(doc.get("description"), ""),
        Access.fromDocument(doc.getString("access")),
        metadata(doc.get("metadata")),
        doc.getString("fileType"),
        stringOr(doc.get("status"), "UPLOADING"),
        (int) longOf(doc.get("progress"), 0L),
        failure(doc.get("error")),
        Boolean.TRUE.equals(doc.get("deleted")),
        instant(doc.get("createdAt")),
        instant(doc.get("updatedAt")),
        doc.get("duration") instanceof Number n ? n.doubleValue() : null,
        doc.getString("thumbnailKey"),
        renditions(doc.get("renditions")));
  }

  private static List<Asset.Rendition> renditions(Object value) {
    if (!(value instanceof List<?> list)) {
      return List.of();
    }
    return list.stream()
        .filter(Document.class::isInstance)
        .map(Document.class::cast)
        .map(
            r ->
                new Asset.Rendition(
                    r.getString("profile"),
                    stringOr(r.get("status"), "PENDING"),
                    r.get("width") instanceof Number w ? w.intValue() : null,
                    r.get("height") instanceof Number h ? h.intValue() : null,
                    r.get("bitrate") instanceof Number b ? b.longValue() : null,
                    r.getString("codecs"),
                    r.getString("playlistKey"),
                    r.getString("storyboardKey")))
        .filter(r -> r.profile() != null)
        .toList();
  }

  private static Asset.Failure failure(Object value) {
    if (value instanceof Document d) {
      return new Asset.Failure(d.getString("code"), d.getString("reason"));
    }
    return null;
  }

  private static Map<String, String> metadata(Object value) {
    Map<String, String> out = new LinkedHashMap<>();
    if (value instanceof Document d) {
      d.forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
    }
    return out;
  }

  private static Instant instant(Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Number n) {
      return Instant.ofEpochMilli(n.longValue());
    }
    return null;
  }

  private static long longOf(Object value, long fallback) {
    return value instanceof Number n ? n.longValue() : fallback;
  }

  private static String stringOr(Object value, String fallback) {
    return value instanceof String s ? s : fallback;
  }
}
