package io.mediaflow.workers.config;

import io.mediaflow.platform.MediaflowProperties;
import io.mediaflow.workers.ffmpeg.FfmpegBinaries;
import io.mediaflow.workers.media.MediaLimits;
import io.mediaflow.workers.queue.RetryBackoff;
import io.mediaflow.workers.queue.WorkerFleet;
import io.minio.MinioClient;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkerProperties.class)
class WorkerConfiguration {

  @Bean(destroyMethod = "close")
  WorkerComponents workerComponents(MediaflowProperties platform, WorkerProperties props, MinioClient minio, FfmpegBinaries binaries) {
    return WorkerComponents.create(minio, platform.s3().bucket(), platform.kafka().bootstrapServers(), workerId(props),
        binaries, platform.workDir().resolve("jobs"), props.diskReserve().toBytes(),
        new MediaLimits(props.maxSide(), props.maxPixels()));
  }

  /** Consumes only when enabled; stops before the clients close, releasing what it cannot finish. */
  @Bean
  SmartLifecycle workerFleet(MediaflowProperties platform, WorkerProperties props, Admin admin, WorkerComponents components) {
    return new SmartLifecycle() {
      private WorkerFleet fleet;

      @Override
      public void start() {
        if (props.enabled() && props.concurrency() > 0) {
          fleet = WorkerFleet.create(admin, platform.kafka().bootstrapServers(), props.shareGroup(), props.concurrency(),
              props.maxAttempts(), props.renewInterval(), props.pollTimeout(), props.shutdownGrace(),
              new RetryBackoff(props.retryBackoff(), props.retryBackoffMax()),
              components.runner(), components.publisher(), workerId(props));
          fleet.start();
        }
      }

      @Override
      public void stop() {
        if (fleet != null) {
          fleet.stop();
          fleet = null;
        }
      }

      @Override
      public boolean isRunning() {
        return fleet != null;
      }
    };
  }

  static String workerId(WorkerProperties props) {
    if (!props.workerId().isBlank()) {
      return props.workerId();
    }
    try {
      return InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
    } catch (UnknownHostException e) {
      return "worker-" + ProcessHandle.current().pid();
    }
  }
}
