package io.mediaflow.workers.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.devstack.Endpoints;
import io.mediaflow.devstack.testing.MediaflowInfra;
import io.mediaflow.events.IngestSucceeded;
import io.mediaflow.events.Job;
import io.mediaflow.events.MediaInfo;
import io.mediaflow.events.MediaKind;
import io.mediaflow.events.RenditionProfile;
import io.mediaflow.events.RenditionResult;
import io.mediaflow.events.TranscodeSucceeded;
import io.mediaflow.events.TranscodeTask;
import io.mediaflow.workers.config.WorkerComponents;
import io.mediaflow.workers.ffmpeg.Ffprobe;
import io.mediaflow.workers.ffmpeg.TestMedia;
import io.mediaflow.workers.jobs.JobOutcome;
import io.mediaflow.workers.media.ProbeMapper;
import io.mediaflow.workers.plan.Fixtures;
import io.mediaflow.workers.plan.ObjectKeys;
import io.mediaflow.workers.support.Infra;
import io.minio.GetObjectArgs;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Image variants and the storyboard, made by the real transcode executor into the real S3. */
@Tag("integration")
@ExtendWith(MediaflowInfra.class)
class TranscodeJobsIT {

  @TempDir static Path media;
  @TempDir static Path work;
  static Endpoints infra;
  static WorkerComponents workers;

  @BeforeAll
  static void setUp(Endpoints endpoints) {
    infra = endpoints;
    workers = Infra.components(endpoints, work);
  }

  @AfterAll
  static void tearDown() {
    workers.close();
  }

  @Test
  void aPngBecomesJpegVariantsThatFitTheirBoxesAndAreNeverUpscaled() throws Exception {
    byte[] png = Files.readAllBytes(TestMedia.ffmpeg(media.resolve("pic.png"),
        "-f", "lavfi", "-i", "testsrc2=size=1000x600", "-frames:v", "1"));
    Ingested source = ingest(png, "image/png");
    assertThat(source.media().getKind()).isEqualTo(MediaKind.IMAGE);

    RenditionResult small = transcode(source, image("image-320", 320));
    RenditionResult large = transcode(source, image("image-1280", 1280));

    String key = "assets/" + source.assetId() + "/g1/image-320/image.jpg";
    assertThat(small.getPlaylistKey()).isEqualTo(key);
    assertThat(List.of(small.getWidth(), small.getHeight())).containsExactly(320, 192);
    assertThat(probe(key)).containsExactly(320, 192);
    assertThat(small.getBytes()).isPositive();
    assertThat(List.of(large.getWidth(), large.getHeight())).as("never upscaled").containsExactly(1000, 600);
    assertThat(probe(large.getPlaylistKey())).containsExactly(1000, 600);
    assertThat(workers.workRoot().dir()).isEmptyDirectory();
  }

  @Test
  void aJpegIsTurnedByItsExifOrientation() throws Exception {
    byte[] jpeg = Files.readAllBytes(TestMedia.ffmpeg(media.resolve("photo.jpg"),
        "-f", "lavfi", "-i", "testsrc2=size=640x480", "-frames:v", "1"));
    Ingested source = ingest(withExifOrientation(jpeg, 6), "image/jpeg");

    RenditionResult variant = transcode(source, image("image-320", 320));

    assertThat(List.of(variant.getWidth(), variant.getHeight())).as("stored landscape, shown portrait").containsExactly(240, 320);
    assertThat(probe(variant.getPlaylistKey())).containsExactly(240, 320);
  }

