package io.mediaflow.workers.ffmpeg;

import io.mediaflow.platform.health.NamedProbe;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FfmpegConfiguration {

  @Bean
  FfmpegBinaries ffmpegBinaries(
      @Value("${mediaflow.ffmpeg.path:}") String ffmpeg,
      @Value("${mediaflow.ffmpeg.ffprobe-path:}") String ffprobe) {
    return FfmpegBinaries.resolve(ffmpeg, ffprobe);
  }

  /** /health lists ffmpeg: the binary must run. */
  @Bean
  NamedProbe ffmpegProbe(FfmpegBinaries binaries) {
    return new NamedProbe(
        "ffmpeg",
        () -> {
          Process p =
              new ProcessBuilder(binaries.ffmpeg().toString(), "-hide_banner", "-version")
                  .redirectErrorStream(true)
                  .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                  .start();
          if (!p.waitFor(2, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("ffmpeg -version did not answer within 2 s");
          }
          if (p.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg -version exited with " + p.exitValue());
          }
        });
  }
}
