package io.mediaflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonErrorsTest {

  @Test
  void messagesCannotBreakOutOfTheirJsonString() {
    assertThat(JsonErrors.escape("a\"b\\c\nd\u0001")).isEqualTo("a\\\"b\\\\c\\nd\\u0001");
  }
}
