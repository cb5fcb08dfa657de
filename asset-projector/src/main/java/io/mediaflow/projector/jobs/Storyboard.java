package io.mediaflow.projector.jobs;

import io.mediaflow.events.MediaKind;
import io.mediaflow.events.RenditionProfile;
import io.mediaflow.projector.profiles.ProfileLadder;
import java.util.Collection;

/**
 * Which transcode job of a generation also makes the storyboard (docs/CONTRACTS.md): the highest
 * video profile dispatched in it. Jobs go out smallest first, so that one is dispatched last and the
 * storyboard's extra work never delays the first playable rendition; it also has the sharpest frames.
 */
public final class Storyboard {

  private Storyboard() {}

  /** The name of the profile that makes the storyboard, or null when none is a video profile. */
  public static String profileOf(Collection<RenditionProfile> dispatched) {
    return dispatched.stream()
        .filter(p -> p.getKind() == MediaKind.VIDEO)
        .max(ProfileLadder.SMALLEST_FIRST)
        .map(RenditionProfile::getName)
        .orElse(null);
  }
}
