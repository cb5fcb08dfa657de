package io.mediaflow.devstack;

import io.mediaflow.schemas.Topics;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates what the services expect to exist: every topic of {@link Topics} and the bucket. */
public final class Provisioning {

  private Provisioning() {}

  /** Creates the missing topics; existing topics are left as they are. */
  public static void createTopics(String bootstrapServers, short replicationFactor) {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000))) {
      Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
      List<NewTopic> missing =
          Topics.all().stream()
              .filter(t -> !existing.contains(t.name()))
              .map(t -> t.newTopic(replicationFactor))
              .toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
      }
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("creating the mediaflow topics failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  /** Creates the bucket unless it exists. */
  public static void createBucket(Endpoints endpoints) {
    MinioClient s3 =
        MinioClient.builder()
            .endpoint(endpoints.s3Endpoint())
            .credentials(endpoints.s3AccessKey(), endpoints.s3SecretKey())
            .region("us-east-1")
            .build();
    try {
      if (!s3.bucketExists(BucketExistsArgs.builder().bucket(endpoints.bucket()).build())) {
        s3.makeBucket(MakeBucketArgs.builder().bucket(endpoints.bucket()).build());
      }
    } catch (Exception e) {
      throw new IllegalStateException("creating bucket " + endpoints.bucket() + " failed", e);
    }
  }
}
