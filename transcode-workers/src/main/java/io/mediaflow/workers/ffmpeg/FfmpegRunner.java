package io.mediaflow.workers.ffmpeg;

import com.github.kokorin.jaffree.LogLevel;
import com.github.kokorin.jaffree.ffmpeg.FFmpeg;
import com.github.kokorin.jaffree.ffmpeg.FFmpegResultFuture;
import com.github.kokorin.jaffree.ffmpeg.UrlInput;
import com.github.kokorin.jaffree.ffmpeg.UrlOutput;
import com.github.kokorin.jaffree.process.JaffreeAbnormalExitException;
import io.mediaflow.workers.failure.FailureCode;
import io.mediaflow.workers.failure.JobFailure;
import io.mediaflow.workers.plan.FfmpegCommand;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.DoubleConsumer;

/**
 * Runs one planned ffmpeg command through Jaffree. The plan already guards the input with the format
 * whitelist; this adds the tail of stderr to any failure and stops ffmpeg when the job's thread is
 * interrupted (shutdown, or the job was given up).
 */
public final class FfmpegRunner {

  private final FfmpegBinaries binaries;

  public FfmpegRunner(FfmpegBinaries binaries) {
    this.binaries = binaries;
  }

  /**
   * @param progressSeconds receives how many seconds of output are done, from ffmpeg's progress
   */
  public void run(FfmpegCommand command, DoubleConsumer progressSeconds) throws InterruptedException {
    StderrTail tail = new StderrTail();
    UrlInput input = UrlInput.fromPath(command.input());
    addAll(command.inputOptions(), input::addArgument);
    UrlOutput output = UrlOutput.toPath(command.output());
    addAll(command.outputOptions(), output::addArgument);
    FFmpeg ffmpeg =
        new FFmpeg(binaries.ffmpeg())
            .addArgument("-nostdin")
            .addInput(input)
            .addOutput(output)
            .setOverwriteOutput(true)
            .setLogLevel(LogLevel.WARNING)
            .setOutputListener(tail::add)
            .setProgressListener(
                p -> {
                  Long ms = p.getTimeMillis();
                  if (ms != null && ms > 0) {
                    progressSeconds.accept(ms / 1000.0);
                  }
                });
    for (FfmpegCommand.Output more : command.moreOutputs()) {
      UrlOutput extra = UrlOutput.toPath(more.path());
      addAll(more.options(), extra::addArgument);
      ffmpeg.addOutput(extra);
    }
    FFmpegResultFuture running = ffmpeg.executeAsync();
    try {
      running.get();
    } catch (InterruptedException e) {
      running.forceStop();
      throw e;
    } catch (ExecutionException e) {
      throw failure(e.getCause(), tail);
    } catch (JaffreeAbnormalExitException e) {
      throw failure(e, tail);
    }
  }

  private static JobFailure failure(Throwable cause, StderrTail tail) {
    List<String> lines = tail.lines();
    if (cause instanceof JaffreeAbnormalExitException abnormal) {
      if (lines.isEmpty()) {
        lines = abnormal.getProcessErrorLogMessages().stream().map(m -> m.message).toList();
      }
      return ToolErrors.failure("ffmpeg", exitCode(abnormal.getMessage()), lines);
    }
    return new JobFailure(FailureCode.ENCODE_FAILED, "ffmpeg could not run: " + cause, cause);
  }

  private static int exitCode(String message) {
    // "Process execution has ended with non-zero status: 1. Check logs..."
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("status: (-?\\d+)").matcher(String.valueOf(message));
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  private static void addAll(List<String> args, java.util.function.Consumer<String> sink) {
    args.forEach(sink);
  }
}
