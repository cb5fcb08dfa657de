package io.mediaflow.projector.projection;

import io.mediaflow.events.AssetState;
import io.mediaflow.events.Failure;
import io.mediaflow.events.MediaInfo;
import io.mediaflow.events.MediaKind;
import io.mediaflow.events.Rendition;
import io.mediaflow.events.RenditionResult;
import java.util.Date;
import java.util.List;
import java.util.TreeMap;
import org.bson.Document;

/** AssetState (the event) → the MongoDB document of docs/CONTRACTS.md, field by field. */
public final class AssetDocuments {

  private AssetDocuments() {}

  public static Document toDocument(AssetState s) {
    MediaInfo media = s.getMedia();
    return new Document("_id", s.getAssetId())
        .append("version", s.getVersion())
        .append("generation", s.getGeneration())
        .append("owner", s.getOwner())
        .append("title", s.getTitle())
        .append("description", s.getDescription())
        .append("access", s.getAccess().name().toLowerCase())
        .append("metadata", new Document(new TreeMap<>(s.getMetadata())))
        .append("filename", s.getFilename())
        .append("fileType", s.getFileType())
        .append("fileSize", s.getFileSize())
        .append("status", s.getStatus().name())
        .append("progress", s.getProgress())
        .append("error", failure(s.getError()))
        .append("deleted", s.getDeleted())
        .append("createdAt", Date.from(s.getCreatedAt()))
        .append("updatedAt", Date.from(s.getUpdatedAt()))
        .append("duration", media == null ? 0.0 : media.getDurationSeconds())
        .append("width", media == null ? 0 : media.getWidth())
        .append("height", media == null ? 0 : media.getHeight())
        .append("kind", media == null || media.getKind() == MediaKind.UNKNOWN ? null : media.getKind().name())
        .append("thumbnailKey", media == null ? null : media.getThumbnailKey())
        .append("renditions", renditions(s.getRenditions()));
  }

  private static List<Document> renditions(List<Rendition> renditions) {
    return renditions.stream().map(AssetDocuments::rendition).toList();
  }

  /** Size, codecs and keys are known once the rendition is ready; before that they are 0 or null. */
  private static Document rendition(Rendition r) {
    RenditionResult result = r.getResult();
    boolean known = result != null;
    return new Document("profile", r.getProfile())
        .append("status", r.getStatus().name())
        .append("width", known ? result.getWidth() : 0)
        .append("height", known ? result.getHeight() : 0)
        .append("bitrate", known ? result.getBitrate() : 0L)
        .append("codecs", known ? result.getCodecs() : null)
        .append("playlistKey", known ? result.getPlaylistKey() : null)
        .append("storyboardKey", known ? result.getStoryboardKey() : null)
        .append("durationSeconds", known ? result.getDurationSeconds() : 0.0)
        .append("bytes", known ? result.getBytes() : 0L)
        .append("error", failure(r.getError()));
  }

  private static Document failure(Failure f) {
    return f == null ? null : new Document("code", f.getCode()).append("reason", f.getReason());
  }
}
