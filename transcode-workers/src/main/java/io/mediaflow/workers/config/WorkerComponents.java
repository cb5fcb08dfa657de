package io.mediaflow.workers.config;

import io.mediaflow.workers.ffmpeg.FfmpegBinaries;
import io.mediaflow.workers.ffmpeg.FfmpegRunner;
import io.mediaflow.workers.ffmpeg.Ffprobe;
import io.mediaflow.workers.ingest.IngestExecutor;
import io.mediaflow.workers.jobs.JobEventPublisher;
import io.mediaflow.workers.jobs.JobRunner;
import io.mediaflow.workers.jobs.WorkRoot;
import io.mediaflow.workers.media.MediaInspector;
import io.mediaflow.workers.media.MediaLimits;
import io.mediaflow.workers.storage.ObjectStore;
import io.mediaflow.workers.transcode.TranscodeExecutor;
import io.minio.MinioClient;
import java.nio.file.Path;
import java.time.Clock;

/** The job-running parts wired together; used by the Spring configuration and by tests alike. */
public record WorkerComponents(ObjectStore store, JobEventPublisher publisher, JobRunner runner, WorkRoot workRoot)
    implements AutoCloseable {

  public static WorkerComponents create(
      MinioClient minio, String bucket, String bootstrapServers, String clientId, FfmpegBinaries binaries,
      Path workDir, long diskReserveBytes, MediaLimits limits) {
    // what killed workers left under workDir goes now; this process's workspaces go in its own folder
    WorkRoot workRoot = WorkRoot.claim(workDir);
    ObjectStore store = new ObjectStore(minio, bucket);
    FfmpegRunner ffmpeg = new FfmpegRunner(binaries);
    Ffprobe ffprobe = new Ffprobe(binaries);
    MediaInspector inspector = new MediaInspector(ffprobe, limits);
    JobEventPublisher publisher = new JobEventPublisher(bootstrapServers, clientId);
    JobRunner runner =
        new JobRunner(
            new IngestExecutor(store, inspector, ffmpeg, workRoot.dir(), diskReserveBytes),
            new TranscodeExecutor(store, ffmpeg, ffprobe, workRoot.dir(), diskReserveBytes),
            publisher,
            Clock.systemUTC());
    return new WorkerComponents(store, publisher, runner, workRoot);
  }

  @Override
  public void close() {
    publisher.close();
    workRoot.close();
  }
}
