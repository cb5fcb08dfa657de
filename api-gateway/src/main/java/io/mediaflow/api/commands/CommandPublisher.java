package io.mediaflow.api.commands;

import io.mediaflow.api.errors.ApiError;
import io.mediaflow.api.errors.ApiException;
import io.mediaflow.events.AssetCommand;
import io.mediaflow.platform.MediaflowProperties;
import io.mediaflow.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes asset commands to {@code Topics.ASSET_COMMANDS}, keyed by asset id so the commands of
 * one asset stay in order. Idempotent producer (acks=all): a retried send is not duplicated. The
 * producer is created on the first command, so the gateway starts and reads while Kafka is down;
 * its client metrics ({@code kafka_producer_*}) are bound to the meter registry when it is created.
 */
@Component
class CommandPublisher implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(CommandPublisher.class);
  private final MediaflowProperties props;
  private final MeterRegistry registry;
  private volatile Producer<String, AssetCommand> producer;
  private volatile KafkaClientMetrics producerMetrics;

  CommandPublisher(MediaflowProperties props, MeterRegistry registry) {
    this.props = props;
    this.registry = registry;
  }

  Mono<Void> publish(AssetCommand command) {
    return Mono.<Void>create(
            sink ->
                producer()
                    .send(
                        new ProducerRecord<>(
                            Topics.ASSET_COMMANDS.name(), command.getAssetId(), command),
                        (metadata, error) -> {
                          if (error == null) {
                            sink.success();
                          } else {
                            log.warn("command {} not published", command.getCommandId(), error);
                            sink.error(ApiError.COMMAND_NOT_PUBLISHED.exception());
                          }
                        }))
        // send() may block up to max.block.ms fetching metadata: keep that off request threads
        .onErrorMap(e -> !(e instanceof ApiException), CommandPublisher::notPublished)
        .subscribeOn(Schedulers.boundedElastic());
  }

  private static Throwable notPublished(Throwable e) {
    log.warn("cannot publish to Kafka", e);
    return ApiError.COMMAND_NOT_PUBLISHED.exception();
  }

  private Producer<String, AssetCommand> producer() {
    Producer<String, AssetCommand> p = producer;
    if (p == null) {
      synchronized (this) {
        if (producer == null) {
          producer =
              new KafkaProducer<>(
                  Map.of(
                      ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, props.kafka().bootstrapServers(),
                      ProducerConfig.CLIENT_ID_CONFIG, props.service() + "-commands",
                      ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                      ProducerConfig.ACKS_CONFIG, "all",
                      ProducerConfig.LINGER_MS_CONFIG, 0,
                      ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                      ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                      ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000),
                  Topics.ASSET_COMMANDS.keySerde().serializer(),
                  Topics.ASSET_COMMANDS.valueSerde().serializer());
          producerMetrics = new KafkaClientMetrics(producer);
          producerMetrics.bindTo(registry);
        }
        p = producer;
      }
    }
    return p;
  }

  @Override
  public void destroy() {
    if (producerMetrics != null) {
      producerMetrics.close();
    }
    if (producer != null) {
      producer.close(java.time.Duration.ofSeconds(5));
    }
  }
}
