package io.mediaflow.api.assets;

import io.mediaflow.api.access.Access;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One asset as the projection holds it (docs/CONTRACTS.md), typed; neither a REST body nor a BSON document. */
public record Asset(
    String id,
    long version,
    int generation,
    String owner,
    String title,
    String description,
    Access access,
    Map<String, String> metadata,
    String fileType,
    String status,
    int progress,
    Failure error,
    boolean deleted,
    Instant createdAt,
    Instant updatedAt,
    Double duration,
    String thumbnailKey,
    List<Rendition> renditions) {

  public List<Rendition> readyRenditions() {
    return renditions.stream().filter(Rendition::ready).toList();
  }

  /** The ready HLS renditions: what the master playlist lists (image variants are not HLS). */
  public List<Rendition> readyStreams() {
    return renditions.stream().filter(Rendition::ready).filter(r -> !r.image()).toList();
  }

  /** The ready rendition that carries the generation's storyboard, if its job made one. */
  public Optional<Rendition> storyboard() {
    return renditions.stream().filter(Rendition::ready).filter(r -> r.storyboardKey() != null).findFirst();
  }

  /** A machine-readable failure. */
  public record Failure(String code, String reason) {}

  /**
   * One rendition of the current generation: an HLS playlist, or for an image profile the image
   * itself ({@code playlistKey} = {@code .../image.jpg}, docs/CONTRACTS.md).
   *
   * @param storyboardKey the storyboard's WebVTT key, on the one rendition whose job made it
   */
  public record Rendition(
      String profile,
      String status,
      Integer width,
      Integer height,
      Long bitrate,
      String codecs,
      String playlistKey,
      String storyboardKey) {

    public boolean ready() {
      return "READY".equals(status) && playlistKey != null;
    }

    /** An image variant rather than an HLS rendition, by its object's extension. */
    public boolean image() {
      if (playlistKey == null) {
        return false;
      }
      String key = playlistKey.toLowerCase(Locale.ROOT);
      return key.endsWith(".jpg") || key.endsWith(".jpeg") || key.endsWith(".png") || key.endsWith(".webp");
    }
  }
}
