package io.mediaflow.api.playback;

import static io.mediaflow.api.support.Api.assertError;
import static io.mediaflow.api.support.Api.token;
import static io.mediaflow.api.support.Projection.asset;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.api.support.GatewayIT;
import io.mediaflow.devstack.Endpoints;
import io.mediaflow.devstack.testing.MediaflowInfra;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** /media/{id}/stream, the master playlist, rewritten rendition playlists and segments from the real S3. */
@SuppressWarnings("unchecked")
class PlaybackIT extends GatewayIT {

  static final String PLAYLIST =
      "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:4\n#EXTINF:4.0,\nseg_00001.ts\n#EXT-X-ENDLIST\n";

  String id;
  byte[] segment;

  void storeMedia(Document doc) throws Exception {
    id = doc.getString("_id");
    segment = new byte[300_000];
    new Random(42).nextBytes(segment);
    put("assets/" + id + "/g1/360p/index.m3u8", PLAYLIST.getBytes(StandardCharsets.UTF_8));
    put("assets/" + id + "/g1/360p/seg_00001.ts", segment);
    put("assets/" + id + "/thumbnail.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2});
    projection.put(doc);
  }

  static void put(String key, byte[] bytes) throws Exception {
    Endpoints e = MediaflowInfra.endpoints();
    MinioClient s3 = MinioClient.builder().endpoint(e.s3Endpoint()).credentials(e.s3AccessKey(), e.s3SecretKey()).build();
    s3.putObject(PutObjectArgs.builder().bucket(e.bucket()).object(key)
        .stream(new ByteArrayInputStream(bytes), bytes.length, -1).build());
  }

  static String json(String body, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]+)\"").matcher(body);
    assertThat(m.find()).as(field + " in " + body).isTrue();
    return m.group(1);
  }

  @Test
  void aPrivateAssetPlaysThroughSignedUrlsOnly() throws Exception {
    storeMedia(asset(alice, "private", "Movie"));
    assertError(api.get("/media/" + id + "/stream", token(bob, false)), 403, "FORBIDDEN");
    HttpResponse<String> stream = api.get("/media/" + id + "/stream", token(alice, false));
    assertThat(stream.statusCode()).as(stream.body()).isEqualTo(200);
    String masterUrl = json(stream.body(), "masterUrl");
    assertThat(stream.body()).contains("\"variants\":{\"360p\":\"/media/" + id + "/hls/360p/index.m3u8?exp=");

    // master: no token, the signature is enough
    HttpResponse<String> master = api.get(masterUrl, null);
    assertThat(master.statusCode()).isEqualTo(200);
    assertThat(master.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/vnd.apple.mpegurl"));
    assertThat(master.body())
        .contains("#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360,CODECS=\"avc1.64001f,mp4a.40.2\"")
        .doesNotContain("720p");
    String renditionUrl = master.body().lines().filter(l -> l.startsWith("/media/")).findFirst().orElseThrow();

    HttpResponse<String> rendition = api.get(renditionUrl, null);
    assertThat(rendition.statusCode()).as(rendition.body()).isEqualTo(200);
    String segmentUrl = rendition.body().lines().filter(l -> l.startsWith("/media/")).findFirst().orElseThrow();
    assertThat(segmentUrl).startsWith("/media/" + id + "/hls/360p/seg_00001.ts?exp=");

    HttpResponse<byte[]> bytes = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + segmentUrl)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(bytes.statusCode()).isEqualTo(200);
    assertThat(bytes.headers().firstValue("Content-Type")).contains("video/mp2t");
    assertThat(bytes.body()).isEqualTo(segment);
  }

  @Test
  void missingExpiredOrTamperedSignaturesAre403() throws Exception {
    storeMedia(asset(alice, "private", "Locked"));
    String segmentPath = "/media/" + id + "/hls/360p/seg_00001.ts";
    String masterUrl = json(api.get("/media/" + id + "/stream", token(alice, false)).body(), "masterUrl");
    String exp = masterUrl.replaceAll(".*exp=(\\d+).*", "$1");
    String sig = masterUrl.replaceAll(".*sig=([^&]+).*", "$1");

    assertError(api.get(segmentPath, null), 403, "INVALID_SIGNATURE");
    assertError(api.get(segmentPath, token(alice, false)), 403, "INVALID_SIGNATURE"); // a JWT is no substitute
    // the master's signature does not open another path
    assertError(api.get(segmentPath + "?exp=" + exp + "&sig=" + sig, null), 403, "INVALID_SIGNATURE");
    assertError(api.get("/media/" + id + "/hls/master.m3u8?exp=" + (Long.parseLong(exp) + 1) + "&sig=" + sig, null), 403, "INVALID_SIGNATURE");
    assertError(api.get("/media/" + id + "/hls/master.m3u8?exp=1&sig=" + sig, null), 403, "INVALID_SIGNATURE");
    assertError(api.get("/media/" + id + "/hls/master.m3u8?exp=" + exp + "&sig=x" + sig.substring(1), null), 403, "INVALID_SIGNATURE");
    assertThat(api.get(masterUrl, null).statusCode()).isEqualTo(200);
  }

  @Test
  void theThumbnailIsSignedToo_andDeletedAssetsStopPlaying() throws Exception {
    storeMedia(asset(alice, "public", "Thumb"));
    String body = api.get("/api/assets/" + id, token(bob, false)).body();
    String thumbnailUrl = json(body, "thumbnailUrl");
    String masterUrl = json(api.get("/media/" + id + "/stream", token(bob, false)).body(), "masterUrl");

    HttpResponse<String> thumb = api.get(thumbnailUrl, null);
    assertThat(thumb.statusCode()).isEqualTo(200);
    assertThat(thumb.headers().firstValue("Content-Type")).contains("image/jpeg");
    assertError(api.get("/media/" + id + "/thumbnail.jpg", null), 403, "INVALID_SIGNATURE");

    projection.update(id, Map.of("deleted", true));
    // the cached document is at most the cache TTL old; the projection changed behind the gateway's back here
    String fresh = "/media/" + id + "/hls/master.m3u8";
    assertThat(api.get(masterUrl, null).statusCode()).isIn(200, 404);
    assertError(api.get(fresh, null), 403, "INVALID_SIGNATURE");
  }

  @Test
  void theStoryboardAndItsSpriteArePlayedThroughSignedUrls() throws Exception {
    Document doc = asset(alice, "private", "Scenes");
    String vttKey = "assets/" + doc.getString("_id") + "/g1/storyboard/storyboard.vtt";
    ((java.util.List<Document>) doc.get("renditions")).get(0).append("storyboardKey", vttKey);
    byte[] sprite = {(byte) 0xff, (byte) 0xd8, 9, 8, 7};
    put(vttKey, ("WEBVTT\n\n1\n00:00:00.000 --> 00:00:05.000\nsprite.jpg#xywh=0,0,160,90\n\n"
        + "2\n00:00:05.000 --> 00:00:10.000\nsprite.jpg#xywh=160,0,160,90\n").getBytes(StandardCharsets.UTF_8));
    put("assets/" + doc.getString("_id") + "/g1/storyboard/sprite.jpg", sprite);
    storeMedia(doc);

    String body = api.get("/media/" + id + "/stream", token(alice, false)).body();
    assertThat(body).contains("\"masterUrl\":", "\"variants\":{\"360p\":", "\"images\":[]");
    String storyboardUrl = json(body, "storyboardUrl");
    assertThat(storyboardUrl).startsWith("/media/" + id + "/storyboard/storyboard.vtt?exp=");

    HttpResponse<String> vtt = api.get(storyboardUrl, null);
    assertThat(vtt.statusCode()).as(vtt.body()).isEqualTo(200);
    assertThat(vtt.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/vtt"));
    String cue = vtt.body().lines().filter(l -> l.contains("#xywh=160,0,160,90")).findFirst().orElseThrow();
    assertThat(cue).startsWith("/media/" + id + "/storyboard/sprite.jpg?exp=");

    HttpResponse<byte[]> bytes = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + cue.substring(0, cue.indexOf('#')))).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(bytes.statusCode()).isEqualTo(200);
    assertThat(bytes.headers().firstValue("Content-Type")).contains("image/jpeg");
    assertThat(bytes.body()).isEqualTo(sprite);
    assertError(api.get("/media/" + id + "/storyboard/sprite.jpg", null), 403, "INVALID_SIGNATURE");
    // the storyboard's signature does not open the sprite
    assertError(api.get("/media/" + id + "/storyboard/sprite.jpg" + storyboardUrl.substring(storyboardUrl.indexOf('?')), null),
        403, "INVALID_SIGNATURE");
  }

  @Test
  void anAssetWithoutStoryboardHasNone() throws Exception {
    storeMedia(asset(alice, "private", "Plain"));
    String body = api.get("/media/" + id + "/stream", token(alice, false)).body();
    assertThat(body).contains("\"storyboardUrl\":null");
  }

  @Test
  void imageVariantsAreSignedImagesNotPlaylists() throws Exception {
    Document doc = asset(alice, "public", "Photo").append("fileType", "image/jpeg").append("kind", "IMAGE");
    String docId = doc.getString("_id");
    byte[] small = {(byte) 0xff, (byte) 0xd8, 1};
    byte[] large = {(byte) 0xff, (byte) 0xd8, 2, 2};
    doc.put("renditions", java.util.List.of(
        new Document("profile", "image-1920").append("status", "READY").append("width", 1920).append("height", 1080)
            .append("playlistKey", "assets/" + docId + "/g1/image-1920/image.jpg"),
        new Document("profile", "image-640").append("status", "READY").append("width", 640).append("height", 360)
            .append("playlistKey", "assets/" + docId + "/g1/image-640/image.jpg")));
    put("assets/" + docId + "/g1/image-1920/image.jpg", large);
    put("assets/" + docId + "/g1/image-640/image.jpg", small);
    storeMedia(doc);

    String body = api.get("/media/" + id + "/stream", token(bob, false)).body();
    Matcher images = Pattern.compile("\\{\"profile\":\"(image-\\d+)\",\"width\":(\\d+),\"height\":\\d+,\"url\":\"([^\"]+)\"\\}")
        .matcher(body);
    assertThat(images.find()).as(body).isTrue();
    assertThat(images.group(1)).isEqualTo("image-640");
    assertThat(images.find()).as(body).isTrue();
    assertThat(images.group(1)).isEqualTo("image-1920");
    String largeUrl = images.group(3);
    assertThat(largeUrl).startsWith("/media/" + id + "/hls/image-1920/image.jpg?exp=");

    HttpResponse<byte[]> bytes = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + largeUrl)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(bytes.statusCode()).isEqualTo(200);
    assertThat(bytes.headers().firstValue("Content-Type")).contains("image/jpeg");
    assertThat(bytes.body()).isEqualTo(large);
    // the asset body's variants point at the same signed images; the master lists no image as HLS
    assertThat(api.get("/api/assets/" + id, token(bob, false)).body())
        .contains("\"url\":\"/media/" + id + "/hls/image-1920/image.jpg?exp=");
    assertThat(api.get(json(body, "masterUrl"), null).body()).doesNotContain("image");
  }

  @Test
  void anAssetWithoutReadyRenditionsIsNotPlayableYet_andBadNamesAre400() throws Exception {
    Document doc = asset(alice, "private", "Early").append("status", "PROCESSING");
    doc.put("renditions", java.util.List.of(new Document("profile", "360p").append("status", "RUNNING")));
    storeMedia(doc);

    assertError(api.get("/media/" + id + "/stream", token(alice, false)), 409, "NOT_PLAYABLE");
    assertError(api.get("/media/" + id + "/hls/360p/seg..ts?exp=1&sig=x", null), 400, "INVALID_REQUEST");
    assertError(api.get("/media/nope/stream", token(alice, false)), 400, "INVALID_ASSET_ID");
    assertError(api.get("/media/" + id + "/stream", null), 401, "UNAUTHORIZED");
  }
}
