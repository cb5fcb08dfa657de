package io.mediaflow.api.access;

import io.mediaflow.api.errors.ApiError;
import java.util.Locale;

/** Who may read an asset, as the projection and the REST API spell it (lower case). */
public enum Access {
  PRIVATE,
  UNLISTED,
  PUBLIC;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The projection's value; an unknown or missing one is treated as the safest, private. */
  public static Access fromDocument(String value) {
    if (value == null) {
      return PRIVATE;
    }
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return PRIVATE;
    }
  }

  /** A client's value: exactly private, unlisted or public. */
  public static Access fromRequest(String value) {
    for (Access access : values()) {
      if (access.wire().equals(value)) {
        return access;
      }
    }
    throw ApiError.INVALID_REQUEST.exception("access must be one of private, unlisted, public.");
  }
}
