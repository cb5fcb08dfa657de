package io.mediaflow.ingest.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./mediaflow upload FILE [--title T] [--server URL] [--token JWT]}: uploads over tus with a
 * progress bar, each PATCH verified by its SHA-256, and resumes after an interruption (the upload
 * URL is kept under {@code $MEDIAFLOW_HOME/uploads/} until the upload completes). JDK only, so it
 * also runs as {@code java UploadCommand.java FILE}. Prints the asset id on success.
 */
public final class UploadCommand {

  private static final long PIECE = 16L * 1024 * 1024;
  private static final Map<String, String> TYPES = Map.of(
      "mp4", "video/mp4", "m4v", "video/mp4", "webm", "video/webm", "ogv", "video/ogg", "mp3", "audio/mpeg",
      "ogg", "audio/ogg", "wav", "audio/wav", "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String server;
  private final String token;
  private final Path stateDir;

  UploadCommand(String server, String token, Path stateDir) {
    this.server = server.replaceAll("/+$", "");
    this.token = token;
    this.stateDir = stateDir;
  }

  public static void main(String[] args) throws Exception {
    String file = null;
    String title = null;
    String server = env("MEDIAFLOW_INGEST_URL", "http://127.0.0.1:8081");
    String token = System.getenv("MEDIAFLOW_TOKEN");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--title" -> title = args[++i];
        case "--server" -> server = args[++i];
        case "--token" -> token = args[++i];
        default -> file = args[i];
      }
    }
    if (file == null || token == null || token.isBlank()) {
      System.err.println("usage: upload FILE [--title T] [--server URL] [--token JWT]"
          + "\n  the token comes from --token or MEDIAFLOW_TOKEN (./mediaflow token <user>)");
      System.exit(2);
    }
    String assetId = new UploadCommand(server, token, Path.of(env("MEDIAFLOW_HOME", ".mediaflow"), "uploads")).upload(Path.of(file), title);
    System.out.println(assetId);
  }

  String upload(Path file, String title) throws Exception {
    long size = Files.size(file);
    Path state = stateFile(file, size);
    String location = Files.exists(state) ? Files.readString(state).strip() : null;
    long offset = location == null ? -1 : offset(location);
    if (offset < 0) {
      location = create(file, size, title);
      Files.createDirectories(state.getParent());
      Files.writeString(state, location);
      offset = 0;
    } else {
      System.err.printf("resuming %s at %d bytes%n", location, offset);
    }
    long started = System.nanoTime();
    long startOffset = offset;
    int failures = 0;
    while (offset < size) {
      try {
        offset = patch(location, file, offset, Math.min(PIECE, size - offset));
        failures = 0;
      } catch (IOException e) {
        if (++failures > 8) {
          throw new IOException("giving up after repeated failures; run again to resume: " + e.getMessage(), e);
        }
        Thread.sleep(Math.min(30_000, 500L << failures));
        long now = offset(location);
        if (now < 0) {
          throw new IOException("the upload is gone (expired or aborted); run again to start over");
        }
        offset = now;
      }
      progress(offset, size, offset - startOffset, System.nanoTime() - started);
    }
    System.err.println();
    Files.deleteIfExists(state);
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private String create(Path file, long size, String title) throws IOException, InterruptedException {
    String name = file.getFileName().toString();
    String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
    String type = TYPES.getOrDefault(ext, "application/octet-stream");
    String meta = "filename " + b64(name) + ",filetype " + b64(type) + (title == null ? "" : ",title " + b64(title));
    HttpResponse<String> r = http.send(tus(URI.create(server + "/files/")).header("Upload-Length", Long.toString(size))
        .header("Upload-Metadata", meta).POST(BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IOException("the gateway refused the upload (" + r.statusCode() + "): " + r.body());
    }
    return URI.create(server + "/files/").resolve(r.headers().firstValue("Location").orElseThrow()).toString();
  }

  /** The server's offset, or -1 if the upload no longer exists. */
  private long offset(String location) throws IOException, InterruptedException {
    HttpResponse<Void> r = http.send(tus(URI.create(location)).method("HEAD", BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.discarding());
    return r.statusCode() == 200 ? Long.parseLong(r.headers().firstValue("Upload-Offset").orElse("-1")) : -1;
  }

  private long patch(String location, Path file, long offset, long length) throws IOException, InterruptedException {
    String checksum = "sha256 " + Base64.getEncoder().encodeToString(sha256(file, offset, length));
    HttpRequest request = tus(URI.create(location)).header("Upload-Offset", Long.toString(offset))
        .header("Content-Type", "application/offset+octet-stream").header("Upload-Checksum", checksum)
        .method("PATCH", BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> slice(file, offset, length)), length))
        .build();
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() == 204) {
      return Long.parseLong(r.headers().firstValue("Upload-Offset").orElseThrow());
    }
    if (r.statusCode() >= 500 || r.statusCode() == 409 || r.statusCode() == 423 || r.statusCode() == 460) {
      throw new IOException("PATCH answered " + r.statusCode() + ": " + r.body()); // retried from the server's offset
    }
    throw new IllegalStateException("the gateway refused the upload (" + r.statusCode() + "): " + r.body());
  }

  private HttpRequest.Builder tus(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).header("Tus-Resumable", "1.0.0")
        .header("Authorization", "Bearer " + token);
  }

  private static InputStream slice(Path file, long offset, long length) {
    try {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.READ).position(offset);
      return new java.io.BufferedInputStream(Channels.newInputStream(channel), 64 * 1024) {
        private long left = length;

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
          if (left <= 0) {
            return -1;
          }
          int n = super.read(b, off, (int) Math.min(len, left));
          left -= Math.max(n, 0);
          return n;
        }
      };
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] sha256(Path file, long offset, long length) throws IOException {
    try (InputStream in = slice(file, offset, length)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return md.digest();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void progress(long done, long total, long sent, long nanos) {
    int width = 30;
    int filled = (int) (width * done / Math.max(1, total));
    double mibs = sent / 1048576.0 / Math.max(1e-9, nanos / 1e9);
    System.err.printf("\r[%s%s] %3d%% %d/%d MiB %.1f MiB/s", "#".repeat(filled), ".".repeat(width - filled),
        100 * done / Math.max(1, total), done >> 20, total >> 20, mibs);
  }

  Path stateFile(Path file, long size) throws IOException {
    String key = file.toAbsolutePath().normalize() + "|" + size + "|" + Files.getLastModifiedTime(file).toMillis();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return stateDir.resolve(HexFormat.of().formatHex(digest, 0, 16));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
