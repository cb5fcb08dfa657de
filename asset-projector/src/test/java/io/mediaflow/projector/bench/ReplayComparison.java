package io.mediaflow.projector.bench;

import static io.mediaflow.projector.bench.BenchData.seconds;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.mediaflow.events.AssetState;
import io.mediaflow.events.AssetStatus;
import io.mediaflow.projector.projection.AssetDocuments;
import io.mediaflow.projector.projection.ProjectionReplayer;
import io.mediaflow.projector.projection.ProjectionStore;
import io.mediaflow.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * Replay of N asset states from the log into MongoDB (drop, indexes, re-read, version-guarded bulk
 * upserts per poll) against the baseline of one plain bulk insert of the same N documents into an
 * empty collection with the same indexes.
 */
final class ReplayComparison {

  private final String bootstrap;
  private final MongoDatabase db;
  private final int states;

  ReplayComparison(String bootstrap, MongoDatabase db, int states) {
    this.bootstrap = bootstrap;
    this.db = db;
    this.states = states;
  }

  void run(BenchReport report) {
    List<AssetState> produced = new ArrayList<>(states);
    BenchData.Sent sent = new BenchData.Sent();
    try (KafkaProducer<String, AssetState> producer = BenchData.producer(bootstrap, Topics.ASSET_STATE.valueSerde().serializer())) {
      for (int i = 0; i < states; i++) {
        AssetState s = BenchData.state(BenchData.newAssetId(), 3, AssetStatus.READY);
        produced.add(s);
        producer.send(new ProducerRecord<>(Topics.ASSET_STATE.name(), s.getAssetId(), s), sent);
      }
    }
    sent.check();

    MongoCollection<Document> plain = db.getCollection("bench_plain_insert");
    long t0 = System.nanoTime();
    new ProjectionStore(plain).createIndexes().block();
    Mono.from(plain.insertMany(produced.stream().map(AssetDocuments::toDocument).toList())).block();
    double insert = seconds(t0);
    check(plain);
    Mono.from(plain.drop()).block();

    MongoCollection<Document> assets = db.getCollection(ProjectionStore.COLLECTION);
    long t1 = System.nanoTime();
    long read = new ProjectionReplayer(bootstrap, new ProjectionStore(assets)).replay(Duration.ofMinutes(15));
    double replay = seconds(t1);
    if (read != states) {
      throw new IllegalStateException("The replay read " + read + " states, expected " + states);
    }
    check(assets);
    report.add(String.format("replay of %,d asset states -> %,d documents vs one plain bulk insert (insertMany) of the same documents", states, states),
        "states/s", states / replay, replay, states / insert, insert);
  }

  private void check(MongoCollection<Document> collection) {
    long count = Mono.from(collection.countDocuments()).block();
    if (count != states) {
      throw new IllegalStateException(collection.getNamespace() + " holds " + count + " documents, expected " + states);
    }
  }
}
