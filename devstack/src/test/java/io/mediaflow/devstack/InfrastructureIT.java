package io.mediaflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.mediaflow.devstack.testing.MediaflowInfra;
import io.mediaflow.events.ChunkStored;
import io.mediaflow.events.UploadEvent;
import io.mediaflow.schemas.Topics;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The embedded servers are real: each is driven through its real client and protocol. */
@ExtendWith(MediaflowInfra.class)
class InfrastructureIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void exactlyOnceStreamsTopologyCountsDistinctChunksOnTheRealBroker(Endpoints infra)
      throws Exception {
    // Given chunk events for two assets, with duplicates, on the uploads topic
    String output = "it.chunk-counts." + UUID.randomUUID();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(output, 1, (short) 1))).all().get();
    }
    String assetA = "a" + UUID.randomUUID();
    String assetB = "b" + UUID.randomUUID();
    try (var producer = producer(infra)) {
      for (int i : new int[] {0, 1, 1, 2, 0, 3}) {
        producer.send(chunk(assetA, i));
      }
      for (int i : new int[] {4, 4, 4}) {
        producer.send(chunk(assetB, i));
      }
      producer.flush();
    }

    // When an exactly_once_v2 topology aggregates them into sets of indexes
    try (KafkaStreams streams = new KafkaStreams(distinctChunkTopology(output), streamsProps(infra))) {
      streams.start();

      // Then the committed output holds the number of distinct chunks per asset
      Map<String, String> latest = readCommitted(infra, output, Map.of(assetA, "4", assetB, "1"));
      assertThat(latest).containsEntry(assetA, "4").containsEntry(assetB, "1");
    }
  }

  @Test
  void s3ObjectsAreStoredReadRangedAndRemoved(Endpoints infra) throws Exception {
    MinioClient s3 =
        MinioClient.builder()
            .endpoint(infra.s3Endpoint())
            .credentials(infra.s3AccessKey(), infra.s3SecretKey())
            .region("us-east-1")
            .build();
    byte[] bytes = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(bytes);
    String key = "it/" + UUID.randomUUID() + "/chunk-0";

    s3.putObject(
        PutObjectArgs.builder().bucket(infra.bucket()).object(key)
            .stream(new ByteArrayInputStream(bytes), bytes.length, -1).build());

    assertThat(s3.statObject(StatObjectArgs.builder().bucket(infra.bucket()).object(key).build()).size())
        .isEqualTo(bytes.length);
    try (InputStream in =
        s3.getObject(GetObjectArgs.builder().bucket(infra.bucket()).object(key).offset(1000L).length(10L).build())) {
      assertThat(in.readAllBytes()).containsExactly(java.util.Arrays.copyOfRange(bytes, 1000, 1010));
    }
    try (InputStream in = s3.getObject(GetObjectArgs.builder().bucket(infra.bucket()).object(key).build())) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
    s3.removeObject(RemoveObjectArgs.builder().bucket(infra.bucket()).object(key).build());
    assertThatThrownBy(() -> s3.statObject(StatObjectArgs.builder().bucket(infra.bucket()).object(key).build()))
        .hasMessageContaining("does not exist");
  }

  @Test
  void mongoVersionGuardedUpsertsIgnoreStaleVersions(Endpoints infra) {
    try (MongoClient client = MongoClients.create(infra.mongoUri())) {
      MongoCollection<Document> assets =
          client.getDatabase("mediaflow").getCollection("it_assets_" + UUID.randomUUID().toString().replace("-", ""));
      String id = "65f0c0ffee0000000000abcd";

      upsertIfNewer(assets, id, 2, "second").block(WAIT);
      // a stale version does not match the guard, so the upsert tries to insert the same _id
      assertThatThrownBy(() -> upsertIfNewer(assets, id, 1, "first").block(WAIT))
          .isInstanceOf(MongoWriteException.class)
          .hasMessageContaining("E11000");
      upsertIfNewer(assets, id, 3, "third").block(WAIT);

      Document stored = Mono.from(assets.find(Filters.eq("_id", id)).first()).block(WAIT);
      assertThat(stored).containsEntry("version", 3L).containsEntry("title", "third");
      assertThat(Flux.from(assets.find()).collectList().block(WAIT)).hasSize(1);
    }
  }

  @Test
  void redisStoresAndExpiresKeys(Endpoints infra) throws Exception {
    RedisClient client = RedisClient.create(infra.redisUri());
    try (StatefulRedisConnection<String, String> redis = client.connect()) {
      String key = "it:" + UUID.randomUUID();
      redis.sync().set(key, "cached", SetArgs.Builder.px(300));
      assertThat(redis.sync().get(key)).isEqualTo("cached");
      Thread.sleep(600);
      assertThat(redis.sync().get(key)).isNull();
    } finally {
      client.shutdown();
    }
  }

  private static Mono<?> upsertIfNewer(
      MongoCollection<Document> assets, String id, long version, String title) {
    return Mono.from(
        assets.updateOne(
            Filters.and(Filters.eq("_id", id), Filters.lt("version", version)),
            Updates.combine(Updates.set("version", version), Updates.set("title", title)),
            new UpdateOptions().upsert(true)));
  }

  private static Topology distinctChunkTopology(String output) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(
            Topics.UPLOADS.name(),
            Consumed.with(Topics.UPLOADS.keySerde(), Topics.UPLOADS.valueSerde()))
        .filter((k, v) -> v.getEvent() instanceof ChunkStored)
        .mapValues(v -> Integer.toString(((ChunkStored) v.getEvent()).getIndex()))
        .groupByKey()
        .aggregate(
            () -> "",
            (key, index, indexes) -> {
              TreeSet<String> set = new TreeSet<>(List.of(indexes.isEmpty() ? new String[0] : indexes.split(",")));
              set.add(index);
              return String.join(",", set);
            },
            Materialized.with(Serdes.String(), Serdes.String()))
        .toStream()
        .mapValues(indexes -> Integer.toString(indexes.split(",").length))
        .to(output, Produced.with(Serdes.String(), Serdes.String()));
    return builder.build();
  }

  private static Properties streamsProps(Endpoints infra) throws Exception {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "it-eos-" + UUID.randomUUID());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    p.put(StreamsConfig.STATE_DIR_CONFIG, java.nio.file.Files.createTempDirectory("kstreams").toString());
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    return p;
  }

  private static KafkaProducer<String, UploadEvent> producer(Endpoints infra) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
        Topics.UPLOADS.keySerde().serializer(),
        Topics.UPLOADS.valueSerde().serializer());
  }

  private static ProducerRecord<String, UploadEvent> chunk(String assetId, int index) {
    return new ProducerRecord<>(
        Topics.UPLOADS.name(),
        assetId,
        new UploadEvent(
            assetId,
            Instant.now(),
            new ChunkStored(index, 1024L, "0".repeat(64), "uploads/" + assetId + "/chunks/" + index)));
  }

  private static Map<String, String> readCommitted(
      Endpoints infra, String topic, Map<String, String> expected) {
    Map<String, String> latest = new HashMap<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      Instant deadline = Instant.now().plus(WAIT);
      while (Instant.now().isBefore(deadline) && !latest.entrySet().containsAll(expected.entrySet())) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          latest.put(r.key(), r.value());
        }
      }
    }
    return latest;
  }
}
