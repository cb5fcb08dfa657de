package io.mediaflow.api.config;

import com.mongodb.ConnectionString;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.mediaflow.platform.MediaflowProperties;
import org.bson.Document;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** Wires api-gateway's typed configuration and the projection collection it reads. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
public class ApiConfiguration {

  /** The projection written by asset-projector's sink (docs/CONTRACTS.md); read-only here. */
  @Bean
  @Lazy
  public MongoCollection<Document> assetCollection(
      MongoClient client, MediaflowProperties props, ApiProperties api) {
    String database = new ConnectionString(props.mongodb().uri()).getDatabase();
    return client
        .getDatabase(database == null ? "mediaflow" : database)
        .getCollection(api.collection());
  }
}
