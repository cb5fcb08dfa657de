package io.mediaflow.api.playback;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mediaflow.api.errors.ApiError;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import reactor.core.publisher.Mono;

/** The playback controller alone (standalone MockMvc, service mocked): routes, body shapes, media types. */
class PlaybackControllerSliceTest {

  static final String ID = "65a1b2c3d4e5f60718293a4b";
  static final UsernamePasswordAuthenticationToken ALICE = new UsernamePasswordAuthenticationToken("alice", "n/a", List.of());

  PlaybackService playback = mock(PlaybackService.class);
  MockMvc mvc;

  @BeforeEach
  void setUp() throws Exception {
    var advice = Class.forName("io.mediaflow.api.errors.ApiExceptionHandler").getDeclaredConstructor();
    advice.setAccessible(true);
    mvc = MockMvcBuilders.standaloneSetup(new PlaybackController(playback)).setControllerAdvice(advice.newInstance()).build();
  }

  @Test
  void streamKeepsItsFieldsAndAddsStoryboardAndImages() throws Exception {
    when(playback.stream(eq(ID), any()))
        .thenReturn(Mono.just(new StreamView("/m?s", Map.of("720p", "/v?s"), "/media/" + ID + "/storyboard/storyboard.vtt?s",
            List.of(new StreamView.ImageView("image-640", 640, 360, "/i?s")))));

    var started = mvc.perform(get("/media/" + ID + "/stream").principal(ALICE)).andReturn();
    mvc.perform(asyncDispatch(started))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.masterUrl").value("/m?s"))
        .andExpect(jsonPath("$.variants.720p").value("/v?s"))
        .andExpect(jsonPath("$.storyboardUrl").value("/media/" + ID + "/storyboard/storyboard.vtt?s"))
        .andExpect(jsonPath("$.images[0].profile").value("image-640"))
        .andExpect(jsonPath("$.images[0].width").value(640))
        .andExpect(jsonPath("$.images[0].url").value("/i?s"));
  }

  @Test
  void theStoryboardIsUncachedWebVtt_theSpriteIsAStreamedJpeg() throws Exception {
    when(playback.storyboardFile(ID, "storyboard.vtt", "1", "s")).thenReturn(Mono.just(HlsFile.playlist("WEBVTT\n")));
    when(playback.storyboardFile(ID, "sprite.jpg", "1", "s"))
        .thenReturn(Mono.just(new HlsFile(null, "sprite.jpg", new ByteArrayInputStream(new byte[] {1, 2, 3}), 3)));

    var vtt = mvc.perform(get("/media/" + ID + "/storyboard/storyboard.vtt?exp=1&sig=s")).andReturn();
    mvc.perform(asyncDispatch(vtt))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "text/vtt;charset=UTF-8"))
        .andExpect(header().string("Cache-Control", "no-store"))
        .andExpect(content().string("WEBVTT\n"));
    var sprite = mvc.perform(get("/media/" + ID + "/storyboard/sprite.jpg?exp=1&sig=s")).andReturn();
    mvc.perform(asyncDispatch(sprite))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "image/jpeg"))
        .andExpect(content().bytes(new byte[] {1, 2, 3}));
  }

  @Test
  void aRefusedSignatureIsInTheErrorShape() throws Exception {
    when(playback.storyboardFile(eq(ID), eq("storyboard.vtt"), any(), any()))
        .thenThrow(ApiError.INVALID_SIGNATURE.exception());

    mvc.perform(get("/media/" + ID + "/storyboard/storyboard.vtt"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("INVALID_SIGNATURE"));
  }
}
