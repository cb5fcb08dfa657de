package io.mediaflow.projector.config;

import com.mongodb.ConnectionString;
import com.mongodb.reactivestreams.client.MongoClient;
import io.mediaflow.platform.MediaflowProperties;
import io.mediaflow.projector.asset.AssetDecider;
import io.mediaflow.projector.profiles.ProfileFiles;
import io.mediaflow.projector.projection.ProjectionReplayer;
import io.mediaflow.projector.projection.ProjectionSink;
import io.mediaflow.projector.projection.ProjectionStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the Streams application and the MongoDB sink from the typed settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectorProperties.class)
public class ProjectorConfiguration {

  @Bean
  AssetDecider assetDecider(ProjectorProperties props) {
    return new AssetDecider(ProfileFiles.ladder(props.profilesDir()), props.maxAttempts());
  }

  @Bean
  ProjectorStreams projectorStreams(MediaflowProperties platform, ProjectorProperties props, AssetDecider decider) {
    return new ProjectorStreams(
        platform.kafka().bootstrapServers(), platform.workDir().resolve("asset-projector").resolve("streams"), props, decider);
  }

  @Bean
  ProjectionStore projectionStore(MongoClient mongo, MediaflowProperties platform) {
    String database = new ConnectionString(platform.mongodb().uri()).getDatabase();
    return new ProjectionStore(mongo.getDatabase(database == null ? "mediaflow" : database).getCollection(ProjectionStore.COLLECTION));
  }

  @Bean
  ProjectionLifecycle projectionLifecycle(MediaflowProperties platform, ProjectionStore store) {
    return new ProjectionLifecycle(new ProjectionSink(platform.kafka().bootstrapServers(), store));
  }

  @Bean
  ProjectionReplayer projectionReplayer(MediaflowProperties platform, ProjectionStore store) {
    return new ProjectionReplayer(platform.kafka().bootstrapServers(), store);
  }
}
