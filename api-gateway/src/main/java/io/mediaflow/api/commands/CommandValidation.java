package io.mediaflow.api.commands;

import io.mediaflow.api.access.Access;
import io.mediaflow.api.errors.ApiError;
import io.mediaflow.events.EditMetadata;
import io.mediaflow.events.Reprocess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Turns client requests into command payloads, or 400 INVALID_REQUEST naming the field at fault. */
public final class CommandValidation {

  static final int MAX_TITLE = 200;
  static final int MAX_DESCRIPTION = 5000;
  static final int MAX_METADATA_ENTRIES = 50;
  static final int MAX_METADATA_VALUE = 1024;
  static final int MAX_PROFILES = 20;
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Pattern PROFILE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  private CommandValidation() {}

  public static EditMetadata edit(EditRequest request) {
    if (request == null
        || (request.title() == null
            && request.description() == null
            && request.access() == null
            && request.metadata() == null)) {
      throw invalid("Send at least one of title, description, access, metadata.");
    }
    EditMetadata.Builder edit = EditMetadata.newBuilder();
    if (request.title() != null) {
      String title = request.title().strip();
      if (title.isEmpty() || title.length() > MAX_TITLE) {
        throw invalid("title must be 1 to " + MAX_TITLE + " characters.");
      }
      edit.setTitle(title);
    }
    if (request.description() != null) {
      if (request.description().length() > MAX_DESCRIPTION) {
        throw invalid("description must be at most " + MAX_DESCRIPTION + " characters.");
      }
      edit.setDescription(request.description());
    }
    if (request.access() != null) {
      edit.setAccess(io.mediaflow.events.Access.valueOf(Access.fromRequest(request.access()).name()));
    }
    if (request.metadata() != null) {
      edit.setMetadata(metadata(request.metadata()));
    }
    return edit.build();
  }

  public static Reprocess reprocess(ReprocessRequest request) {
    List<String> profiles = request == null || request.profiles() == null ? List.of() : request.profiles();
    if (profiles.size() > MAX_PROFILES) {
      throw invalid("At most " + MAX_PROFILES + " profiles.");
    }
    for (String profile : profiles) {
      if (profile == null || !PROFILE.matcher(profile).matches()) {
        throw invalid("profiles must be names like 720p (letters, digits, '_', '-').");
      }
    }
    return Reprocess.newBuilder().setProfiles(profiles.stream().distinct().toList()).build();
  }

  private static Map<String, String> metadata(Map<String, String> metadata) {
    if (metadata.size() > MAX_METADATA_ENTRIES) {
      throw invalid("metadata may hold at most " + MAX_METADATA_ENTRIES + " entries.");
    }
    Map<String, String> out = new LinkedHashMap<>();
    metadata.forEach(
        (key, value) -> {
          if (key == null || !KEY.matcher(key).matches() || key.toLowerCase(Locale.ROOT).startsWith("$")) {
            throw invalid("metadata keys must be 1-64 letters, digits, '_', '.' or '-'.");
          }
          if (value == null || value.length() > MAX_METADATA_VALUE) {
            throw invalid("metadata values must be strings of at most " + MAX_METADATA_VALUE + " characters.");
          }
          out.put(key, value);
        });
    return out;
  }

  private static RuntimeException invalid(String message) {
    return ApiError.INVALID_REQUEST.exception(message);
  }
}
