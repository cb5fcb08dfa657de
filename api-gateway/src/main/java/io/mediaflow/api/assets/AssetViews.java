package io.mediaflow.api.assets;

/** Converts an {@link Asset} of the projection into its REST body. */
public final class AssetViews {

  private AssetViews() {}

  public static AssetView toView(Asset asset, AssetLinks links) {
    return new AssetView(
        asset.id(),
        asset.title().isEmpty() ? "Untitled" : asset.title(),
        asset.description(),
        asset.status(),
        asset.progress(),
        asset.error() == null
            ? null
            : new AssetView.ErrorView(asset.error().code(), asset.error().reason()),
        asset.owner(),
        asset.access().wire(),
        asset.createdAt() == null ? null : asset.createdAt().toString(),
        asset.duration() == null ? 0.0 : asset.duration(),
        asset.fileType(),
        asset.metadata(),
        asset.thumbnailKey() == null ? null : links.thumbnailUrl(asset),
        asset.readyRenditions().isEmpty() ? null : links.streamingUrl(asset),
        asset.readyRenditions().stream()
            .map(
                r ->
                    new AssetView.VariantView(
                        r.profile(), r.width(), r.height(), r.bitrate(), links.variantUrl(asset, r)))
            .toList());
  }
}
