package io.mediaflow.api.playback;

import io.mediaflow.api.access.Viewer;
import io.mediaflow.api.assets.Asset;
import io.mediaflow.api.assets.AssetIds;
import io.mediaflow.api.assets.AssetLinks;
import io.mediaflow.api.assets.AssetQueries;
import io.mediaflow.api.assets.AssetReader;
import io.mediaflow.api.errors.ApiError;
import io.minio.GetObjectResponse;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Playback. {@code /stream} is behind the JWT and the read rule; it hands out signed URLs. The HLS
 * paths are public (players cannot send headers) and trust only the signature, which binds the
 * exact path and an expiry; the asset must still exist and not be deleted when a URL is used.
 */
@Service
class PlaybackService {

  private final AssetQueries queries;
  private final AssetReader reader;
  private final AssetLinks links;
  private final UrlSigner signer;
  private final MediaObjects objects;

  PlaybackService(
      AssetQueries queries, AssetReader reader, AssetLinks links, UrlSigner signer, MediaObjects objects) {
    this.queries = queries;
    this.reader = reader;
    this.links = links;
    this.signer = signer;
    this.objects = objects;
  }

  Mono<StreamView> stream(String rawId, Viewer viewer) {
    String id = AssetIds.require(rawId);
    return queries
        .readable(id, viewer)
        .map(
            asset -> {
              if (asset.readyRenditions().isEmpty()) {
                throw ApiError.NOT_PLAYABLE.exception();
              }
              Map<String, String> variants = new LinkedHashMap<>();
              asset.readyRenditions().forEach(r -> variants.put(r.profile(), links.variantUrl(asset, r)));
              String storyboardUrl =
                  asset.storyboard()
                      .map(r -> signer.sign(PlaybackPaths.storyboard(id, PlaybackPaths.fileName(r.storyboardKey()))))
                      .orElse(null);
              List<StreamView.ImageView> images =
                  asset.readyRenditions().stream()
                      .filter(Asset.Rendition::image)
                      .sorted(Comparator.comparingLong(r -> r.width() == null ? 0L : (long) r.width()))
                      .map(r -> new StreamView.ImageView(r.profile(), r.width(), r.height(), links.variantUrl(asset, r)))
                      .toList();
              return new StreamView(signer.sign(PlaybackPaths.master(id)), variants, storyboardUrl, images);
            });
  }

  Mono<String> master(String rawId, String exp, String sig) {
    String id = verified(rawId, exp, sig, PlaybackPaths::master);
    return present(id)
        .map(asset -> MasterPlaylist.build(asset.readyStreams(), r -> links.variantUrl(asset, r)));
  }

  Mono<String> renditionPlaylist(Asset asset, Asset.Rendition rendition) {
    return Mono.fromCallable(() -> objects.readPlaylist(rendition.playlistKey()))
        .subscribeOn(Schedulers.boundedElastic())
        .map(
            text ->
                PlaylistRewriter.rewrite(
                    text,
                    file -> signer.sign(PlaybackPaths.rendition(asset.id(), rendition.profile(), file))));
  }

  /** A rendition's playlist (rewritten) or one of its files (streamed); an image variant is streamed as is. */
  Mono<HlsFile> renditionFile(String rawId, String profile, String file, String exp, String sig) {
    if (!PlaybackPaths.safeName(profile) || !PlaybackPaths.safeName(file)) {
      throw ApiError.INVALID_REQUEST.exception("Profile and file names are letters, digits, '_', '.', '-'.");
    }
    String id = verified(rawId, exp, sig, i -> PlaybackPaths.rendition(i, profile, file));
    return present(id)
        .flatMap(
            asset -> {
              Asset.Rendition rendition =
                  asset.readyRenditions().stream()
                      .filter(r -> r.profile().equals(profile))
                      .findFirst()
                      .orElseThrow(() -> ApiError.NOT_FOUND.exception("No ready rendition " + profile + "."));
              if (!rendition.image() && file.equals(PlaybackPaths.fileName(rendition.playlistKey()))) {
                return renditionPlaylist(asset, rendition).map(HlsFile::playlist);
              }
              return open(PlaybackPaths.siblingKey(rendition, file)).map(o -> HlsFile.object(file, o));
            });
  }

  /** The storyboard's WebVTT (rewritten to signed sprite URLs) or a file beside it (the sprite, streamed). */
  Mono<HlsFile> storyboardFile(String rawId, String file, String exp, String sig) {
    if (!PlaybackPaths.safeName(file)) {
      throw ApiError.INVALID_REQUEST.exception("File names are letters, digits, '_', '.', '-'.");
    }
    String id = verified(rawId, exp, sig, i -> PlaybackPaths.storyboard(i, file));
    return present(id)
        .flatMap(
            asset -> {
              String vttKey =
                  asset.storyboard()
                      .map(Asset.Rendition::storyboardKey)
                      .orElseThrow(() -> ApiError.NOT_FOUND.exception("This asset has no storyboard."));
              if (file.equals(PlaybackPaths.fileName(vttKey))) {
                return Mono.fromCallable(() -> objects.readPlaylist(vttKey))
                    .subscribeOn(Schedulers.boundedElastic())
                    .map(text -> StoryboardRewriter.rewrite(text, name -> signer.sign(PlaybackPaths.storyboard(id, name))))
                    .map(HlsFile::playlist);
              }
              return open(PlaybackPaths.siblingKey(vttKey, file)).map(o -> HlsFile.object(file, o));
            });
  }

  Mono<HlsFile> thumbnail(String rawId, String exp, String sig) {
    String id = verified(rawId, exp, sig, PlaybackPaths::thumbnail);
    return present(id)
        .flatMap(
            asset -> {
              if (asset.thumbnailKey() == null) {
                throw ApiError.NOT_FOUND.exception("This asset has no thumbnail yet.");
              }
              return open(asset.thumbnailKey()).map(o -> HlsFile.object("thumbnail.jpg", o));
            });
  }

  private Mono<GetObjectResponse> open(String key) {
    return Mono.fromCallable(() -> objects.open(key)).subscribeOn(Schedulers.boundedElastic());
  }

  /** The id if the signature over its path holds; 403 INVALID_SIGNATURE otherwise. */
  private String verified(String rawId, String exp, String sig, java.util.function.UnaryOperator<String> path) {
    String id = AssetIds.require(rawId);
    if (!id.equals(rawId) || !signer.verify(path.apply(id), exp, sig)) {
      throw ApiError.INVALID_SIGNATURE.exception();
    }
    return id;
  }

  private Mono<Asset> present(String id) {
    return reader
        .read(id)
        .filter(asset -> !asset.deleted())
        .switchIfEmpty(Mono.error(ApiError.ASSET_NOT_FOUND::exception));
  }
}
