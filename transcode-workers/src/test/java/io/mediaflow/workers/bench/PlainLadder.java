package io.mediaflow.workers.bench;

import io.mediaflow.events.MediaInfo;
import io.mediaflow.events.RenditionProfile;
import io.mediaflow.workers.plan.HlsPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline: ONE ffmpeg command making the whole ladder, the source decoded once and split to one
 * libx264/aac HLS output per profile. Each output's options are the worker's own HlsPlan options
 * (preset, bitrates, keyframes, segment length), only its {@code -map 0:v:0 -vf scale} moved into
 * the split filtergraph, so both sides encode exactly the same renditions.
 */
final class PlainLadder {

  private PlainLadder() {}

  static List<String> arguments(List<RenditionProfile> ladder, MediaInfo media, int segmentSeconds, Path source, Path outRoot) {
    StringBuilder graph = new StringBuilder("[0:v]split=" + ladder.size());
    for (int i = 0; i < ladder.size(); i++) {
      graph.append("[s").append(i).append(']');
    }
    List<String> outputs = new ArrayList<>();
    for (int i = 0; i < ladder.size(); i++) {
      Path dir = outRoot.resolve(ladder.get(i).getName());
      HlsPlan plan = HlsPlan.of(ladder.get(i), media, segmentSeconds, source, dir);
      List<String> opts = plan.command().outputOptions();
      outputs.addAll(List.of("-map", "[v" + i + "]"));
      for (int j = 0; j < opts.size(); j++) {
        String o = opts.get(j);
        if (o.equals("-vf")) {
          graph.append(';').append("[s").append(i).append(']').append(opts.get(++j)).append("[v").append(i).append(']');
        } else if (o.equals("-map") && opts.get(j + 1).equals("0:v:0")) {
          j++;
        } else {
          outputs.add(o);
        }
      }
      outputs.add(plan.command().output().toString());
    }
    List<String> all = new ArrayList<>(List.of("-hide_banner", "-loglevel", "error", "-y", "-i", source.toString(),
        "-filter_complex", graph.toString()));
    all.addAll(outputs);
    return all;
  }
}
