package io.mediaflow.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Upload service: the chunked upload API and tus 1.0, streamed to S3, every chunk an event. */
@SpringBootApplication
public class IngestGatewayApplication {

  public static void main(String[] args) {
    SpringApplication.run(IngestGatewayApplication.class, args);
  }
}
