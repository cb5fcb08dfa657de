package io.mediaflow.workers.plan;

import io.mediaflow.events.MediaInfo;
import io.mediaflow.events.MediaKind;
import io.mediaflow.events.RenditionProfile;

/** Test data: profiles of the seed's ladder and probed sources. */
public final class Fixtures {

  private Fixtures() {}

  public static RenditionProfile video(String name, int w, int h, String vb, String ab) {
    return RenditionProfile.newBuilder().setName(name).setKind(MediaKind.VIDEO).setWidth(w).setHeight(h)
        .setVideoBitrate(vb).setAudioBitrate(ab).build();
  }

  public static RenditionProfile audio(String name, String ab) {
    return RenditionProfile.newBuilder().setName(name).setKind(MediaKind.AUDIO).setAudioBitrate(ab).build();
  }

  public static MediaInfo media(MediaKind kind, int w, int h, String videoCodec, String audioCodec, double seconds) {
    return MediaInfo.newBuilder().setKind(kind).setFormatName("mov,mp4,m4a,3gp,3g2,mj2").setSniffedType("video/mp4")
        .setDurationSeconds(seconds).setWidth(w).setHeight(h).setRotation(0).setVideoCodec(videoCodec)
        .setAudioCodec(audioCodec).setSourceKey("assets/a/source").build();
  }
}
