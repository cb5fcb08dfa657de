package io.mediaflow.workers;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** FFmpeg worker fleet on a Kafka share group: ingest and transcode jobs. */
@SpringBootApplication
public class TranscodeWorkersApplication {

  public static void main(String[] args) {
    if (System.getProperty("org.bytedeco.javacpp.cachedir") == null) {
      // keep the ~80 MB of extracted ffmpeg out of ~/.javacpp, under the work directory
      String workDir = System.getenv().getOrDefault("WORK_DIR", System.getProperty("java.io.tmpdir") + "/mediaflow");
      System.setProperty("org.bytedeco.javacpp.cachedir", workDir + "/javacpp");
    }
    SpringApplication.run(TranscodeWorkersApplication.class, args);
  }
}
