package io.mediaflow.workers.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One ffmpeg run: options before the input, the input, options before the output, the output, and
 * any further outputs made from the same decoded input (ffmpeg decodes a stream mapped to several
 * outputs once, so a second output costs only its own filters and encoder).
 */
public record FfmpegCommand(
    List<String> inputOptions, Path input, List<String> outputOptions, Path output, List<Output> moreOutputs) {

  /** A further output: its options and its file. */
  public record Output(List<String> options, Path path) {

    public Output {
      options = List.copyOf(options);
    }
  }

  public FfmpegCommand {
    inputOptions = List.copyOf(inputOptions);
    outputOptions = List.copyOf(outputOptions);
    moreOutputs = List.copyOf(moreOutputs);
  }

  public FfmpegCommand(List<String> inputOptions, Path input, List<String> outputOptions, Path output) {
    this(inputOptions, input, outputOptions, output, List.of());
  }

  /** This command with one more output from the same input. */
  public FfmpegCommand with(Output more) {
    List<Output> all = new ArrayList<>(moreOutputs);
    all.add(more);
    return new FfmpegCommand(inputOptions, input, outputOptions, output, all);
  }

  /** The whole command line after the executable, as ffmpeg would see it. */
  public List<String> arguments() {
    List<String> all = new ArrayList<>(inputOptions);
    all.add("-i");
    all.add(input.toString());
    all.addAll(outputOptions);
    all.add(output.toString());
    for (Output more : moreOutputs) {
      all.addAll(more.options());
      all.add(more.path().toString());
    }
    return all;
  }
}
