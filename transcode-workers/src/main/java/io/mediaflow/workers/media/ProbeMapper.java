package io.mediaflow.workers.media;

import io.mediaflow.events.MediaInfo;
import io.mediaflow.events.MediaKind;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ffprobe's JSON ({@code -show_format -show_streams}) as MediaInfo. Width and height are the
 * stored picture size; {@code rotation} is how far (clockwise, 0/90/180/270) a player turns it.
 */
public final class ProbeMapper {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> IMAGE_FORMATS = Set.of("png_pipe", "jpeg_pipe", "webp_pipe", "gif", "image2");

  private ProbeMapper() {}

  public static MediaInfo toMediaInfo(String ffprobeJson, String sniffedType, long bytes, String sourceKey) {
    JsonNode root = JSON.readTree(ffprobeJson);
    JsonNode format = root.path("format");
    JsonNode video = null;
    JsonNode audio = null;
    for (JsonNode s : root.path("streams")) {
      String type = s.path("codec_type").asString("");
      if (video == null && type.equals("video") && s.path("disposition").path("attached_pic").asInt(0) != 1) {
        video = s;
      } else if (audio == null && type.equals("audio")) {
        audio = s;
      }
    }
    String formatName = format.path("format_name").asString("");
    MediaKind kind = kind(formatName, video, audio);
    double duration = number(format.path("duration"));
    if (duration <= 0) {
      duration = Math.max(video == null ? 0 : number(video.path("duration")), audio == null ? 0 : number(audio.path("duration")));
    }
    return MediaInfo.newBuilder()
        .setKind(kind)
        .setFormatName(formatName)
        .setSniffedType(sniffedType)
        .setDurationSeconds(kind == MediaKind.IMAGE ? 0 : duration)
        .setWidth(video == null ? 0 : video.path("width").asInt(0))
        .setHeight(video == null ? 0 : video.path("height").asInt(0))
        .setRotation(video == null ? 0 : rotation(video))
        .setVideoCodec(video == null ? null : video.path("codec_name").asString(null))
        .setAudioCodec(audio == null ? null : audio.path("codec_name").asString(null))
        .setBitrate((long) number(format.path("bit_rate")))
        .setBytes(bytes)
        .setSourceKey(sourceKey)
        .setThumbnailKey(null)
        .build();
  }

  private static MediaKind kind(String formatName, JsonNode video, JsonNode audio) {
    if (video != null) {
      return IMAGE_FORMATS.contains(formatName) ? MediaKind.IMAGE : MediaKind.VIDEO;
    }
    return audio != null ? MediaKind.AUDIO : MediaKind.UNKNOWN;
  }

  /** The display matrix (ffmpeg ≥ 5) counts counter-clockwise; the old rotate tag clockwise. */
  static int rotation(JsonNode video) {
    for (JsonNode side : video.path("side_data_list")) {
      if (side.has("rotation")) {
        return quarter(-side.path("rotation").asDouble(0));
      }
    }
    JsonNode tag = video.path("tags").path("rotate");
    return tag.isMissingNode() ? 0 : quarter(number(tag));
  }

  private static int quarter(double degrees) {
    long q = Math.round(degrees / 90.0);
    return (int) Math.floorMod(q * 90, 360L);
  }

  /** ffprobe writes most numbers as strings, and "N/A" when it does not know. */
  private static double number(JsonNode node) {
    if (node.isNumber()) {
      return node.asDouble();
    }
    try {
      double v = Double.parseDouble(node.asString(""));
      return Double.isFinite(v) ? v : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
