package io.mediaflow.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediaflow.ingest.error.IngestException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilenameSanitizerTest {

  @ParameterizedTest
  @CsvSource({
    "holiday.mp4, holiday.mp4",
    "../../etc/passwd, passwd",
    "..\\..\\windows\\system32\\evil.exe, evil.exe",
    "/abs/path/clip.webm, clip.webm",
    "..hidden.mp4, hidden.mp4",
    "'  spaced name.mp4  ', spaced name.mp4",
    "what?*<>|:.mp4, what.mp4",
  })
  void keepsOnlyASafeBaseName(String raw, String expected) {
    assertThat(FilenameSanitizer.sanitize(raw)).isEqualTo(expected);
  }

  @Test
  void removesControlCharactersSoNoHeaderOrLogInjection() {
    assertThat(FilenameSanitizer.sanitize("a\r\nSet-Cookie: x\u0000\u202e.mp4")).isEqualTo("aSet-Cookie x.mp4");
  }

  @Test
  void keepsUnicodeLetters() {
    assertThat(FilenameSanitizer.sanitize("Été à Zürich 夏.mp4")).isEqualTo("Été à Zürich 夏.mp4");
  }

  @Test
  void truncatesLongNamesKeepingTheExtension() {
    String name = FilenameSanitizer.sanitize("x".repeat(500) + ".mp4");
    assertThat(name).hasSize(FilenameSanitizer.MAX_LENGTH).endsWith(".mp4");
  }

  @Test
  void refusesNamesThatAreNothingButPathOrDots() {
    assertThatThrownBy(() -> FilenameSanitizer.sanitize("../")).isInstanceOf(IngestException.class);
    assertThatThrownBy(() -> FilenameSanitizer.sanitize("...")).isInstanceOf(IngestException.class);
    assertThatThrownBy(() -> FilenameSanitizer.sanitize("\u0000\u0001")).isInstanceOf(IngestException.class);
    assertThatThrownBy(() -> FilenameSanitizer.sanitize(null)).isInstanceOf(IngestException.class);
  }

  @Property
  void neverLeavesASeparatorAControlCharacterOrALeadingDot(@ForAll String raw) {
    String clean;
    try {
      clean = FilenameSanitizer.sanitize(raw);
    } catch (IngestException refused) {
      return;
    }
    assertThat(clean).isNotBlank().doesNotContain("/", "\\", "\r", "\n", "\u0000").doesNotStartWith(".");
    assertThat(clean.codePoints().noneMatch(Character::isISOControl)).isTrue();
    assertThat(clean.codePointCount(0, clean.length())).isLessThanOrEqualTo(FilenameSanitizer.MAX_LENGTH);
  }
}
