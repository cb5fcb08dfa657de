package io.mediaflow.workers.plan;

import java.util.List;

/**
 * What ffmpeg and ffprobe may open when they read user input. An upload that is really an HLS
 * playlist or an ffconcat script would otherwise make them read other files (another user's upload)
 * or fetch URLs; only a format whitelist stops that (INFRA.md, "Untrusted media input").
 * {@code image2} is left out on purpose: it expands file name patterns; single images are read by
 * the content-probed {@code *_pipe} demuxers.
 */
public final class InputFormats {

  public static final String WHITELIST =
      "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi,mpegts,flv,mp3,wav,ogg,aac,flac,"
          + "png_pipe,jpeg_pipe,gif,webp_pipe";

  /**
   * The demuxers a still image can come through: what an image variant job reads. Narrower than
   * {@link #WHITELIST}, so a "picture" that probes as a video container is refused here.
   */
  public static final String IMAGE_WHITELIST = "png_pipe,jpeg_pipe,webp_pipe,gif";

  private InputFormats() {}

  /** Options to put before every {@code -i} of user input. */
  public static List<String> guard() {
    return List.of("-format_whitelist", WHITELIST, "-protocol_whitelist", "file");
  }

  /** Options to put before the {@code -i} of an image source. */
  public static List<String> imageGuard() {
    return List.of("-format_whitelist", IMAGE_WHITELIST, "-protocol_whitelist", "file");
  }
}
