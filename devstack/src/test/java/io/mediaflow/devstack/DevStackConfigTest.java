package io.mediaflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DevStackConfigTest {

  @Test
  void defaultsAreTheDocumentedPortsUnderDotMediaflow() {
    DevStackConfig config = DevStackConfig.fromEnvironment(Map.of());

    assertThat(config.home().toString()).endsWith(".mediaflow");
    assertThat(config.persistent()).isTrue();
    assertThat(config.kafkaPort()).isEqualTo(9092);
    assertThat(config.s3Port()).isEqualTo(9000);
    assertThat(config.mongoPort()).isEqualTo(27017);
    assertThat(config.redisPort()).isEqualTo(6379);
    assertThat(config.bucket()).isEqualTo("mediaflow");
  }

  @Test
  void environmentOverridesPortsAndHome() {
    DevStackConfig config =
        DevStackConfig.fromEnvironment(
            Map.of("MEDIAFLOW_HOME", "/tmp/x", "MEDIAFLOW_KAFKA_PORT", "19092", "S3_BUCKET", "media"));

    assertThat(config.home().toString()).isEqualTo("/tmp/x");
    assertThat(config.kafkaPort()).isEqualTo(19092);
    assertThat(config.bucket()).isEqualTo("media");
  }

  @Test
  void aMalformedPortNamesTheVariable() {
    assertThatThrownBy(() -> DevStackConfig.fromEnvironment(Map.of("MEDIAFLOW_REDIS_PORT", "six")))
        .hasMessageContaining("MEDIAFLOW_REDIS_PORT");
    assertThatThrownBy(() -> DevStackConfig.fromEnvironment(Map.of("MEDIAFLOW_S3_PORT", "70000")))
        .hasMessageContaining("70000");
  }

  @Test
  void anInvalidBucketNameIsRefused() {
    assertThatThrownBy(() -> DevStackConfig.fromEnvironment(Map.of("S3_BUCKET", "../etc")))
        .hasMessageContaining("bucket");
  }
}
