package io.mediaflow.api.assets;

/** The URLs an asset's REST body points at; playback signs them. */
public interface AssetLinks {

  /** Null when the asset has no thumbnail yet. */
  String thumbnailUrl(Asset asset);

  /** Where a client asks for signed playback URLs. */
  String streamingUrl(Asset asset);

  /** One ready rendition's playlist. */
  String variantUrl(Asset asset, Asset.Rendition rendition);
}
