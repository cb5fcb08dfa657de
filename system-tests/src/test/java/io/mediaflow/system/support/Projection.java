package io.mediaflow.system.support;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.mediaflow.devstack.Endpoints;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/** The asset projection as asset-projector stored it in MongoDB (docs/CONTRACTS.md). */
public final class Projection implements AutoCloseable {

  private final MongoClient mongo;
  private final String database;

  public Projection(Endpoints infra) {
    ConnectionString uri = new ConnectionString(infra.mongoUri());
    this.database = uri.getDatabase() == null ? "mediaflow" : uri.getDatabase();
    this.mongo =
        MongoClients.create(
            MongoClientSettings.builder()
                .applyConnectionString(uri)
                .applyToClusterSettings(c -> c.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .build());
  }

  /** The stored document of asset {@code id}, or null. */
  public Document asset(String id) {
    return mongo.getDatabase(database).getCollection("assets").find(Filters.eq("_id", id)).first();
  }

  @Override
  public void close() {
    mongo.close();
  }
}
