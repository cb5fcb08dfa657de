package io.mediaflow.api.playback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryboardRewriterTest {

  static String signed(String name) {
    return "/media/a/storyboard/" + name + "?exp=1&sig=s";
  }

  @Test
  void payloadsBecomeSignedUrlsWithTheirFragment_cueIdentifiersAndTimingsStay() {
    String vtt =
        "WEBVTT\r\n\r\n1\r\n00:00:00.000 --> 00:00:05.000\r\nsprite.jpg#xywh=0,0,160,90\r\n\r\n"
            + "2\r\n00:00:05.000 --> 00:00:10.000\r\nsprite.jpg#xywh=160,0,160,90\r\n";

    assertThat(StoryboardRewriter.rewrite(vtt, StoryboardRewriterTest::signed))
        .isEqualTo(
            "WEBVTT\n\n1\n00:00:00.000 --> 00:00:05.000\n"
                + "/media/a/storyboard/sprite.jpg?exp=1&sig=s#xywh=0,0,160,90\n\n"
                + "2\n00:00:05.000 --> 00:00:10.000\n"
                + "/media/a/storyboard/sprite.jpg?exp=1&sig=s#xywh=160,0,160,90\n");
  }

  @Test
  void aPayloadWithoutFragmentIsSignedToo() {
    assertThat(StoryboardRewriter.rewrite("WEBVTT\n\n00:00.000 --> 00:05.000\nsprite-2.jpg\n", StoryboardRewriterTest::signed))
        .contains("\n/media/a/storyboard/sprite-2.jpg?exp=1&sig=s\n");
  }

  @Test
  void payloadsThatAreNotPlainFileNamesAreDropped() {
    String vtt =
        "WEBVTT\n\n00:00.000 --> 00:05.000\nhttp://evil.example/x.jpg#xywh=0,0,1,1\n\n"
            + "00:05.000 --> 00:10.000\n../other/sprite.jpg#xywh=0,0,1,1\n\n"
            + "00:10.000 --> 00:15.000\nsprite.jpg#xywh=0,0,1,1\n";

    String out = StoryboardRewriter.rewrite(vtt, StoryboardRewriterTest::signed);

    assertThat(out).doesNotContain("evil", "..", "other");
    assertThat(out).contains("00:05.000 --> 00:10.000\n\n00:10.000 --> 00:15.000\n/media/a/storyboard/sprite.jpg?");
  }

  @Test
  void theHeaderAndNotesBeforeTheFirstCueAreKept() {
    assertThat(StoryboardRewriter.rewrite("WEBVTT - thumbnails\n\nNOTE made by mediaflow\n", StoryboardRewriterTest::signed))
        .isEqualTo("WEBVTT - thumbnails\n\nNOTE made by mediaflow\n");
  }
}
