package io.mediaflow.api.assets;

import io.mediaflow.api.access.AccessRules;
import io.mediaflow.api.access.Viewer;
import io.mediaflow.api.config.ApiProperties;
import io.mediaflow.api.errors.ApiError;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The read side of the REST API: one asset, or a page of the assets a viewer may list. */
@Service
public class AssetQueries {

  private final AssetReader reader;
  private final AssetStore store;
  private final AssetLinks links;
  private final ApiProperties props;

  AssetQueries(AssetReader reader, AssetStore store, AssetLinks links, ApiProperties props) {
    this.reader = reader;
    this.store = store;
    this.links = links;
    this.props = props;
  }

  /** The asset if the viewer may read it; 400, 403 or 404 otherwise. */
  public Mono<AssetView> get(String rawId, Viewer viewer) {
    String id = AssetIds.require(rawId);
    return readable(id, viewer).map(asset -> AssetViews.toView(asset, links));
  }

  /** The asset if the viewer may read it, as the domain record (for playback). */
  public Mono<Asset> readable(String id, Viewer viewer) {
    return reader
        .read(id)
        .switchIfEmpty(Mono.error(ApiError.ASSET_NOT_FOUND::exception))
        .map(asset -> require(asset, viewer));
  }

  public Mono<AssetPage> list(String status, String q, Integer page, Integer size, Viewer viewer) {
    ListQuery query =
        ListQuery.of(status, q, page, size, props.listing().defaultSize(), props.listing().maxSize());
    Bson filter = query.filter(viewer);
    return Mono.zip(store.page(filter, query.skip(), query.size()), store.count(filter))
        .map(
            t ->
                new AssetPage(
                    t.getT1().stream()
                        .map(AssetDocuments::toAsset)
                        .map(a -> AssetViews.toView(a, links))
                        .toList(),
                    query.page(),
                    query.size(),
                    t.getT2()));
  }

  private static Asset require(Asset asset, Viewer viewer) {
    return switch (AccessRules.read(asset.owner(), asset.access(), asset.deleted(), viewer)) {
      case ALLOW -> asset;
      case NOT_FOUND -> throw ApiError.ASSET_NOT_FOUND.exception();
      default -> throw ApiError.FORBIDDEN.exception("This asset is private to its owner.");
    };
  }
}
