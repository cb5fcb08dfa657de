package io.mediaflow.projector.config;

import io.mediaflow.projector.projection.ProjectionSink;
import org.springframework.context.SmartLifecycle;

/** Starts the MongoDB sink with the application and stops it (finishing its batch) on shutdown. */
final class ProjectionLifecycle implements SmartLifecycle {

  private final ProjectionSink sink;
  private volatile boolean running;

  ProjectionLifecycle(ProjectionSink sink) {
    this.sink = sink;
  }

  @Override
  public void start() {
    sink.start();
    running = true;
  }

  @Override
  public void stop() {
    try {
      sink.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
