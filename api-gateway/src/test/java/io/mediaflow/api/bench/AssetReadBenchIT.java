package io.mediaflow.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.mediaflow.api.support.Api;
import io.mediaflow.api.support.Projection;
import io.mediaflow.devstack.testing.ServiceChecks;
import io.mediaflow.devstack.Endpoints;
import io.mediaflow.devstack.testing.MediaflowInfra;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Opt-in benchmark (bench/api-gateway/run.sh): {@code GET /api/assets/{id}} through the gateway's
 * built jar (own JVM, fixed -Xmx) with the Redis cache on and off, against a baseline measured in
 * the same run: the same documents read directly with the reactive driver ({@code find({_id})})
 * from the same MongoDB at the same concurrency. Prints and writes target/bench-result.md.
 */
class AssetReadBenchIT {

  static final int USERS = 10;

  @Test
  void gatewayWithAndWithoutCacheVersusDirectDriverReads() throws Exception {
    String secondsProperty = System.getProperty("mediaflow.bench.seconds");
    Assumptions.assumeTrue(secondsProperty != null, "benchmark: run with -Dmediaflow.bench.seconds=<n> (bench/api-gateway/run.sh)");
    double seconds = Double.parseDouble(secondsProperty);
    double warmup = Double.parseDouble(System.getProperty("mediaflow.bench.warmup", "10"));
    int clients = Integer.getInteger("mediaflow.bench.clients", 16);
    int docs = Integer.getInteger("mediaflow.bench.docs", 1000);
    String heap = System.getProperty("mediaflow.bench.xmx", "256m");

    Endpoints e = MediaflowInfra.endpoints();
    List<String> ids = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    try (Projection projection = new Projection(e.mongoUri())) {
      for (int i = 0; i < docs; i++) {
        String owner = "bench-user-" + (i % USERS);
        Document doc = Projection.asset(owner, i % 2 == 0 ? "public" : "private", "Bench asset " + i);
        ids.add(projection.put(doc).getString("_id"));
        tokens.add(Api.token(owner, false)); // private ones are read by their owner
      }
    }

    List<LoadRun.Result> results = new ArrayList<>();
    try (MongoClient mongo = MongoClients.create(e.mongoUri())) {
      String db = new com.mongodb.ConnectionString(e.mongoUri()).getDatabase();
      MongoCollection<Document> assets = mongo.getDatabase(db == null ? "mediaflow" : db).getCollection("assets");
      LoadRun.Operation direct =
          (client, n) -> {
            String id = ids.get(index(client, n, docs));
            Document d = Mono.from(assets.find(Filters.eq("_id", id)).first()).block(Duration.ofSeconds(10));
            return d != null && id.equals(d.getString("_id"));
          };
      results.add(LoadRun.run("direct driver find({_id}) (baseline, before)", clients, warmup, seconds, LoadRun::ownCpuNanos, direct));
      results.add(gateway("gateway, cache off", false, heap, e, ids, tokens, clients, warmup, seconds));
      results.add(gateway("gateway, cache on (Redis)", true, heap, e, ids, tokens, clients, warmup, seconds));
      results.add(LoadRun.run("direct driver find({_id}) (baseline, after)", clients, warmup, seconds, LoadRun::ownCpuNanos, direct));
    }
    String report = report(results, clients, docs, heap, warmup, seconds);
    System.out.println("BENCH RESULT\n" + report);
    Files.writeString(Path.of("target", "bench-result.md"), report);
    results.forEach(r -> assertThat(r.errors()).as(r.name() + " errors").isZero());
    results.forEach(r -> assertThat(r.requests()).as(r.name() + " requests").isPositive());
  }

  /** Spreads the clients over the documents so that each reads every one in turn. */
  static int index(int client, long n, int docs) {
    return (int) ((client * 61L + n) % docs);
  }

  static LoadRun.Result gateway(String name, boolean cache, String heap, Endpoints e, List<String> ids,
      List<String> tokens, int clients, double warmup, double seconds) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
    if (Boolean.getBoolean("mediaflow.bench.jfr")) {
      // a profile of the measured phase to read with `jfr print --events jdk.ExecutionSample`
      command.add("-XX:StartFlightRecording=settings=profile,filename=" + Path.of("target", "bench-gateway-cache-" + (cache ? "on" : "off") + ".jfr"));
    }
    command.addAll(List.of("-jar", Path.of("target", "api-gateway.jar").toString()));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(e.environment());
    pb.environment().put("PORT", Integer.toString(port));
    pb.environment().put("BIND_ADDRESS", "127.0.0.1");
    pb.environment().put("API_CACHE_ENABLED", Boolean.toString(cache));
    Path log = Path.of("target", "bench-gateway-cache-" + (cache ? "on" : "off") + ".log");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    Process process = pb.start();
    try {
      String base = "http://127.0.0.1:" + port;
      ServiceChecks.assertHealthy(base, List.of());
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).build();
      int docs = ids.size();
      return LoadRun.run(name, clients, warmup, seconds, () -> LoadRun.processCpuNanos(process.pid()), (client, n) -> {
        int i = index(client, n, docs);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/assets/" + ids.get(i)))
            .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + tokens.get(i)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200;
      });
    } finally {
      process.destroy();
      process.waitFor();
    }
  }


  static String report(List<LoadRun.Result> results, int clients, int docs, String heap, double warmup,
      double seconds) {
    double baseline = (results.get(0).perSecond() + results.get(3).perSecond()) / 2;
    double baselineP99 = (results.get(0).p99Ms() + results.get(3).p99Ms()) / 2;
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%s: GET /api/assets/{id}, %d documents, %d closed-loop clients, "
        + "warm-up %.0f s, measured %.0f s each, gateway -Xmx%s%n%n", Instant.now(), docs, clients, warmup, seconds, heap));
    out.append("| what | requests/s | p50 ms | p99 ms | errors | throughput / baseline | p99 / baseline "
        + "| CPU ms per request | load avg (1 min) |\n");
    out.append("|---|---|---|---|---|---|---|---|---|\n");
    for (LoadRun.Result r : results) {
      out.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %d | %.2f | %.2f | %.3f | %.1f |%n", r.name(),
          r.perSecond(), r.p50Ms(), r.p99Ms(), r.errors(), r.perSecond() / baseline, r.p99Ms() / baselineP99,
          r.cpuMsPerRequest(), r.loadAverage()));
    }
    out.append("\nCPU ms per request: the gateway JVM's for the gateway rows; for the baseline rows the test JVM's, "
        + "which also runs the embedded MongoDB server (and Kafka, S3) and the client threads.\n");
    out.append(String.format(Locale.ROOT, "%nbaseline = mean of the two direct runs: %.0f requests/s, p99 %.2f ms; "
        + "cache on / cache off throughput: %.2f%n", baseline, baselineP99,
        results.get(2).perSecond() / results.get(1).perSecond()));
    return out.toString();
  }
}
