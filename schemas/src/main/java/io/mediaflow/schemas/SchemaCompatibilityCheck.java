package io.mediaflow.schemas;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Full transitive compatibility: a candidate schema must read data written with every earlier version
 * (consumers upgrade first) and every earlier version must read data written with the candidate
 * (producers upgrade first, and replay of old events keeps working).
 */
public final class SchemaCompatibilityCheck {

  private SchemaCompatibilityCheck() {}

  /** What breaks between the candidate and the released versions; empty when compatible. */
  public static List<String> incompatibilities(Schema candidate, List<Schema> released) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < released.size(); i++) {
      Schema old = released.get(i);
      String version = candidate.getName() + " v" + (i + 1);
      check(candidate, old, "the new schema cannot read data written with " + version, problems);
      check(old, candidate, version + " cannot read data written with the new schema", problems);
    }
    return problems;
  }

  private static void check(Schema reader, Schema writer, String what, List<String> problems) {
    SchemaPairCompatibility result =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
      result
          .getResult()
          .getIncompatibilities()
          .forEach(
              inc ->
                  problems.add(
                      what
                          + ": "
                          + inc.getType()
                          + " at "
                          + inc.getLocation()
                          + " ("
                          + inc.getMessage()
                          + ")"));
    }
  }
}
