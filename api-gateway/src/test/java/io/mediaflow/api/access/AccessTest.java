package io.mediaflow.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediaflow.api.errors.ApiException;
import org.junit.jupiter.api.Test;

class AccessTest {

  @Test
  void documentValuesAreReadLeniently_unknownMeansPrivate() {
    assertThat(Access.fromDocument("public")).isEqualTo(Access.PUBLIC);
    assertThat(Access.fromDocument("UNLISTED")).isEqualTo(Access.UNLISTED);
    assertThat(Access.fromDocument(null)).isEqualTo(Access.PRIVATE);
    assertThat(Access.fromDocument("friends")).isEqualTo(Access.PRIVATE);
  }

  @Test
  void requestValuesMustBeExact() {
    assertThat(Access.fromRequest("unlisted")).isEqualTo(Access.UNLISTED);
    assertThatThrownBy(() -> Access.fromRequest("PUBLIC")).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> Access.fromRequest(null)).isInstanceOf(ApiException.class);
  }
}
