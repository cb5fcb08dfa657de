package io.mediaflow.workers.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One ffmpeg run: options before the input, the input, options before the output, the output. */
public record FfmpegCommand(List<String> inputOptions, Path input, List<String> outputOptions, Path output) {

  public FfmpegCommand {
    inputOptions = List.copyOf(inputOptions);
    outputOptions = List.copyOf(outputOptions);
  }

  /** The whole command line after the executable, as ffmpeg would see it. */
  public List<String> arguments() {
    List<String> all = new ArrayList<>(inputOptions);
    all.add("-i");
    all.add(input.toString());
    all.addAll(outputOptions);
    all.add(output.toString());
    return all;
  }
}
