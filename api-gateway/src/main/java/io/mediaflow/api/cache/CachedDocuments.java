package io.mediaflow.api.cache;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * How a projection document is stored in Redis: {@code <version>|<extended JSON>}. Extended JSON
 * keeps BSON types (dates, longs) through the round trip; the version prefix lets a Lua script
 * compare versions without parsing JSON.
 */
final class CachedDocuments {

  private static final JsonWriterSettings EXTENDED =
      JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

  private CachedDocuments() {}

  static long version(Document document) {
    return document.get("version") instanceof Number n ? n.longValue() : 0L;
  }

  static String encode(Document document) {
    return version(document) + "|" + document.toJson(EXTENDED);
  }

  static Document decode(String value) {
    int bar = value.indexOf('|');
    return Document.parse(value.substring(bar + 1));
  }
}
