package io.mediaflow.platform;

import com.mongodb.reactivestreams.client.MongoClient;
import io.lettuce.core.RedisClient;
import io.mediaflow.platform.clients.ClientsConfiguration;
import io.mediaflow.platform.clients.Probes;
import io.mediaflow.platform.health.DependencyProbe;
import io.mediaflow.platform.health.HealthController;
import io.mediaflow.platform.health.HealthService;
import io.mediaflow.platform.health.NamedProbe;
import io.mediaflow.platform.security.SecurityConfiguration;
import io.minio.MinioClient;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Wires what every service shares: configuration, clients, /health and JWT security. */
@AutoConfiguration
@EnableConfigurationProperties(MediaflowProperties.class)
@Import({ClientsConfiguration.class, SecurityConfiguration.class, HealthController.class})
public class PlatformAutoConfiguration {

  @Bean(destroyMethod = "close")
  public HealthService healthService(
      MediaflowProperties props,
      ObjectProvider<Admin> kafka,
      ObjectProvider<MinioClient> s3,
      ObjectProvider<MongoClient> mongo,
      ObjectProvider<RedisClient> redis,
      ObjectProvider<NamedProbe> serviceProbes) {
    Map<String, DependencyProbe> probes = new HashMap<>();
    for (String name : props.health().dependencies()) {
      switch (name) {
        case "kafka" -> probes.put(name, Probes.kafka(kafka.getObject()));
        case "s3" -> probes.put(name, Probes.s3(s3.getObject(), props));
        case "mongodb" -> probes.put(name, Probes.mongodb(mongo.getObject()));
        case "redis" -> probes.put(name, Probes.redis(redis.getObject()));
        case "diskSpace" -> {
          // checked by HealthService itself
        }
        default ->
            probes.put(
                name,
                serviceProbes.stream()
                    .filter(p -> p.name().equals(name))
                    .findFirst()
                    .map(NamedProbe::probe)
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "mediaflow.health.dependencies: unknown dependency '"
                                    + name
                                    + "' (kafka, mongodb, redis, s3, diskSpace, or a NamedProbe bean)")));
      }
    }
    return new HealthService(props, probes, Clock.systemUTC());
  }
}
