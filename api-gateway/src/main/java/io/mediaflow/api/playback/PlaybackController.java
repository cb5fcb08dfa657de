package io.mediaflow.api.playback;

import io.mediaflow.api.access.Viewer;
import java.time.Duration;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** /media/{id}/stream (JWT) and the signed, public HLS, storyboard and thumbnail paths. */
@RestController
class PlaybackController {

  static final MediaType HLS = MediaType.parseMediaType("application/vnd.apple.mpegurl");
  static final MediaType VTT = MediaType.parseMediaType("text/vtt;charset=UTF-8");
  private final PlaybackService playback;

  PlaybackController(PlaybackService playback) {
    this.playback = playback;
  }

  @GetMapping("/media/{id}/stream")
  Mono<StreamView> stream(@PathVariable String id, Authentication auth) {
    return playback.stream(id, Viewer.of(auth));
  }

  @GetMapping("/media/{id}/hls/master.m3u8")
  Mono<ResponseEntity<String>> master(
      @PathVariable String id,
      @RequestParam(required = false) String exp,
      @RequestParam(required = false) String sig) {
    return playback.master(id, exp, sig).map(PlaybackController::playlist);
  }

  @GetMapping("/media/{id}/hls/{profile}/{file}")
  Mono<ResponseEntity<?>> rendition(
      @PathVariable String id,
      @PathVariable String profile,
      @PathVariable String file,
      @RequestParam(required = false) String exp,
      @RequestParam(required = false) String sig) {
    return playback.renditionFile(id, profile, file, exp, sig).map(PlaybackController::answer);
  }

  @GetMapping("/media/{id}/thumbnail.jpg")
  Mono<ResponseEntity<?>> thumbnail(
      @PathVariable String id,
      @RequestParam(required = false) String exp,
      @RequestParam(required = false) String sig) {
    return playback.thumbnail(id, exp, sig).map(PlaybackController::answer);
  }

  /** The storyboard's WebVTT (cues rewritten to signed sprite URLs) and its sprite. */
  @GetMapping("/media/{id}/storyboard/{file}")
  Mono<ResponseEntity<?>> storyboard(
      @PathVariable String id,
      @PathVariable String file,
      @RequestParam(required = false) String exp,
      @RequestParam(required = false) String sig) {
    return playback.storyboardFile(id, file, exp, sig).map(PlaybackController::storyboardAnswer);
  }

  private static ResponseEntity<?> answer(HlsFile file) {
    return file.text() != null ? playlist(file.text()) : streamed(file);
  }

  private static ResponseEntity<?> storyboardAnswer(HlsFile file) {
    if (file.text() == null) {
      return streamed(file);
    }
    return ResponseEntity.ok().contentType(VTT).cacheControl(CacheControl.noStore()).body(file.text());
  }

  /** Playlists carry signatures that expire: never cached by intermediaries. */
  private static ResponseEntity<String> playlist(String text) {
    return ResponseEntity.ok().contentType(HLS).cacheControl(CacheControl.noStore()).body(text);
  }

  /**
   * Streamed from the store to the client in chunks, never held whole in memory: the resource
   * converter copies the stream (and closes it) without asking an InputStreamResource its length.
   */
  private static ResponseEntity<InputStreamResource> streamed(HlsFile file) {
    ResponseEntity.BodyBuilder ok =
        ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(file.contentType()))
            .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePrivate());
    if (file.length() >= 0) {
      ok.contentLength(file.length());
    }
    return ok.body(new InputStreamResource(file.object()));
  }
}
