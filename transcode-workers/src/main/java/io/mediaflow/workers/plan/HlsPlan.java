package io.mediaflow.workers.plan;

import io.mediaflow.events.MediaInfo;
import io.mediaflow.events.MediaKind;
import io.mediaflow.events.RenditionProfile;
import io.mediaflow.workers.failure.FailureCode;
import io.mediaflow.workers.failure.JobFailure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How one profile becomes one HLS VOD rendition. Keyframes are forced at every segment boundary
 * (and scene-cut keyframes are off), so every rendition of an asset cuts its segments at the same
 * instants and a player can switch between them at any segment.
 */
public record HlsPlan(FfmpegCommand command, int width, int height, long bitrate, String codecs) {

  static final String AUDIO_CODEC = "mp4a.40.2";

  public static HlsPlan of(RenditionProfile profile, MediaInfo media, int segmentSeconds, Path input, Path outDir) {
    if (segmentSeconds < 1) {
      throw new IllegalArgumentException("segment length must be at least 1 s: " + segmentSeconds);
    }
    boolean hasAudio = media.getAudioCodec() != null;
    if (profile.getKind() == MediaKind.VIDEO && media.getKind() == MediaKind.VIDEO) {
      return video(profile, media, segmentSeconds, input, outDir, hasAudio);
    }
    if (profile.getKind() == MediaKind.AUDIO && hasAudio) {
      return audio(profile, segmentSeconds, input, outDir);
    }
    throw new JobFailure(
        FailureCode.UNSUPPORTED_PROFILE,
        "profile " + profile.getName() + " (" + profile.getKind() + ") cannot be made from a " + media.getKind() + " source");
  }

  private static HlsPlan video(
      RenditionProfile profile, MediaInfo media, int seg, Path input, Path outDir, boolean hasAudio) {
    RenditionSize size =
        RenditionSize.fit(media.getWidth(), media.getHeight(), media.getRotation(), profile.getWidth(), profile.getHeight());
    long videoBits = Bitrates.bitsPerSecond(profile.getVideoBitrate());
    long audioBits = hasAudio ? audioBits(profile) : 0;
    String level = level(size);
    List<String> out = new ArrayList<>(List.of("-map", "0:v:0"));
    if (hasAudio) {
      out.addAll(List.of("-map", "0:a:0"));
    }
    out.addAll(
        List.of(
            "-vf", "scale=" + size.width() + ":" + size.height() + ",setsar=1",
            "-c:v", "libx264",
            "-preset", "veryfast",
            "-profile:v", "main",
            "-level:v", level,
            "-pix_fmt", "yuv420p",
            "-force_key_frames", "expr:gte(t,n_forced*" + seg + ")",
            "-sc_threshold", "0"));
    if (videoBits > 0) {
      out.addAll(
          List.of(
              "-b:v", Long.toString(videoBits),
              "-maxrate", Long.toString(videoBits * 107 / 100),
              "-bufsize", Long.toString(videoBits * 3 / 2)));
    } else {
      out.addAll(List.of("-crf", "23"));
    }
    if (hasAudio) {
      out.addAll(aac(audioBits));
    }
    out.addAll(hls(seg, outDir));
    String codecs = "avc1.4d40" + levelHex(level) + (hasAudio ? "," + AUDIO_CODEC : "");
    return new HlsPlan(command(input, out, outDir), size.width(), size.height(), videoBits + audioBits, codecs);
  }

  private static HlsPlan audio(RenditionProfile profile, int seg, Path input, Path outDir) {
    long audioBits = audioBits(profile);
    List<String> out = new ArrayList<>(List.of("-map", "0:a:0", "-vn"));
    out.addAll(aac(audioBits));
    out.addAll(hls(seg, outDir));
    return new HlsPlan(command(input, out, outDir), 0, 0, audioBits, AUDIO_CODEC);
  }

  private static FfmpegCommand command(Path input, List<String> out, Path outDir) {
    return new FfmpegCommand(InputFormats.guard(), input, out, outDir.resolve(ObjectKeys.PLAYLIST));
  }

  private static long audioBits(RenditionProfile profile) {
    long bits = Bitrates.bitsPerSecond(profile.getAudioBitrate());
    return bits > 0 ? bits : 128_000;
  }

  private static List<String> aac(long bits) {
    return List.of("-c:a", "aac", "-b:a", Long.toString(bits), "-ac", "2", "-ar", "48000");
  }

  private static List<String> hls(int seg, Path outDir) {
    return List.of(
        "-f", "hls",
        "-hls_time", Integer.toString(seg),
        "-hls_playlist_type", "vod",
        "-hls_flags", "independent_segments",
        "-hls_segment_type", "mpegts",
        "-start_number", "1",
        "-hls_segment_filename", outDir.resolve(ObjectKeys.SEGMENT_PATTERN).toString());
  }

  /** The lowest H.264 level that holds the picture at up to 30 fps. */
  static String level(RenditionSize size) {
    long macroblocks = (long) ((size.width() + 15) / 16) * ((size.height() + 15) / 16);
    if (macroblocks <= 3600) {
      return "3.1";
    }
    if (macroblocks <= 8192) {
      return "4.0";
    }
    return "5.1";
  }

  private static String levelHex(String level) {
    int n = Math.round(Float.parseFloat(level) * 10);
    return String.format("%02x", n);
  }
}
