package io.mediaflow.workers.media;

import io.mediaflow.events.MediaKind;
import java.util.Set;

/** What a file's first bytes say it is, and which kinds of media such a container can hold. */
public record SniffedType(String mime, Set<MediaKind> kinds) {

  static final Set<MediaKind> AV = Set.of(MediaKind.VIDEO, MediaKind.AUDIO);

  public SniffedType {
    kinds = Set.copyOf(kinds);
  }

  public boolean isMedia() {
    return !kinds.isEmpty();
  }

  static SniffedType av(String mime) {
    return new SniffedType(mime, AV);
  }

  static SniffedType of(String mime, MediaKind kind) {
    return new SniffedType(mime, Set.of(kind));
  }

  static SniffedType notMedia(String mime) {
    return new SniffedType(mime, Set.of());
  }
}
