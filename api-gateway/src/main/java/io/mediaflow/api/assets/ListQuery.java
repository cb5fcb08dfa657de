package io.mediaflow.api.assets;

import com.mongodb.client.model.Filters;
import io.mediaflow.api.access.Access;
import io.mediaflow.api.access.Viewer;
import io.mediaflow.api.errors.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.conversions.Bson;

/**
 * A validated GET /api/assets query. Pages are 1-based. {@code q} matches the title
 * case-insensitively as a literal (user input is quoted, never a regex).
 */
public record ListQuery(String status, String q, int page, int size) {

  static final Set<String> STATUSES = Set.of("UPLOADING", "PROCESSING", "PLAYABLE", "READY", "FAILED");
  static final int MAX_QUERY_LENGTH = 200;

  public static ListQuery of(String status, String q, Integer page, Integer size, int defaultSize, int maxSize) {
    String normalizedStatus = null;
    if (status != null && !status.isBlank()) {
      normalizedStatus = status.trim().toUpperCase(Locale.ROOT);
      if (!STATUSES.contains(normalizedStatus)) {
        throw ApiError.INVALID_QUERY.exception("status must be one of " + sorted(STATUSES) + ".");
      }
    }
    String text = q == null || q.isBlank() ? null : q.trim();
    if (text != null && text.length() > MAX_QUERY_LENGTH) {
      throw ApiError.INVALID_QUERY.exception("q must be at most " + MAX_QUERY_LENGTH + " characters.");
    }
    int p = page == null ? 1 : page;
    int s = size == null ? defaultSize : size;
    if (p < 1 || p > 100_000) {
      throw ApiError.INVALID_QUERY.exception("page must be between 1 and 100000.");
    }
    if (s < 1 || s > maxSize) {
      throw ApiError.INVALID_QUERY.exception("size must be between 1 and " + maxSize + ".");
    }
    return new ListQuery(normalizedStatus, text, p, s);
  }

  public int skip() {
    return (page - 1) * size;
  }

  /** The MongoDB filter: not deleted, visible to the viewer (AccessRules.listed), then status and q. */
  public Bson filter(Viewer viewer) {
    List<Bson> clauses = new ArrayList<>();
    clauses.add(Filters.ne("deleted", true));
    if (!viewer.admin()) {
      clauses.add(Filters.or(Filters.eq("owner", viewer.user()), Filters.eq("access", Access.PUBLIC.wire())));
    }
    if (status != null) {
      clauses.add(Filters.eq("status", status));
    }
    if (q != null) {
      clauses.add(Filters.regex("title", Pattern.quote(q), "i"));
    }
    return Filters.and(clauses);
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