  @Test
  void theFlaggedVideoJobAlsoMakesTheStoryboard() throws Exception {
    byte[] clip = Files.readAllBytes(TestMedia.clip(media, "clip.mp4", 13, "320x180"));
    Ingested source = ingest(clip, "video/mp4");

    RenditionResult flagged = transcode(source, Fixtures.video("180p", 320, 180, "200k", "64k"), true);
    RenditionResult plain = transcode(source, Fixtures.video("144p", 256, 144, "150k", "64k"), false);

    String prefix = "assets/" + source.assetId() + "/g1/storyboard/";
    assertThat(flagged.getStoryboardKey()).isEqualTo(prefix + "storyboard.vtt");
    assertThat(plain.getStoryboardKey()).isNull();
    assertThat(Infra.exists(infra, flagged.getPlaylistKey())).isTrue();
    assertThat(probe(prefix + "sprite.jpg")).as("13 one-second tiles of 160x90 on 10 columns").containsExactly(1600, 180);
    String vtt = new String(read(prefix + "storyboard.vtt"), StandardCharsets.UTF_8);
    assertThat(vtt).startsWith("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nsprite.jpg#xywh=0,0,160,90\n")
        .contains("sprite.jpg#xywh=0,90,160,90").endsWith("--> 00:00:13.000\nsprite.jpg#xywh=320,90,160,90\n");
  }

  record Ingested(String assetId, MediaInfo media) {}

  static Ingested ingest(byte[] bytes, String type) throws Exception {
    String asset = Infra.newAssetId();
    List<String> chunks = Infra.uploadChunks(infra, asset, bytes, 256 * 1024);
    JobOutcome outcome = workers.runner().run(Infra.ingestJob(asset, chunks, bytes, type, null), "it");
    assertThat(outcome).isInstanceOf(JobOutcome.Succeeded.class);
    return new Ingested(asset, ((IngestSucceeded) ((JobOutcome.Succeeded) outcome).event().getEvent()).getMedia());
  }

  static RenditionResult transcode(Ingested source, RenditionProfile profile) {
    return transcode(source, profile, false);
  }

  static RenditionResult transcode(Ingested source, RenditionProfile profile, boolean storyboard) {
    Job job = Job.newBuilder().setJobId(source.assetId() + ".g1." + profile.getName() + ".a1").setAssetId(source.assetId())
        .setGeneration(1).setAttempt(1).setIssuedAt(Instant.now())
        .setTask(TranscodeTask.newBuilder().setSourceKey(source.media().getSourceKey()).setProfile(profile)
            .setOutputPrefix(ObjectKeys.renditionPrefix(source.assetId(), 1, profile.getName()))
            .setSegmentSeconds(4).setMedia(source.media()).setStoryboard(storyboard).build())
        .build();
    JobOutcome outcome = workers.runner().run(job, "it");
    assertThat(outcome).isInstanceOf(JobOutcome.Succeeded.class);
    return ((TranscodeSucceeded) ((JobOutcome.Succeeded) outcome).event().getEvent()).getRendition();
  }

  static RenditionProfile image(String name, int bound) {
    return RenditionProfile.newBuilder().setName(name).setKind(MediaKind.IMAGE).setWidth(bound).setHeight(bound).build();
  }

  static byte[] read(String key) throws Exception {
    try (InputStream in = Infra.minio(infra).getObject(GetObjectArgs.builder().bucket(infra.bucket()).object(key).build())) {
      return in.readAllBytes();
    }
  }

  /** Width and height of a stored picture, as ffprobe sees the file. */
  static List<Integer> probe(String key) throws Exception {
    Path file = Files.createTempFile(media, "probe", ""); // no extension: else ffprobe picks image2
    Files.write(file, read(key));
    MediaInfo info = ProbeMapper.toMediaInfo(new Ffprobe(TestMedia.binaries()).json(file), "image/jpeg", 0, key);
    return List.of(info.getWidth(), info.getHeight());
  }

  /** The JPEG with an EXIF APP1 segment right after SOI holding only the Orientation tag. */
  static byte[] withExifOrientation(byte[] jpeg, int orientation) {
    ByteBuffer tiff = ByteBuffer.allocate(26); // big-endian TIFF header, IFD0 with one entry, no next IFD
    tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8).putShort((short) 1)
        .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0).putInt(0);
    byte[] exif = ByteBuffer.allocate(6 + 26).put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff.array()).array();
    ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + exif.length);
    out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.length + 2)).put(exif).put(jpeg, 2, jpeg.length - 2);
    return out.array();
  }
}
