package io.mediaflow.api.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediaflow.api.access.Viewer;
import io.mediaflow.api.errors.ApiError;
import io.mediaflow.api.errors.ApiException;
import org.junit.jupiter.api.Test;

class ListQueryTest {

  @Test
  void defaultsAndNormalisation() {
    ListQuery q = ListQuery.of(" ready ", "  cats ", null, null, 20, 100);
    assertThat(q).isEqualTo(new ListQuery("READY", "cats", 1, 20));
    assertThat(ListQuery.of(null, " ", 3, 10, 20, 100).skip()).isEqualTo(20);
  }

  @Test
  void invalidValuesAre400() {
    assertInvalid(() -> ListQuery.of("DONE", null, null, null, 20, 100));
    assertInvalid(() -> ListQuery.of(null, null, 0, null, 20, 100));
    assertInvalid(() -> ListQuery.of(null, null, null, 101, 20, 100));
    assertInvalid(() -> ListQuery.of(null, null, null, 0, 20, 100));
    assertInvalid(() -> ListQuery.of(null, "x".repeat(201), null, null, 20, 100));
  }

  @Test
  void aUserSeesOwnAndPublic_anAdminEverything_neverDeleted() {
    String user = ListQuery.of(null, null, null, null, 20, 100).filter(new Viewer("alice", false))
        .toBsonDocument().toJson();
    String admin = ListQuery.of(null, null, null, null, 20, 100).filter(new Viewer("root", true))
        .toBsonDocument().toJson();

    assertThat(user).contains("\"owner\": \"alice\"", "\"access\": \"public\"", "\"deleted\": {\"$ne\": true}");
    assertThat(admin).doesNotContain("owner", "access").contains("\"deleted\": {\"$ne\": true}");
  }

  @Test
  void titleSearchQuotesTheUsersText() {
    String filter = ListQuery.of(null, "a.*(b", null, null, 20, 100).filter(new Viewer("u", false))
        .toBsonDocument().toJson();
    assertThat(filter).contains("\\\\Qa.*(b\\\\E", "\"options\": \"i\"");
  }

  static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(ApiError.INVALID_QUERY));
  }
}
