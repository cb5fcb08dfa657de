package io.mediaflow.projector.profiles;

import static io.mediaflow.projector.fixtures.Events.media;
import static io.mediaflow.projector.fixtures.Events.video;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.events.MediaKind;
import io.mediaflow.events.RenditionProfile;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ProfileSelectorTest {

  private static final ProfileLadder LADDER = ProfileLadder.defaults();
  private static final String ID = "0123456789abcdef01234567";

  private static List<String> names(List<RenditionProfile> profiles) {
    return profiles.stream().map(RenditionProfile::getName).toList();
  }

  @Test
  void theSeedsLadderIsTheDefaultWithItsBitrates() {
    RenditionProfile p1080 = LADDER.ofKind(MediaKind.VIDEO).get(3);
    assertThat(names(LADDER.ofKind(MediaKind.VIDEO))).containsExactly("360p", "480p", "720p", "1080p");
    assertThat(p1080.getWidth()).isEqualTo(1920);
    assertThat(p1080.getVideoBitrate()).isEqualTo("5000k");
    assertThat(p1080.getAudioBitrate()).isEqualTo("192k");
  }

  @Test
  void aFullHdSourceGetsTheWholeLadderSmallestFirst() {
    assertThat(names(ProfileSelector.select(LADDER, video(ID, 1920, 1080)))).containsExactly("360p", "480p", "720p", "1080p");
  }

  @Test
  void neverAboveTheSourceHeight() {
    assertThat(names(ProfileSelector.select(LADDER, video(ID, 1280, 720)))).containsExactly("360p", "480p", "720p");
    assertThat(names(ProfileSelector.select(LADDER, video(ID, 1000, 500)))).containsExactly("360p", "480p");
  }

  @Test
  void aTinySourceStillGetsTheSmallestRendition() {
    assertThat(names(ProfileSelector.select(LADDER, video(ID, 320, 240)))).containsExactly("360p");
  }

  @Test
  void aPortraitSourceIsJudgedByItsShortSide() {
    assertThat(names(ProfileSelector.select(LADDER, video(ID, 720, 1280)))).containsExactly("360p", "480p", "720p");
  }

  @Test
  void audioGetsAudioRenditionsAndImagesImageVariants() {
    assertThat(names(ProfileSelector.select(LADDER, media(ID, MediaKind.AUDIO, 0, 0)))).containsExactly("audio-64k", "audio-128k");
    assertThat(names(ProfileSelector.select(LADDER, media(ID, MediaKind.IMAGE, 800, 600)))).containsExactly("image-320");
    assertThat(names(ProfileSelector.select(LADDER, media(ID, MediaKind.IMAGE, 4000, 3000))))
        .containsExactly("image-320", "image-640", "image-1280");
  }

  @Test
  void unknownMediaGetsNothing() {
    assertThat(ProfileSelector.select(LADDER, media(ID, MediaKind.UNKNOWN, 1920, 1080))).isEmpty();
  }

  @Test
  void namedProfilesAreFilteredFromTheChoice() {
    assertThat(names(ProfileSelector.select(LADDER, video(ID, 1280, 720), List.of("720p", "1080p", "nope")))).containsExactly("720p");
    assertThat(names(ProfileSelector.select(LADDER, video(ID, 1280, 720), List.of()))).hasSize(3);
  }

  @Property(tries = 200)
  void choiceIsNonEmptyOrderedAndNeverUpscales(@ForAll @IntRange(min = 1, max = 8000) int w, @ForAll @IntRange(min = 1, max = 8000) int h) {
    List<RenditionProfile> chosen = ProfileSelector.select(LADDER, video(ID, w, h));
    assertThat(chosen).isNotEmpty().isSortedAccordingTo(ProfileLadder.SMALLEST_FIRST);
    assertThat(chosen.subList(1, chosen.size())).allMatch(p -> p.getHeight() <= Math.min(w, h));
  }
}
