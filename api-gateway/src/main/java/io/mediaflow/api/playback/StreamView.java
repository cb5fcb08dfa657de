package io.mediaflow.api.playback;

import java.util.List;
import java.util.Map;

/**
 * GET /media/{id}/stream: the signed master playlist and one signed URL per ready rendition
 * (DESIGN.md), plus, where present, the signed storyboard (WebVTT whose cues point at signed
 * sprite regions) and the signed image variants, smallest first.
 *
 * @param storyboardUrl null when the asset has no storyboard (yet)
 * @param images empty unless the asset is an image
 */
public record StreamView(
    String masterUrl, Map<String, String> variants, String storyboardUrl, List<ImageView> images) {

  public record ImageView(String profile, Integer width, Integer height, String url) {}
}
