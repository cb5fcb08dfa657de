package io.mediaflow.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one), run in this JVM
 * from the kafka_2.13 jars. The log directory is formatted once; a restart on the same directory
 * keeps every record.
 */
final class EmbeddedKafka implements AutoCloseable {

  private final Path logDir;
  private final int port;
  private final int controllerPort;
  private KafkaRaftServer server;

  EmbeddedKafka(Path logDir, int port, int controllerPort) {
    this.logDir = logDir;
    this.port = Ports.resolve(port);
    this.controllerPort = Ports.resolve(controllerPort);
  }

  int port() {
    return port;
  }

  String bootstrapServers() {
    return DevStackConfig.HOST + ":" + port;
  }

  void start() {
    Ports.requireFree("Kafka", port);
    Ports.requireFree("Kafka controller", controllerPort);
    Properties props = serverProperties();
    formatIfNew(props);
    server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    server.startup();
  }

  private Properties serverProperties() {
    String host = DevStackConfig.HOST;
    Properties p = new Properties();
    p.put("node.id", "1");
    p.put("process.roles", "broker,controller");
    p.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("controller.quorum.bootstrap.servers", host + ":" + controllerPort);
    p.put("log.dirs", logDir.toString());
    p.put("num.partitions", "3");
    // a single node: every internal topic has one replica, or groups and transactions hang
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("share.coordinator.state.topic.num.partitions", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    // workers renew their lock while an encode runs; allow locks up to 2 minutes
    p.put("group.share.record.lock.duration.ms", "30000");
    p.put("group.share.max.record.lock.duration.ms", "120000");
    // and down to 1 s, so a test can fit many lock periods into one encode (LockRenewalIT)
    p.put("group.share.min.record.lock.duration.ms", "1000");
    p.put("auto.create.topics.enable", "false");
    p.put("log.flush.interval.messages", "1");
    p.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
    return p;
  }

  private void formatIfNew(Properties props) {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    try {
      Files.createDirectories(logDir);
      Path config = logDir.getParent().resolve("kafka-server.properties");
      try (var out = Files.newOutputStream(config)) {
        props.store(out, "written by mediaflow devstack to format the log directory");
      }
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      int rc;
      try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
        rc =
            StorageTool.execute(
                new String[] {
                  "format",
                  "-t",
                  Uuid.randomUuid().toString(),
                  "-c",
                  config.toString(),
                  "--standalone",
                  "--ignore-formatted"
                },
                print);
      }
      if (rc != 0) {
        throw new IllegalStateException(
            "formatting the Kafka log directory failed: " + output.toString(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
    }
  }
}
