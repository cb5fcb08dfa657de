package io.mediaflow.api.assets;

import java.util.List;
import java.util.Map;

/** The REST body of one asset (DESIGN.md, GET /api/assets/{id}). */
public record AssetView(
    String id,
    String title,
    String description,
    String status,
    int progress,
    ErrorView error,
    String owner,
    String access,
    String createdAt,
    double duration,
    String fileType,
    Map<String, String> metadata,
    String thumbnailUrl,
    String streamingUrl,
    List<VariantView> variants) {

  public record ErrorView(String code, String reason) {}

  public record VariantView(String profile, Integer width, Integer height, Long bitrate, String url) {}
}
