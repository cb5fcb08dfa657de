package io.mediaflow.projector.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediaflow.events.RenditionProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Video profiles from JSON files in a directory, as the seed loads them: the file name (without
 * {@code .json}) is the profile name; {@code width}, {@code height} and {@code videoBitrate} are
 * required, {@code audioBitrate} defaults to 128k. A file that is unreadable or misses a field is
 * skipped with a warning, never fatal; a missing directory means the defaults only.
 */
public final class ProfileFiles {

  private static final Logger log = LoggerFactory.getLogger(ProfileFiles.class);
  // names become object key segments: keep them to safe characters
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private ProfileFiles() {}

  /** The defaults plus every valid profile file of the directory (null or absent: defaults). */
  public static ProfileLadder ladder(Path directory) {
    return ProfileLadder.defaults().with(load(directory));
  }

  public static List<RenditionProfile> load(Path directory) {
    if (directory == null || !Files.isDirectory(directory)) {
      return List.of();
    }
    List<RenditionProfile> profiles = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().forEach(f -> read(f, profiles));
    } catch (IOException e) {
      log.error("Cannot list profile directory {}: {}; using the default profiles", directory, e.getMessage());
    }
    return profiles;
  }

  private static void read(Path file, List<RenditionProfile> into) {
    String fileName = file.getFileName().toString();
    String name = fileName.substring(0, fileName.length() - ".json".length());
    try {
      parse(name, Files.readString(file)).ifPresentOrElse(into::add,
          () -> log.warn("Profile {} is missing required fields (width, height, videoBitrate) or has a bad name, skipping", name));
    } catch (IOException | RuntimeException e) {
      log.error("Error loading profile {}: {}", fileName, e.getMessage());
    }
  }

  /** One profile from its JSON text, empty when invalid. */
  static java.util.Optional<RenditionProfile> parse(String name, String json) throws IOException {
    JsonNode node = JSON.readTree(json);
    int width = node.path("width").asInt(0);
    int height = node.path("height").asInt(0);
    String video = node.path("videoBitrate").asText("");
    String audio = node.path("audioBitrate").asText("128k");
    if (!NAME.matcher(name).matches() || width <= 0 || height <= 0 || !Bitrates.valid(video) || !Bitrates.valid(audio)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(ProfileLadder.video(name, width, height, video, audio));
  }
}
