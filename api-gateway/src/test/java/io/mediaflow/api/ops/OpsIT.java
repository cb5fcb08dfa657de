package io.mediaflow.api.ops;

import static io.mediaflow.api.support.Api.assertError;
import static io.mediaflow.api.support.Api.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.api.support.GatewayIT;
import io.mediaflow.devstack.testing.MediaflowInfra;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.awaitility.Awaitility;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** GET /api/ops/lag reads real consumer-group offsets from the real broker. */
class OpsIT extends GatewayIT {

  @Test
  void adminsSeeLagPerGroupTopicAndPartition_othersAreRefused() throws Exception {
    String bootstrap = MediaflowInfra.endpoints().kafkaBootstrapServers();
    String topic = "mediaflow.uploads";
    String group = "ops-it-" + UUID.randomUUID();
    TopicPartition tp = new TopicPartition(topic, 0);
    long end;
    try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
        new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < 5; i++) {
        producer.send(new ProducerRecord<>(topic, 0, "k", "not avro: nobody reads it")).get();
      }
    }
    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, group), new StringDeserializer(), new StringDeserializer())) {
      end = consumer.endOffsets(List.of(tp), Duration.ofSeconds(10)).get(tp);
      consumer.commitSync(Map.of(tp, new OffsetAndMetadata(end - 3)));
    }

    assertError(api.get("/api/ops/lag", token(alice, false)), 403, "ADMIN_ONLY");
    var response = api.get("/api/ops/lag", token("root", true));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body())
        .contains("{\"group\":\"" + group + "\",\"type\":\"")
        .contains("\"totalLag\":3,\"partitions\":[{\"topic\":\"" + topic + "\",\"partition\":0,\"offset\":" + (end - 3)
            + ",\"endOffset\":" + end + ",\"lag\":3}]")
        .contains("\"jobBacklog\":0,\"suggestedWorkers\":1");
  }

  @Test
  void theWorkerShareGroupsLagIsTheJobBacklog() throws Exception {
    String bootstrap = MediaflowInfra.endpoints().kafkaBootstrapServers();
    String group = "mediaflow-transcode-workers";
    try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, group),
          List.of(new AlterConfigOp(new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET))))
          .all().get();
    }
    try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
        new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < 9; i++) {
        producer.send(new ProducerRecord<>("mediaflow.jobs", 0, "job-" + i, "not avro: never processed")).get();
      }
    }
    try (var worker = new KafkaShareConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1, "share.acquire.mode", "record_limit"),
        new StringDeserializer(), new StringDeserializer())) {
      worker.subscribe(List.of("mediaflow.jobs"));
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !worker.poll(Duration.ofMillis(500)).isEmpty());
      worker.commitSync(); // one job done (implicit acknowledgement): the broker now holds the group's state

      Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
        String body = api.get("/api/ops/lag", token("root", true)).body();
        assertThat(body).contains("{\"group\":\"" + group + "\",\"type\":\"Share\"");
        assertThat(body).containsPattern("\"jobBacklog\":([1-9]\\d*)");
        assertThat(body).containsPattern("\"suggestedWorkers\":[23]");
      });
    }
  }
}
