package io.mediaflow.workers.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The ffmpeg command for the thumbnail: one JPEG frame, at most 640 wide. */
public final class ThumbnailPlan {

  private ThumbnailPlan() {}

  public static FfmpegCommand command(Path input, double durationSeconds, Path output) {
    List<String> in = new ArrayList<>();
    double at = ThumbnailPosition.seconds(durationSeconds);
    if (at > 0) {
      // before -i: seek on the demuxer, fast even far into a long file
      in.addAll(List.of("-ss", String.format(Locale.ROOT, "%.3f", at)));
    }
    in.addAll(InputFormats.guard());
    List<String> out =
        List.of(
            "-map", "0:v:0",
            "-frames:v", "1",
            "-vf", "scale=w=min(640\\,iw):h=-2",
            "-q:v", "3",
            "-f", "image2",
            "-update", "1");
    return new FfmpegCommand(in, input, out, output);
  }
}
