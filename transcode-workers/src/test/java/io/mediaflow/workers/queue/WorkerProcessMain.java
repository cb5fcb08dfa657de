package io.mediaflow.workers.queue;

import io.mediaflow.devstack.Endpoints;
import io.mediaflow.workers.config.WorkerComponents;
import io.mediaflow.workers.support.Infra;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/** A worker in its own JVM, for the crash test: args are bootstrap, s3 endpoint, key, secret, bucket, group, work dir, id. */
public final class WorkerProcessMain {

  private WorkerProcessMain() {}

  public static void main(String[] args) throws Exception {
    Endpoints e = new Endpoints(args[0], args[1], args[2], args[3], args[4], "", "");
    WorkerComponents components = Infra.components(e, Path.of(args[6]));
    Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", e.kafkaBootstrapServers()));
    WorkerFleet fleet = WorkerFleet.create(admin, e.kafkaBootstrapServers(), args[5], 1, 3, Duration.ofSeconds(2),
        Duration.ofMillis(200), Duration.ofSeconds(10), RetryBackoff.NONE, components.runner(), components.publisher(), args[7]);
    fleet.start();
    System.out.println("WORKER READY " + args[7]);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      fleet.stop();
      components.close();
      admin.close();
    }));
    Thread.currentThread().join();
  }
}
