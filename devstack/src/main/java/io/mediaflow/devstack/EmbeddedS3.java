package io.mediaflow.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 API server (S3Proxy) in this JVM, storing objects as files under a directory
 * ({@code filesystem-nio2}), or in memory ({@code transient-nio2}) for tests.
 */
final class EmbeddedS3 implements AutoCloseable {

  private final Path dir;
  private final boolean persistent;
  private final int port;
  private final String accessKey;
  private final String secretKey;
  private S3Proxy proxy;
  private BlobStoreContext context;

  EmbeddedS3(Path dir, boolean persistent, int port, String accessKey, String secretKey) {
    this.dir = dir;
    this.persistent = persistent;
    this.port = Ports.resolve(port);
    this.accessKey = accessKey;
    this.secretKey = secretKey;
  }

  int port() {
    return port;
  }

  String endpoint() {
    return "http://" + DevStackConfig.HOST + ":" + port;
  }

  void start() {
    Ports.requireFree("S3Proxy", port);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Properties overrides = new Properties();
    overrides.setProperty("jclouds.filesystem.basedir", dir.toString());
    context =
        ContextBuilder.newBuilder(persistent ? "filesystem-nio2" : "transient-nio2")
            .credentials(accessKey, secretKey)
            .overrides(overrides)
            .build(BlobStoreContext.class);
    proxy =
        S3Proxy.builder()
            .blobStore(context.getBlobStore())
            .endpoint(URI.create(endpoint()))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
            .jettyMaxThreads(64)
            .build();
    try {
      proxy.start();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not start on port " + port, e);
    }
  }

  @Override
  public void close() {
    try {
      if (proxy != null) {
        proxy.stop();
      }
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not stop", e);
    } finally {
      if (context != null) {
        context.close();
      }
    }
  }
}
