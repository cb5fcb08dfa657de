package io.mediaflow.workers.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The storyboard of a video: one small tile every {@code intervalSeconds}, laid out left to right,
 * top to bottom on one sprite sheet, and a WebVTT file whose cues cover the whole duration, each
 * pointing at its tile ({@code sprite.jpg#xywh=x,y,w,h}). The interval is whole seconds, the
 * smallest that keeps the tile count at most {@code maxTiles}, so a short clip gets a tile a second
 * and a two-hour film one every 72 s. Times are whole milliseconds so cues join exactly.
 *
 * @param durationMillis the media's duration
 */
public record StoryboardPlan(
    long durationMillis, int intervalSeconds, int tiles, int columns, int tileWidth, int tileHeight) {

  public static final int TILE_WIDTH = 160;
  public static final int MAX_TILES = 100;
  public static final int COLUMNS = 10;

  /** One cue: [start, end) in milliseconds and its tile's rectangle on the sprite. */
  public record Cue(long startMillis, long endMillis, int x, int y, int w, int h) {}

  /**
   * @param displayWidth width as displayed (rotation applied)
   * @param displayHeight height as displayed
   */
  public static StoryboardPlan of(double durationSeconds, int displayWidth, int displayHeight) {
    long millis = Math.max(0, Math.round(durationSeconds * 1000));
    int interval = (int) Math.max(1, ceilDiv(millis, MAX_TILES * 1000L));
    int tiles = (int) Math.max(1, ceilDiv(millis, interval * 1000L));
    int tileHeight = displayWidth > 0 && displayHeight > 0
        ? even((double) TILE_WIDTH * displayHeight / displayWidth)
        : TILE_WIDTH * 9 / 16;
    return new StoryboardPlan(millis, interval, tiles, Math.min(COLUMNS, tiles), TILE_WIDTH, tileHeight);
  }

  public int rows() {
    return (int) ceilDiv(tiles, columns);
  }

  public int spriteWidth() {
    return columns * tileWidth;
  }

  public int spriteHeight() {
    return rows() * tileHeight;
  }

  public List<Cue> cues() {
    List<Cue> cues = new ArrayList<>(tiles);
    for (int i = 0; i < tiles; i++) {
      long start = i * intervalSeconds * 1000L;
      long end = i == tiles - 1 ? durationMillis : Math.min(durationMillis, start + intervalSeconds * 1000L);
      cues.add(new Cue(start, end, (i % columns) * tileWidth, (i / columns) * tileHeight, tileWidth, tileHeight));
    }
    return cues;
  }

  /** The WebVTT text; {@code spriteName} is relative to the .vtt, as CONTRACTS.md asks. */
  public String webVtt(String spriteName) {
    StringBuilder vtt = new StringBuilder("WEBVTT\n");
    for (Cue c : cues()) {
      vtt.append('\n')
          .append(timestamp(c.startMillis())).append(" --> ").append(timestamp(c.endMillis())).append('\n')
          .append(spriteName).append("#xywh=")
          .append(c.x()).append(',').append(c.y()).append(',').append(c.w()).append(',').append(c.h()).append('\n');
    }
    return vtt.toString();
  }

  /**
   * A second output of the rendition's ffmpeg run: the decoded (and auto-rotated) picture sampled
   * once per interval, scaled to a tile and tiled into one sheet. The tile filter flushes a part-full
   * sheet at the end of the input; frames past the sheet are dropped by {@code -frames:v 1}.
   */
  public FfmpegCommand.Output output(Path sprite) {
    String filter = String.format(Locale.ROOT, "fps=1/%d,scale=%d:%d,setsar=1,tile=%dx%d",
        intervalSeconds, tileWidth, tileHeight, columns, rows());
    return new FfmpegCommand.Output(
        List.of("-map", "0:v:0", "-an", "-vf", filter, "-frames:v", "1", "-q:v", "5", "-f", "image2", "-update", "1"),
        sprite);
  }

  static String timestamp(long millis) {
    return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d",
        millis / 3_600_000, (millis / 60_000) % 60, (millis / 1000) % 60, millis % 1000);
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  private static int even(double v) {
    int r = (int) Math.round(v);
    return Math.max(2, r - (r % 2));
  }
}
