package io.mediaflow.api.access;

import static io.mediaflow.api.access.AccessRules.Decision.ADMIN_ONLY;
import static io.mediaflow.api.access.AccessRules.Decision.ALLOW;
import static io.mediaflow.api.access.AccessRules.Decision.FORBIDDEN;
import static io.mediaflow.api.access.AccessRules.Decision.NOT_DELETED;
import static io.mediaflow.api.access.AccessRules.Decision.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessRulesTest {

  static final Viewer OWNER = new Viewer("alice", false);
  static final Viewer OTHER = new Viewer("bob", false);
  static final Viewer ADMIN = new Viewer("root", true);

  static Viewer viewer(String who) {
    return switch (who) {
      case "owner" -> OWNER;
      case "other" -> OTHER;
      default -> ADMIN;
    };
  }

  @ParameterizedTest(name = "{0} reads a {1} asset: {2}")
  @CsvSource({
    "owner, PRIVATE, ALLOW", "other, PRIVATE, FORBIDDEN", "admin, PRIVATE, ALLOW",
    "owner, UNLISTED, ALLOW", "other, UNLISTED, ALLOW", "admin, UNLISTED, ALLOW",
    "owner, PUBLIC, ALLOW", "other, PUBLIC, ALLOW", "admin, PUBLIC, ALLOW"
  })
  void read(String who, Access access, AccessRules.Decision expected) {
    assertThat(AccessRules.read("alice", access, false, viewer(who))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} lists a {1} asset: {2}")
  @CsvSource({
    "owner, PRIVATE, true", "other, PRIVATE, false", "admin, PRIVATE, true",
    "owner, UNLISTED, true", "other, UNLISTED, false", "admin, UNLISTED, true",
    "owner, PUBLIC, true", "other, PUBLIC, true", "admin, PUBLIC, true"
  })
  void listed(String who, Access access, boolean expected) {
    assertThat(AccessRules.listed("alice", access, false, viewer(who))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} modifies a {1} asset: {2}")
  @CsvSource({
    "owner, PRIVATE, ALLOW", "other, PRIVATE, FORBIDDEN", "admin, PRIVATE, ALLOW",
    "owner, UNLISTED, ALLOW", "other, UNLISTED, FORBIDDEN", "admin, UNLISTED, ALLOW",
    "owner, PUBLIC, ALLOW", "other, PUBLIC, FORBIDDEN", "admin, PUBLIC, ALLOW"
  })
  void modify(String who, Access access, AccessRules.Decision expected) {
    assertThat(AccessRules.modify("alice", access, false, viewer(who))).isEqualTo(expected);
  }

  @Test
  void restoreIsForAdminsAndOnlyOfDeletedAssets() {
    assertThat(AccessRules.restore(true, ADMIN)).isEqualTo(ALLOW);
    assertThat(AccessRules.restore(false, ADMIN)).isEqualTo(NOT_DELETED);
    assertThat(AccessRules.restore(true, OWNER)).isEqualTo(ADMIN_ONLY);
    assertThat(AccessRules.restore(false, OTHER)).isEqualTo(ADMIN_ONLY);
  }

  @Test
  void aViewerWithoutASubjectOwnsNothing() {
    assertThat(AccessRules.read(null, Access.PRIVATE, false, new Viewer(null, false))).isEqualTo(FORBIDDEN);
  }

  @Property
  void deletedAssetsAreAbsentToEveryoneForReadListAndModify(
      @ForAll Access access, @ForAll boolean admin, @ForAll boolean owns) {
    Viewer viewer = new Viewer(owns ? "alice" : "bob", admin);
    assertThat(AccessRules.read("alice", access, true, viewer)).isEqualTo(NOT_FOUND);
    assertThat(AccessRules.modify("alice", access, true, viewer)).isEqualTo(NOT_FOUND);
    assertThat(AccessRules.listed("alice", access, true, viewer)).isFalse();
  }

  @Property
  void whatIsListedIsReadableAndWhatIsModifiableIsReadable(
      @ForAll Access access, @ForAll boolean admin, @ForAll boolean owns, @ForAll boolean deleted) {
    Viewer viewer = new Viewer(owns ? "alice" : "bob", admin);
    if (AccessRules.listed("alice", access, deleted, viewer)) {
      assertThat(AccessRules.read("alice", access, deleted, viewer)).isEqualTo(ALLOW);
    }
    if (AccessRules.modify("alice", access, deleted, viewer) == ALLOW) {
      assertThat(AccessRules.read("alice", access, deleted, viewer)).isEqualTo(ALLOW);
    }
  }
}
