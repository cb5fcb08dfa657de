package io.mediaflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SchemaCompatibilityTest {

  /** UploadEvent.assetId, a string without a default, as it appears in the schema's JSON. */
  private static final String ASSET_ID_FIELD = "\\{\"name\":\"assetId\",\"type\":\\{[^}]*\\}\\},";

  @TestFactory
  List<DynamicTest> everyCurrentSchemaIsFullyCompatibleWithEveryReleasedVersion() {
    return SchemaHistory.CURRENT.stream()
        .map(
            schema ->
                DynamicTest.dynamicTest(
                    schema.getName(),
                    () ->
                        assertThat(
                                SchemaCompatibilityCheck.incompatibilities(
                                    schema, released(schema)))
                            .isEmpty()))
        .toList();
  }

  @TestFactory
  List<DynamicTest> everyCurrentSchemaIsRecordedInTheHistory() {
    return SchemaHistory.CURRENT.stream()
        .map(
            schema ->
                DynamicTest.dynamicTest(
                    schema.getName(),
                    () -> {
                      List<Schema> released = released(schema);
                      assertThat(released)
                          .as(
                              "%s changed: record it with `mvn -pl schemas compile exec:java` and commit",
                              schema.getName())
                          .isNotEmpty();
                      assertThat(
                              SchemaHistory.sameSchema(
                                  released.get(released.size() - 1), schema))
                          .as(
                              "%s changed: record it with `mvn -pl schemas compile exec:java` and commit",
                              schema.getName())
                          .isTrue();
                    }))
        .toList();
  }

  @Test
  void removingAFieldWithoutADefaultIsCaught() {
    // Given the released UploadEvent, and a candidate that drops UploadEvent.assetId (no default)
    Schema released = released(io.mediaflow.events.UploadEvent.getClassSchema()).get(0);
    String withoutAssetId =
        released.toString().replaceFirst(ASSET_ID_FIELD, "");
    Schema candidate = new Schema.Parser().parse(withoutAssetId);
    assertThat(withoutAssetId).isNotEqualTo(released.toString());

    // When it is checked against the history
    List<String> problems = SchemaCompatibilityCheck.incompatibilities(candidate, List.of(released));

    // Then the old readers' need for the field is reported
    assertThat(problems)
        .singleElement()
        .asString()
        .contains("UploadEvent v1 cannot read data written with the new schema")
        .contains("READER_FIELD_MISSING_DEFAULT")
        .contains("assetId");
  }

  @Test
  void addingAFieldWithADefaultIsCompatible() {
    Schema released = released(io.mediaflow.events.UploadEvent.getClassSchema()).get(0);
    String withTags =
        released
            .toString()
            .replaceFirst(
                ASSET_ID_FIELD,
                "{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"items\":\"string\"},\"default\":[]},"
                    + "$0");
    Schema candidate = new Schema.Parser().parse(withTags);

    assertThat(SchemaCompatibilityCheck.incompatibilities(candidate, List.of(released))).isEmpty();
  }

  private static List<Schema> released(Schema schema) {
    return SchemaHistory.versions().getOrDefault(schema.getFullName(), List.of());
  }
}
