package io.mediaflow.api.assets;

import io.mediaflow.api.errors.ApiError;
import java.util.regex.Pattern;

/** Asset ids are 24-hex MongoDB ObjectId strings (assigned by ingest-gateway). */
public final class AssetIds {

  private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");

  private AssetIds() {}

  public static boolean valid(String id) {
    return id != null && OBJECT_ID.matcher(id).matches();
  }

  /** The id, lower-cased as ingest-gateway writes it, or 400 INVALID_ASSET_ID. */
  public static String require(String id) {
    if (!valid(id)) {
      throw ApiError.INVALID_ASSET_ID.exception();
    }
    return id.toLowerCase(java.util.Locale.ROOT);
  }
}
