package io.mediaflow.schemas;

import io.mediaflow.events.AssetCommand;
import io.mediaflow.events.AssetState;
import io.mediaflow.events.DeadLetter;
import io.mediaflow.events.Job;
import io.mediaflow.events.JobEvent;
import io.mediaflow.events.UploadEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;

/**
 * Every version of every top-level schema that has been released, kept in
 * {@code src/main/resources/schema-history/<Name>/v<N>.avsc} and listed in its {@code index}. Decoders
 * resolve old records against these; the compatibility test checks each current schema against them.
 *
 * <p>After changing a schema, record it with {@code mvn -pl schemas -q compile exec:java} (see the
 * module README) and commit the new file.
 */
public final class SchemaHistory {

  static final String ROOT = "schema-history/";

  /** The schemas as compiled into this module: one per topic value. */
  public static final List<Schema> CURRENT =
      List.of(
          UploadEvent.getClassSchema(),
          Job.getClassSchema(),
          JobEvent.getClassSchema(),
          AssetCommand.getClassSchema(),
          AssetState.getClassSchema(),
          DeadLetter.getClassSchema());

  private static volatile Map<String, List<Schema>> history;

  private SchemaHistory() {}

  /** Released versions per full schema name, oldest first. */
  public static Map<String, List<Schema>> versions() {
    Map<String, List<Schema>> loaded = history;
    if (loaded == null) {
      loaded = load();
      history = loaded;
    }
    return loaded;
  }

  /** A store that finds any released or current schema by its fingerprint. */
  public static SchemaStore store() {
    SchemaStore.Cache cache = new SchemaStore.Cache();
    versions().values().forEach(list -> list.forEach(cache::addSchema));
    CURRENT.forEach(cache::addSchema);
    return cache;
  }

  private static Map<String, List<Schema>> load() {
    Map<String, List<Schema>> result = new LinkedHashMap<>();
    for (String entry : indexEntries()) {
      Schema schema = new Schema.Parser().parse(resourceText(ROOT + entry));
      result.computeIfAbsent(schema.getFullName(), k -> new ArrayList<>()).add(schema);
    }
    return result;
  }

  private static List<String> indexEntries() {
    List<String> entries = new ArrayList<>();
    for (String line : resourceText(ROOT + "index").split("\n")) {
      String entry = line.strip();
      if (!entry.isEmpty() && !entry.startsWith("#")) {
        entries.add(entry);
      }
    }
    return entries;
  }

  private static String resourceText(String name) {
    try (InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(name)) {
      Objects.requireNonNull(in, () -> "missing resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Records each current schema that differs from its latest released version as a new version in
   * the source tree ({@code args[0]}, default {@code src/main/resources/schema-history}).
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "src/main/resources/" + ROOT);
    Path index = dir.resolve("index");
    List<String> lines =
        Files.exists(index) ? new ArrayList<>(Files.readAllLines(index)) : new ArrayList<>();
    for (Schema current : CURRENT) {
      List<Schema> released = versions().getOrDefault(current.getFullName(), List.of());
      if (!released.isEmpty() && sameSchema(released.get(released.size() - 1), current)) {
        continue;
      }
      String entry = current.getName() + "/v" + (released.size() + 1) + ".avsc";
      Path file = dir.resolve(entry);
      Files.createDirectories(file.getParent());
      Files.writeString(file, current.toString(true) + "\n");
      lines.add(entry);
      System.out.println("recorded " + entry);
    }
    Files.write(index, lines);
  }

  static boolean sameSchema(Schema a, Schema b) {
    return SchemaNormalization.parsingFingerprint64(a) == SchemaNormalization.parsingFingerprint64(b)
        && a.toString().equals(b.toString());
  }

}
