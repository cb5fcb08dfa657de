package io.mediaflow.api.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediaflow.api.errors.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssetIdsTest {

  @ParameterizedTest
  @ValueSource(strings = {"65a1b2c3d4e5f60718293a4b", "000000000000000000000000", "ABCDEFabcdef012345678901"})
  void objectIdsAreValidAndLowerCased(String id) {
    assertThat(AssetIds.require(id)).isEqualTo(id.toLowerCase());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "65a1b2c3d4e5f60718293a4", "65a1b2c3d4e5f60718293a4bc", "65a1b2c3d4e5f60718293a4g",
      "../../../etc/passwd00000", "65a1b2c3d4e5f60718293a4b\n"})
  void anythingElseIsRefused(String id) {
    assertThatThrownBy(() -> AssetIds.require(id)).isInstanceOf(ApiException.class);
  }
}
