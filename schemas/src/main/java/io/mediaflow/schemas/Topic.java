package io.mediaflow.schemas;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;

/**
 * One Kafka topic as a typed constant: its name, the serdes of its key and value, and the settings it
 * is created with. Every topic of mediaflow is declared in {@link Topics}; no topic name is written
 * anywhere else.
 *
 * @param retentionMs -1 keeps records for ever (event topics that state is rebuilt from)
 */
public record Topic<K, V>(
    String name,
    Serde<K> keySerde,
    Serde<V> valueSerde,
    int partitions,
    CleanupPolicy cleanupPolicy,
    long retentionMs) {

  /** How Kafka discards records of a topic. */
  public enum CleanupPolicy {
    DELETE("delete"),
    COMPACT("compact");

    private final String value;

    CleanupPolicy(String value) {
      this.value = value;
    }

    public String value() {
      return value;
    }
  }

  /** The topic-level configuration this topic is created with. */
  public Map<String, String> configs() {
    Map<String, String> configs = new HashMap<>();
    configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy.value());
    configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs));
    if (cleanupPolicy == CleanupPolicy.COMPACT) {
      // compact promptly so a restarted reader of the state topic does not wade through old versions
      configs.put(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1");
      configs.put(TopicConfig.SEGMENT_MS_CONFIG, Long.toString(60L * 60 * 1000));
    }
    return configs;
  }

  /** An Admin API request creating this topic with the given replication factor. */
  public NewTopic newTopic(short replicationFactor) {
    return new NewTopic(name, partitions, replicationFactor).configs(configs());
  }
}
