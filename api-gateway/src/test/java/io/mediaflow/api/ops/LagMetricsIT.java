package io.mediaflow.api.ops;

import static io.mediaflow.api.support.Api.token;
import static io.mediaflow.api.support.Projection.asset;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediaflow.api.support.GatewayIT;
import io.mediaflow.devstack.testing.MediaflowInfra;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** /actuator/prometheus on the real broker: lag gauges, Kafka producer metrics, HTTP request metrics. */
class LagMetricsIT extends GatewayIT {

  @Test
  void aConsumerGroupBehindItsTopicShowsItsLagPerPartition() throws Exception {
    String bootstrap = MediaflowInfra.endpoints().kafkaBootstrapServers();
    String topic = "mediaflow.uploads";
    String group = "lag-metrics-it-" + UUID.randomUUID();
    TopicPartition tp = new TopicPartition(topic, 1);
    try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
        new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < 4; i++) {
        producer.send(new ProducerRecord<>(topic, 1, "k", "not avro: nobody reads it")).get();
      }
    }
    try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, group), new StringDeserializer(), new StringDeserializer())) {
      long end = consumer.endOffsets(List.of(tp), Duration.ofSeconds(10)).get(tp);
      consumer.commitSync(Map.of(tp, new OffsetAndMetadata(end - 4)));
    }

    // committed without a subscription, the broker keeps it as a classic group
    String row = "mediaflow_kafka_group_lag\\{group=\"" + group + "\",partition=\"1\",topic=\"mediaflow\\.uploads\","
        + "type=\"(classic|consumer)\"\\} 4\\.0";
    Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(prometheus()).containsPattern(row));
    assertThat(prometheus())
        .containsPattern("(?m)^mediaflow_jobs_backlog \\d+\\.0$")
        .containsPattern("(?m)^mediaflow_workers_suggested [1-9]\\d*\\.0$")
        .contains("mediaflow_kafka_lag_refresh_failures_total");
  }

  @Test
  void exposesHttpRequestAndKafkaProducerMetrics() {
    String id = projection.put(asset(alice, "private", "Metered")).getString("_id");
    assertThat(api.get("/api/assets/" + id, token(alice, false)).statusCode()).isEqualTo(200);
    // a command creates the producer (no projector here: the answer is 202 pending, which is fine)
    assertThat(api.send("PATCH", "/api/assets/" + id, token(alice, false), "{\"title\":\"x\"}").statusCode())
        .isIn(200, 202);

    String text = prometheus();
    assertThat(text)
        .contains("http_server_requests_seconds_count{")
        .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/assets/\\{id\\}\"")
        .containsPattern("(?m)^kafka_producer_record_send_total\\{[^}]*client_id=\"api-gateway-commands\"");
  }

  private String prometheus() {
    var response = api.get("/actuator/prometheus", null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }
}
