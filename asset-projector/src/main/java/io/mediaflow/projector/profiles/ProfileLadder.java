package io.mediaflow.projector.profiles;

import io.mediaflow.events.MediaKind;
import io.mediaflow.events.RenditionProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every output profile the projector may choose from, by kind. The defaults are the seed's ladder
 * (1080p/720p/480p/360p) plus audio renditions and image variants; profile files add or override
 * video profiles by name, as the seed does.
 */
public record ProfileLadder(List<RenditionProfile> profiles) {

  /** Smallest first, so the first rendition that becomes ready is the quickest to make. */
  public static final Comparator<RenditionProfile> SMALLEST_FIRST =
      Comparator.comparingInt(RenditionProfile::getHeight)
          .thenComparingInt(RenditionProfile::getWidth)
          .thenComparingLong(p -> Bitrates.bitsPerSecond(p.getAudioBitrate()))
          .thenComparing(RenditionProfile::getName);

  public ProfileLadder {
    profiles = profiles.stream().sorted(SMALLEST_FIRST).toList();
  }

  /** The seed's video ladder, two audio renditions and three image variants. */
  public static ProfileLadder defaults() {
    return new ProfileLadder(
        List.of(
            video("1080p", 1920, 1080, "5000k", "192k"),
            video("720p", 1280, 720, "2500k", "128k"),
            video("480p", 854, 480, "1000k", "128k"),
            video("360p", 640, 360, "600k", "96k"),
            profile("audio-64k", MediaKind.AUDIO, 0, 0, "", "64k"),
            profile("audio-128k", MediaKind.AUDIO, 0, 0, "", "128k"),
            profile("image-320", MediaKind.IMAGE, 320, 320, "", ""),
            profile("image-640", MediaKind.IMAGE, 640, 640, "", ""),
            profile("image-1280", MediaKind.IMAGE, 1280, 1280, "", "")));
  }

  /** This ladder with the given profiles added, replacing any of the same name. */
  public ProfileLadder with(List<RenditionProfile> extra) {
    Map<String, RenditionProfile> byName = new LinkedHashMap<>();
    profiles.forEach(p -> byName.put(p.getName(), p));
    extra.forEach(p -> byName.put(p.getName(), p));
    return new ProfileLadder(new ArrayList<>(byName.values()));
  }

  public List<RenditionProfile> ofKind(MediaKind kind) {
    return profiles.stream().filter(p -> p.getKind() == kind).toList();
  }

  public static RenditionProfile video(String name, int width, int height, String video, String audio) {
    return profile(name, MediaKind.VIDEO, width, height, video, audio);
  }

  static RenditionProfile profile(String name, MediaKind kind, int width, int height, String video, String audio) {
    return RenditionProfile.newBuilder()
        .setName(name)
        .setKind(kind)
        .setWidth(width)
        .setHeight(height)
        .setVideoBitrate(video)
        .setAudioBitrate(audio)
        .build();
  }
}
