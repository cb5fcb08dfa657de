package io.mediaflow.workers.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.events.MediaInfo;
import io.mediaflow.events.MediaKind;
import org.junit.jupiter.api.Test;

/** Fixtures are trimmed output of the bundled ffprobe 7.1 on lavfi-generated files. */
class ProbeMapperTest {

  static final String CLIP = """
      {"streams": [
        {"index": 0, "codec_name": "h264", "codec_type": "video", "width": 320, "height": 240, "duration": "2.000000",
         "disposition": {"attached_pic": 0}},
        {"index": 1, "codec_name": "aac", "codec_type": "audio", "duration": "2.000000", "disposition": {"attached_pic": 0}}],
       "format": {"format_name": "mov,mp4,m4a,3gp,3g2,mj2", "duration": "2.000000", "bit_rate": "778560", "size": "194640"}}
      """;

  static MediaInfo map(String json) {
    return ProbeMapper.toMediaInfo(json, "video/mp4", 194640, "assets/a/source");
  }

  @Test
  void videoWithSound() {
    MediaInfo m = map(CLIP);
    assertThat(m.getKind()).isEqualTo(MediaKind.VIDEO);
    assertThat(m.getFormatName()).isEqualTo("mov,mp4,m4a,3gp,3g2,mj2");
    assertThat(m.getDurationSeconds()).isEqualTo(2.0);
    assertThat(m.getWidth()).isEqualTo(320);
    assertThat(m.getHeight()).isEqualTo(240);
    assertThat(m.getRotation()).isZero();
    assertThat(m.getVideoCodec()).isEqualTo("h264");
    assertThat(m.getAudioCodec()).isEqualTo("aac");
    assertThat(m.getBitrate()).isEqualTo(778560);
    assertThat(m.getBytes()).isEqualTo(194640);
    assertThat(m.getSourceKey()).isEqualTo("assets/a/source");
    assertThat(m.getSniffedType()).isEqualTo("video/mp4");
    assertThat(m.getThumbnailKey()).isNull();
  }

  @Test
  void displayMatrixRotationBecomesClockwiseDegrees() {
    String rotated = CLIP.replace("\"width\": 320",
        "\"side_data_list\": [{\"side_data_type\": \"Display Matrix\", \"rotation\": 90}], \"width\": 320");
    assertThat(map(rotated).getRotation()).isEqualTo(270);
    assertThat(map(rotated.replace("\"rotation\": 90", "\"rotation\": -90")).getRotation()).isEqualTo(90);
    assertThat(map(rotated.replace("\"rotation\": 90", "\"rotation\": 180")).getRotation()).isEqualTo(180);
  }

  @Test
  void oldRotateTagIsClockwise() {
    String tagged = CLIP.replace("\"width\": 320", "\"tags\": {\"rotate\": \"90\"}, \"width\": 320");
    assertThat(map(tagged).getRotation()).isEqualTo(90);
  }

  @Test
  void audioOnly() {
    MediaInfo m = map("""
        {"streams": [{"index": 0, "codec_name": "mp3", "codec_type": "audio", "duration": "2.037551"}],
         "format": {"format_name": "mp3", "duration": "2.037551", "bit_rate": "64885", "size": "16526"}}
        """);
    assertThat(m.getKind()).isEqualTo(MediaKind.AUDIO);
    assertThat(m.getVideoCodec()).isNull();
    assertThat(m.getWidth()).isZero();
    assertThat(m.getDurationSeconds()).isEqualTo(2.037551);
  }

  @Test
  void coverArtIsNotVideo() {
    MediaInfo m = map("""
        {"streams": [{"index": 0, "codec_name": "mp3", "codec_type": "audio"},
                     {"index": 1, "codec_name": "mjpeg", "codec_type": "video", "width": 500, "height": 500,
                      "disposition": {"attached_pic": 1}}],
         "format": {"format_name": "mp3", "duration": "180.5"}}
        """);
    assertThat(m.getKind()).isEqualTo(MediaKind.AUDIO);
    assertThat(m.getWidth()).isZero();
  }

  @Test
  void stillImage() {
    MediaInfo m = map("""
        {"streams": [{"index": 0, "codec_name": "png", "codec_type": "video", "width": 320, "height": 240}],
         "format": {"format_name": "png_pipe", "size": "8828"}}
        """);
    assertThat(m.getKind()).isEqualTo(MediaKind.IMAGE);
    assertThat(m.getDurationSeconds()).isZero();
    assertThat(m.getWidth()).isEqualTo(320);
  }

  @Test
  void unknownNumbersAndNoStreams() {
    MediaInfo m = map("""
        {"streams": [], "format": {"format_name": "mpegts", "duration": "N/A", "bit_rate": "N/A"}}
        """);
    assertThat(m.getKind()).isEqualTo(MediaKind.UNKNOWN);
    assertThat(m.getDurationSeconds()).isZero();
    assertThat(m.getBitrate()).isZero();
  }

  @Test
  void streamDurationWhenTheContainerHasNone() {
    MediaInfo m = map("""
        {"streams": [{"codec_name": "vp9", "codec_type": "video", "width": 64, "height": 64, "duration": "3.5"}],
         "format": {"format_name": "matroska,webm"}}
        """);
    assertThat(m.getDurationSeconds()).isEqualTo(3.5);
  }
}
