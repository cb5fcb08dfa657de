package io.mediaflow.workers.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The keys of docs/CONTRACTS.md, exactly. */
class ObjectKeysTest {

  static final String ID = "65a1b2c3d4e5f60718293a4b";

  @Test
  void followsTheContract() {
    assertThat(ObjectKeys.source(ID)).isEqualTo("assets/" + ID + "/source");
    assertThat(ObjectKeys.thumbnail(ID)).isEqualTo("assets/" + ID + "/thumbnail.jpg");
    assertThat(ObjectKeys.renditionPrefix(ID, 2, "720p")).isEqualTo("assets/" + ID + "/g2/720p/");
    assertThat(ObjectKeys.inPrefix("assets/x/g1/720p/", "index.m3u8")).isEqualTo("assets/x/g1/720p/index.m3u8");
    assertThat(ObjectKeys.inPrefix("assets/x/g1/720p", "seg_00001.ts")).isEqualTo("assets/x/g1/720p/seg_00001.ts");
    assertThat(ObjectKeys.inPrefix(ObjectKeys.renditionPrefix(ID, 1, "image-320"), ObjectKeys.IMAGE))
        .isEqualTo("assets/" + ID + "/g1/image-320/image.jpg");
    assertThat(ObjectKeys.storyboardPrefix(ID, 3) + ObjectKeys.SPRITE).isEqualTo("assets/" + ID + "/g3/storyboard/sprite.jpg");
    assertThat(ObjectKeys.storyboardPrefix(ID, 3) + ObjectKeys.STORYBOARD_VTT)
        .isEqualTo("assets/" + ID + "/g3/storyboard/storyboard.vtt");
  }
}
