package io.mediaflow.api.playback;

import io.mediaflow.api.assets.Asset;
import io.mediaflow.api.assets.AssetLinks;
import org.springframework.stereotype.Component;

/** An asset body's URLs: thumbnail and renditions signed, the stream endpoint behind the JWT. */
@Component
class SignedLinks implements AssetLinks {

  private final UrlSigner signer;

  SignedLinks(UrlSigner signer) {
    this.signer = signer;
  }

  @Override
  public String thumbnailUrl(Asset asset) {
    return signer.sign(PlaybackPaths.thumbnail(asset.id()));
  }

  @Override
  public String streamingUrl(Asset asset) {
    return PlaybackPaths.stream(asset.id());
  }

  @Override
  public String variantUrl(Asset asset, Asset.Rendition rendition) {
    return signer.sign(
        PlaybackPaths.rendition(asset.id(), rendition.profile(), PlaybackPaths.fileName(rendition.playlistKey())));
  }
}
