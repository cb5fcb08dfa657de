package io.mediaflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** A stopped and restarted dev stack finds its events, objects, documents and keys again. */
class DevStackRestartIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void aRestartOnTheSameFolderKeepsEverything() throws Exception {
    Path home = Files.createTempDirectory("mediaflow-restart-");
    DevStackConfig config =
        new DevStackConfig(home, true, 0, 0, 0, 0, 0, "restart-test", "mediaflow", "restart-secret");

    try (DevStack first = DevStack.start(config)) {
      Endpoints e = first.endpoints();
      try (var producer =
          new KafkaProducer<>(
              Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, e.kafkaBootstrapServers()),
              new StringSerializer(),
              new StringSerializer())) {
        producer.send(new ProducerRecord<>("mediaflow.asset-commands", "k", "kept")).get();
      }
      s3(e).putObject(
          PutObjectArgs.builder().bucket(e.bucket()).object("kept.txt")
              .stream(new ByteArrayInputStream("object".getBytes()), 6, -1).build());
      try (MongoClient mongo = MongoClients.create(e.mongoUri())) {
        Mono.from(mongo.getDatabase("mediaflow").getCollection("assets")
            .insertOne(new Document("_id", "a1").append("title", "kept"))).block(WAIT);
      }
      redis(e, c -> c.sync().set("kept", "value"));
    }

    try (DevStack second = DevStack.start(config)) {
      Endpoints e = second.endpoints();
      assertThat(readAll(e, "mediaflow.asset-commands")).containsExactly("kept");
      try (InputStream in = s3(e).getObject(GetObjectArgs.builder().bucket(e.bucket()).object("kept.txt").build())) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("object");
      }
      try (MongoClient mongo = MongoClients.create(e.mongoUri())) {
        Document doc = Mono.from(mongo.getDatabase("mediaflow").getCollection("assets")
            .find(Filters.eq("_id", "a1")).first()).block(WAIT);
        assertThat(doc).containsEntry("title", "kept");
      }
      List<String> value = new ArrayList<>();
      redis(e, c -> value.add(c.sync().get("kept")));
      assertThat(value).containsExactly("value");
    }
  }

  @Test
  void eachServerRestartsAloneOnItsPortWithItsData() throws Exception {
    Path home = Files.createTempDirectory("mediaflow-server-restart-");
    DevStackConfig config =
        new DevStackConfig(home, true, 0, 0, 0, 0, 0, "restart-test", "mediaflow", "restart-secret");

    try (DevStack stack = DevStack.start(config)) {
      Endpoints e = stack.endpoints();
      produce(e, "before");
      s3(e).putObject(
          PutObjectArgs.builder().bucket(e.bucket()).object("kept.txt")
              .stream(new ByteArrayInputStream("object".getBytes()), 6, -1).build());
      try (MongoClient mongo = MongoClients.create(e.mongoUri())) {
        Mono.from(mongo.getDatabase("mediaflow").getCollection("assets")
            .insertOne(new Document("_id", "a1").append("title", "kept"))).block(WAIT);
      }

      for (DevStack.Server server : DevStack.Server.values()) {
        stack.stop(server);
        assertThat(stack.isRunning(server)).isFalse();
        stack.start(server);
        assertThat(stack.isRunning(server)).isTrue();
      }

      assertThat(stack.endpoints()).isEqualTo(e);
      produce(e, "after");
      assertThat(readAll(e, "mediaflow.asset-commands", 2)).containsExactly("before", "after");
      try (InputStream in = s3(e).getObject(GetObjectArgs.builder().bucket(e.bucket()).object("kept.txt").build())) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("object");
      }
      try (MongoClient mongo = MongoClients.create(e.mongoUri())) {
        Document doc = Mono.from(mongo.getDatabase("mediaflow").getCollection("assets")
            .find(Filters.eq("_id", "a1")).first()).block(WAIT);
        assertThat(doc).containsEntry("title", "kept");
      }
      List<String> pong = new ArrayList<>();
      redis(e, c -> pong.add(c.sync().ping()));
      assertThat(pong).containsExactly("PONG");
    }
  }

  private static void produce(Endpoints e, String value) throws Exception {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, e.kafkaBootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>("mediaflow.asset-commands", "k", value)).get();
    }
  }

  private static MinioClient s3(Endpoints e) {
    return MinioClient.builder().endpoint(e.s3Endpoint())
        .credentials(e.s3AccessKey(), e.s3SecretKey()).region("us-east-1").build();
  }

  private static void redis(Endpoints e, java.util.function.Consumer<StatefulRedisConnection<String, String>> action) {
    RedisClient client = RedisClient.create(e.redisUri());
    try (var connection = client.connect()) {
      action.accept(connection);
    } finally {
      client.shutdown();
    }
  }

  private static List<String> readAll(Endpoints e, String topic) {
    return readAll(e, topic, 1);
  }

  private static List<String> readAll(Endpoints e, String topic, int expected) {
    List<String> values = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, e.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "restart-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      Instant deadline = Instant.now().plus(WAIT);
      while (values.size() < expected && Instant.now().isBefore(deadline)) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
      }
    }
    return values;
  }
}
