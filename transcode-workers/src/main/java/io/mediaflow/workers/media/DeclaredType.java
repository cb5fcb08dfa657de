package io.mediaflow.workers.media;

import io.mediaflow.events.MediaKind;
import java.util.Locale;

/**
 * Whether the sniffed content fits the type the client declared. Browsers label files loosely
 * (an .m4a as video/mp4, a .mov as video/mp4), so the check is on the kind of media, not the exact
 * container: a text file, a playlist or random bytes declared as video/mp4 fail; a WebM declared as
 * video/mp4 passes.
 */
public final class DeclaredType {

  private DeclaredType() {}

  public static boolean accepts(String declared, SniffedType sniffed) {
    if (!sniffed.isMedia()) {
      return false;
    }
    String d = declared == null ? "" : declared.trim().toLowerCase(Locale.ROOT);
    if (d.isEmpty() || d.equals("application/octet-stream")) {
      return true;
    }
    int slash = d.indexOf('/');
    String top = slash < 0 ? d : d.substring(0, slash);
    return switch (top) {
      case "video" -> sniffed.kinds().contains(MediaKind.VIDEO);
      case "audio" -> sniffed.kinds().contains(MediaKind.AUDIO);
      case "image" -> sniffed.kinds().contains(MediaKind.IMAGE);
      default -> false;
    };
  }
}
