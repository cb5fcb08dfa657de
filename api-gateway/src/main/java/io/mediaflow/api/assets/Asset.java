package io.mediaflow.api.assets;

import io.mediaflow.api.access.Access;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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

  /** A machine-readable failure. */
  public record Failure(String code, String reason) {}

  /** One HLS rendition of the current generation. */
  public record Rendition(
      String profile,
      String status,
      Integer width,
      Integer height,
      Long bitrate,
      String codecs,
      String playlistKey) {

    public boolean ready() {
      return "READY".equals(status) && playlistKey != null;
    }
  }
}
