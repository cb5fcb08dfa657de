package io.mediaflow.api.playback;

import java.io.InputStream;

/**
 * What a playback path answers: a rewritten text (an HLS playlist, a storyboard's WebVTT), or an
 * object streamed from the store.
 */
record HlsFile(String text, String name, InputStream object, long length) {

  static HlsFile playlist(String text) {
    return new HlsFile(text, null, null, -1);
  }

  static HlsFile object(String name, io.minio.GetObjectResponse response) {
    String length = response.headers().get("Content-Length");
    return new HlsFile(null, name, response, length == null ? -1 : Long.parseLong(length));
  }

  /** The media type by file extension; players rely on it for segments. */
  String contentType() {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    if (n.endsWith(".ts")) return "video/mp2t";
    if (n.endsWith(".m4s")) return "video/iso.segment";
    if (n.endsWith(".mp4")) return "video/mp4";
    if (n.endsWith(".aac")) return "audio/aac";
    if (n.endsWith(".vtt")) return "text/vtt";
    if (n.endsWith(".jpg") || n.endsWith(".jpeg")) return "image/jpeg";
    return "application/octet-stream";
  }
}
