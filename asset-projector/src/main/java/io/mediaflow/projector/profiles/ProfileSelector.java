package io.mediaflow.projector.profiles;

import io.mediaflow.events.MediaInfo;
import io.mediaflow.events.MediaKind;
import io.mediaflow.events.RenditionProfile;
import java.util.ArrayList;
import java.util.List;

/** Which renditions to make of a probed source: a pure function of the ladder and the media. */
public final class ProfileSelector {

  private ProfileSelector() {}

  /**
   * The profiles of the source's kind, smallest first, none larger than the source (no upscaling),
   * but always at least the smallest so every playable source gets one rendition. Sizes compare the
   * short sides, so portrait and rotated sources are judged like landscape ones. Unknown kinds get
   * nothing (the asset then fails with NO_PROFILES).
   */
  public static List<RenditionProfile> select(ProfileLadder ladder, MediaInfo media) {
    MediaKind kind = media.getKind();
    List<RenditionProfile> candidates = kind == MediaKind.UNKNOWN ? List.of() : ladder.ofKind(kind);
    if (candidates.isEmpty() || kind == MediaKind.AUDIO) {
      return candidates;
    }
    int sourceShortSide = Math.min(media.getWidth(), media.getHeight());
    List<RenditionProfile> chosen = new ArrayList<>();
    for (RenditionProfile p : candidates) {
      if (Math.min(p.getWidth(), p.getHeight()) <= sourceShortSide) {
        chosen.add(p);
      }
    }
    return chosen.isEmpty() ? List.of(candidates.get(0)) : List.copyOf(chosen);
  }

  /** The named profiles among {@link #select}'s choice, in its order; unknown names are dropped. */
  public static List<RenditionProfile> select(ProfileLadder ladder, MediaInfo media, List<String> names) {
    List<RenditionProfile> all = select(ladder, media);
    return names.isEmpty() ? all : all.stream().filter(p -> names.contains(p.getName())).toList();
  }
}
