package io.mediaflow.projector;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Kafka Streams orchestration (completion, jobs, fan-in) and the MongoDB projection of asset state. */
@SpringBootApplication
public class AssetProjectorApplication {

  public static void main(String[] args) {
    SpringApplication.run(AssetProjectorApplication.class, args);
  }
}
