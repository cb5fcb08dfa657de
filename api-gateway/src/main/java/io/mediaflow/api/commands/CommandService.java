package io.mediaflow.api.commands;

import io.mediaflow.api.access.AccessRules;
import io.mediaflow.api.access.Viewer;
import io.mediaflow.api.assets.Asset;
import io.mediaflow.api.assets.AssetDocuments;
import io.mediaflow.api.assets.AssetIds;
import io.mediaflow.api.assets.AssetReader;
import io.mediaflow.api.cache.AssetCache;
import io.mediaflow.api.config.ApiProperties;
import io.mediaflow.api.errors.ApiError;
import io.mediaflow.events.AssetCommand;
import io.mediaflow.events.Restore;
import io.mediaflow.events.SoftDelete;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.bson.Document;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The write side: check the request and the viewer's right, read the current version, publish the
 * command, then wait (bounded) until the projection shows a newer version, so the caller reads its
 * own write. The cache entry is deleted right after publishing, and when the wait sees the new
 * version that document is written to the cache with a version guard, which (unlike a second
 * delete) also stops a slow reader from putting the old version back.
 */
@Service
public class CommandService {

  private static final Duration POLL = Duration.ofMillis(50);
  private final AssetReader reader;
  private final AssetCache cache;
  private final CommandPublisher publisher;
  private final Duration wait;

  CommandService(AssetReader reader, AssetCache cache, CommandPublisher publisher, ApiProperties props) {
    this.reader = reader;
    this.cache = cache;
    this.publisher = publisher;
    this.wait = props.commandWait();
  }

  public Mono<CommandOutcome> edit(String rawId, EditRequest request, Viewer viewer) {
    String id = AssetIds.require(rawId);
    Object payload = CommandValidation.edit(request);
    return run(id, viewer, payload, Right.MODIFY);
  }

  public Mono<CommandOutcome> delete(String rawId, Viewer viewer) {
    return run(AssetIds.require(rawId), viewer, SoftDelete.newBuilder().build(), Right.MODIFY);
  }

  public Mono<CommandOutcome> restore(String rawId, Viewer viewer) {
    return run(AssetIds.require(rawId), viewer, Restore.newBuilder().build(), Right.RESTORE);
  }

  public Mono<CommandOutcome> reprocess(String rawId, ReprocessRequest request, Viewer viewer) {
    String id = AssetIds.require(rawId);
    Object payload = CommandValidation.reprocess(request);
    return run(id, viewer, payload, Right.MODIFY);
  }

  private Mono<CommandOutcome> run(String id, Viewer viewer, Object payload, Right right) {
    return reader
        .readFresh(id)
        .switchIfEmpty(Mono.error(ApiError.ASSET_NOT_FOUND::exception))
        .map(AssetDocuments::toAsset)
        .flatMap(
            before -> {
              authorize(before, viewer, right);
              return publisher
                  .publish(command(id, viewer, payload))
                  .then(cache.evict(id))
                  .then(awaitNewerThan(id, before.version()));
            });
  }

  private Mono<CommandOutcome> awaitNewerThan(String id, long version) {
    return Mono.defer(() -> reader.readFresh(id))
        .filter(doc -> AssetDocuments.toAsset(doc).version() > version)
        .repeatWhenEmpty(repeats -> repeats.delayElements(POLL))
        .timeout(wait)
        .flatMap(doc -> cache.put(id, doc).thenReturn(outcome(doc, false)))
        .onErrorResume(
            TimeoutException.class,
            e -> reader.readFresh(id).map(doc -> outcome(doc, true)));
  }

  private static CommandOutcome outcome(Document doc, boolean pending) {
    return new CommandOutcome(AssetDocuments.toAsset(doc), pending);
  }

  private static void authorize(Asset asset, Viewer viewer, Right right) {
    AccessRules.Decision decision =
        right == Right.RESTORE
            ? AccessRules.restore(asset.deleted(), viewer)
            : AccessRules.modify(asset.owner(), asset.access(), asset.deleted(), viewer);
    switch (decision) {
      case ALLOW -> {}
      case NOT_FOUND -> throw ApiError.ASSET_NOT_FOUND.exception();
      case ADMIN_ONLY -> throw ApiError.ADMIN_ONLY.exception();
      case NOT_DELETED -> throw ApiError.NOT_DELETED.exception();
      case FORBIDDEN -> throw ApiError.FORBIDDEN.exception("Only the owner or an administrator may change this asset.");
    }
  }

  private static AssetCommand command(String id, Viewer viewer, Object payload) {
    return AssetCommand.newBuilder()
        .setCommandId(UUID.randomUUID().toString())
        .setAssetId(id)
        .setIssuedBy(viewer.user())
        .setIssuedAt(Instant.now())
        .setCommand(payload)
        .build();
  }

  private enum Right {
    MODIFY,
    RESTORE
  }
}
