package io.mediaflow.system.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;

/**
 * The load test's API reads as a process of its own, wrk2-style: {@link LoadBenchIT} starts it with
 * {@code java -cp <test classpath> io.mediaflow.system.load.ReadDriver} so that it does not share a
 * JVM (threads, heap, GC pauses) with Kafka, S3Proxy, the MongoDB server and 50 uploaders. Earlier
 * runs drove the reads from one {@code HttpClient} in that crowded JVM: the gateway timed its reads
 * at ~400 ms mean while the client saw ~10 s (bench/load/RESULTS.md, 11-30 01:01).
 *
 * <p>Open loop with intended send times: request {@code k} is due at {@code start + k / rate}
 * whether or not earlier answers came back. Its latency is counted from that intended time, so time
 * a request spent waiting in the driver (every connection busy, or the driver itself late) counts
 * against the server, as wrk2 does to correct coordinated omission; the service time, from the
 * moment the request was actually sent, is reported apart. Each request gets one outcome: 200 is
 * ok, {@code 503} with {@code "code":"OVERLOADED"} is rejected (counted apart, not in the
 * latencies: an immediate refusal would flatter them), anything else an error keyed by status and
 * path template or by exception.
 *
 * <p>At most {@code connections} requests are in flight: that many connection threads each take the
 * next request from the schedule, sleep until it is due and send it with a blocking keep-alive
 * {@link HttpURLConnection} (the JDK's keep-alive cache, sized to the same bound, hands the sockets
 * from one thread to another). A request due while every connection is busy waits in the driver,
 * which shows as backlog (requests due but not yet sent) and in the latency from the intended time.
 * A request is given 30 s from its intended time; one that waited that long for a connection is not
 * sent at all but counted as an error.
 *
 * <p>The 9 in 10 reads by id pick a random id from the ids file, one asset id per line, which the
 * test appends to as uploads become visible and which the driver reads again every second (new
 * complete lines only). Prints a progress line every 10 s; writes its figures as a properties file.
 *
 * <p>Usage: {@code ReadDriver <api base URL> <bearer token> <rate per second> <seconds>
 * [max connections (128)] <ids file> <result file>}; every argument can instead be given as a system
 * property {@code readdriver.url}, {@code .token}, {@code .rate}, {@code .seconds},
 * {@code .connections}, {@code .ids}, {@code .result} (then no positional arguments). With
 * {@code -Dreaddriver.warmup=N} it first sends the same reads for N seconds, not counted, and creates
 * {@link #startedMarker} when the measured window starts.
 */
public final class ReadDriver {

  static final String LIST_PATH = "/api/assets?page=1&size=20";
  static final String BY_ID_TEMPLATE = "/api/assets/{id}";
  static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
  static final String EXPIRED = "expired in the driver (no free connection within 30 s of its intended time)";

  /** What to run: see the class comment. */
  record Config(String baseUrl, String token, int rate, int seconds, int connections, Path ids, Path result) {

    Config {
      if (rate <= 0 || seconds <= 0 || connections <= 0) {
        throw new IllegalArgumentException("rate, seconds and connections must be positive");
      }
      baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    Config withSeconds(int newSeconds) {
      return new Config(baseUrl, token, rate, newSeconds, connections, ids, result);
    }

    static Config parse(String[] args) {
      if (args.length == 7 || args.length == 6) {
        boolean defaultConnections = args.length == 6;
        return new Config(args[0], args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]),
            defaultConnections ? 128 : Integer.parseInt(args[4]),
            Path.of(args[defaultConnections ? 4 : 5]), Path.of(args[defaultConnections ? 5 : 6]));
      }
      if (args.length == 0 && System.getProperty("readdriver.url") != null) {
        return new Config(required("url"), required("token"), Integer.parseInt(required("rate")),
            Integer.parseInt(required("seconds")), Integer.getInteger("readdriver.connections", 128),
            Path.of(required("ids")), Path.of(required("result")));
      }
      throw new IllegalArgumentException("usage: ReadDriver <api base URL> <bearer token> <rate per second> <seconds>"
          + " [max connections (128)] <ids file> <result file> (or -Dreaddriver.url=... and so on)");
    }

    private static String required(String key) {
      String value = System.getProperty("readdriver." + key);
      if (value == null) {
        throw new IllegalArgumentException("missing -Dreaddriver." + key);
      }
      return value;
    }
  }

  /**
   * The open-loop schedule: {@code total = rate × seconds} requests, request {@code k} due {@code k
   * / rate} seconds after the start.
   */
  record Schedule(long rate, long total) {

    static Schedule of(int rate, int seconds) {
      return new Schedule(rate, (long) rate * seconds);
    }

    /** When request {@code k} is due, in nanoseconds after the start. */
    long dueNanos(long k) {
      return k * 1_000_000_000L / rate;
    }

    /** How many requests are due {@code elapsedNanos} after the start (request 0 is due at once). */
    long dueBy(long elapsedNanos) {
      if (elapsedNanos < 0) {
        return 0;
      }
      // exact in long arithmetic for any realistic run: elapsed < 10^13 ns (2.7 h) × rate < 10^5
      return Math.min(total, elapsedNanos * rate / 1_000_000_000L + 1);
    }

    /** Requests due but not yet taken by a connection, when {@code taken} requests have been. */
    long backlog(long elapsedNanos, long taken) {
      return Math.max(0, dueBy(elapsedNanos) - Math.min(taken, total));
    }
  }

  /** A read to send: the path, and its template (the path with the id replaced by {id}). */
  record Target(String template, String path) {

    /** 9 in 10 an asset by a random known id, 1 in 10 the first page of the list. */
    static Target pick(RandomGenerator random, List<String> ids) {
      if (ids.isEmpty() || random.nextInt(10) == 0) {
        return new Target(LIST_PATH, LIST_PATH);
      }
      return new Target(BY_ID_TEMPLATE, "/api/assets/" + ids.get(random.nextInt(ids.size())));
    }
  }

  enum Kind { OK, REJECTED, ERROR }

  /** One request's outcome; {@code error} keys the errors map. */
  record Outcome(Kind kind, String error) {

    static final Outcome OK = new Outcome(Kind.OK, null);
    static final Outcome REJECTED = new Outcome(Kind.REJECTED, null);

    static Outcome of(int status, String body, String template) {
      if (status == 200) {
        return OK;
      }
      if (status == 503 && body != null && body.contains("\"code\":\"OVERLOADED\"")) {
        return REJECTED;
      }
      return new Outcome(Kind.ERROR, "HTTP " + status + " " + template);
    }

    static Outcome of(Throwable error) {
      String name = error.getClass().getSimpleName();
      // connect and read timeouts share a class; the message tells them apart
      return new Outcome(Kind.ERROR,
          error instanceof SocketTimeoutException && error.getMessage() != null ? name + ": " + error.getMessage() : name);
    }
  }

  /**
   * The figures of a run. Latencies from the intended send time and service times (from the actual
   * send) count answered and failed requests, not rejected ones; the send delay (actual minus
   * intended send time) shows how late the driver itself was.
   */
  static final class Tally {
    final Latencies fromIntended = new Latencies();
    final Latencies service = new Latencies();
    final Latencies sendDelay = new Latencies();
    final LongAdder sent = new LongAdder();
    final LongAdder ok = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder failed = new LongAdder();
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    /** A request sent at {@code sentNanos}: called when sending, before its outcome. */
    void sent(long intendedNanos, long sentNanos) {
      sent.increment();
      sendDelay.record(Math.max(0, sentNanos - intendedNanos) / 1000);
    }

    /**
     * The outcome of a request due at {@code intendedNanos}, sent at {@code sentNanos} (negative: never
     * sent), done at {@code doneNanos}.
     */
    void record(Outcome outcome, long intendedNanos, long sentNanos, long doneNanos) {
      switch (outcome.kind()) {
        case REJECTED -> {
          rejected.increment();
          return;
        }
        case OK -> ok.increment();
        case ERROR -> {
          failed.increment();
          errors.computeIfAbsent(outcome.error(), k -> new LongAdder()).increment();
        }
      }
      fromIntended.record((doneNanos - intendedNanos) / 1000);
      if (sentNanos >= 0) {
        service.record((doneNanos - sentNanos) / 1000);
      }
    }

    long completed() {
      return ok.sum() + rejected.sum() + failed.sum();
    }

    Map<String, Long> errorCounts() {
      Map<String, Long> counts = new TreeMap<>();
      errors.forEach((key, count) -> counts.put(key, count.sum()));
      return counts;
    }
  }

  /** The ids file, read again from where the last read stopped; only complete lines count. */
  static final class IdsFile {
    private final Path path;
    private long offset;

    IdsFile(Path path) {
      this.path = path;
    }

    /** The ids appended since the last call (none if the file does not exist yet). */
    List<String> readNew() throws IOException {
      List<String> ids = new ArrayList<>();
      if (!Files.exists(path)) {
        return ids;
      }
      byte[] bytes;
      try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
        long length = file.length();
        if (length <= offset) {
          return ids;
        }
        file.seek(offset);
        bytes = new byte[(int) (length - offset)];
        file.readFully(bytes);
      }
      int lineStart = 0;
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          String id = new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8).strip();
          if (!id.isEmpty()) {
            ids.add(id);
          }
          lineStart = i + 1;
        }
      }
      offset += lineStart; // a line still being written is read next time, whole
      return ids;
    }
  }

  private final Config config;
  private final Schedule schedule;
  private final Tally tally = new Tally();
  private final IdsFile idsFile;
  private volatile List<String> ids = List.of();
  private final AtomicLong next = new AtomicLong();
  private final AtomicLong maxBacklog = new AtomicLong();
  private final AtomicLong maxBacklogAt = new AtomicLong();
  private final AtomicLong lastSendElapsed = new AtomicLong();
  private final String authorization;
  private long start;
  private volatile boolean finished;

  ReadDriver(Config config) {
    this.config = config;
    this.schedule = Schedule.of(config.rate(), config.seconds());
    this.idsFile = new IdsFile(config.ids());
    this.authorization = "Bearer " + config.token();
  }

  public static void main(String[] args) throws Exception {
    Config config = Config.parse(args);
    // the JDK's keep-alive cache keeps 5 idle connections per server by default: the others would be
    // closed after every request and opened again
    if (System.getProperty("http.maxConnections") == null) {
      System.setProperty("http.maxConnections", Integer.toString(config.connections()));
    }
    int warmup = Integer.getInteger("readdriver.warmup", 0);
    if (warmup > 0) {
      // the same open-loop reads for `warmup` seconds first, not counted: the gateway's JIT compiles
      // its request path during the first tens of thousands of requests (a cold gateway spent ~3 ms of
      // CPU per read in the load test, a warm one 1.7 ms in the API benchmark)
      System.out.printf(Locale.ROOT, "read driver: warm-up of %d s, not counted%n", warmup);
      new ReadDriver(config.withSeconds(warmup)).run(true, false);
    }
    // after a warm-up phase the HTTP classes are loaded: the few serial warm-up reads are not needed again
    new ReadDriver(config).run(warmup <= 0, true);
    System.exit(0);
  }

  /**
   * @param firstReads a few serial reads first (see {@link #warmUp()})
   * @param writeResult the measured window (result file, started marker), not a warm-up phase
   */
  void run(boolean firstReads, boolean writeResult) throws Exception {
    pollIds();
    if (ids.isEmpty()) {
      throw new IllegalStateException("no asset ids in " + config.ids());
    }
    System.out.printf(Locale.ROOT, "read driver: %s, %d reads/s for %d s over at most %d connections, %d ids known%n",
        config.baseUrl(), config.rate(), config.seconds(), config.connections(), ids.size());
    if (firstReads) {
      warmUp();
    }
    List<Thread> connections = new ArrayList<>();
    for (int i = 0; i < config.connections(); i++) {
      Thread thread = new Thread(this::connection, "connection-" + i);
      connections.add(thread);
    }
    start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50); // the threads are up by then
    connections.forEach(Thread::start);
    if (writeResult) {
      // the measured window starts now: the test starts its uploaders on seeing this file
      Files.writeString(startedMarker(config.result()), "");
    }
    Thread monitor = new Thread(this::monitor, "monitor");
    monitor.setDaemon(true);
    monitor.start();
    for (Thread thread : connections) {
      thread.join();
    }
    finished = true; // the warm-up's monitor must not keep printing through the measured window
    noteBacklog(System.nanoTime());
    progress("done");
    if (!writeResult) {
      return;
    }
    Properties result = result((System.nanoTime() - start) / 1e9);
    StringWriter text = new StringWriter();
    result.store(text, "read driver result");
    Path tmp = config.result().resolveSibling(config.result().getFileName() + ".tmp");
    Files.writeString(tmp, text.toString());
    Files.move(tmp, config.result(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.out.print(text);
  }

  /**
   * A few reads one after the other before the clock starts, not counted: a cold JVM loads and
   * interprets the HTTP classes during its first requests, which held every connection for the
   * first ~0.5 s (a backlog of ~70 reads in a smoke run) and would show as the driver falling behind.
   * 20 reads or 2 s, whichever comes first: a slow gateway must not delay the window.
   */
  private void warmUp() {
    byte[] buffer = new byte[16384];
    Target target = new Target(BY_ID_TEMPLATE, "/api/assets/" + ids.get(0));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    for (int i = 0; i < 20 && System.nanoTime() < deadline; i++) {
      try {
        get(target, deadline, buffer);
      } catch (IOException e) {
        System.out.println("read driver: warm-up read failed: " + Outcome.of(e).error());
        return;
      }
    }
  }

  /** One connection: take the next request, wait until it is due, send it, until the schedule ends. */
  private void connection() {
    byte[] buffer = new byte[16384];
    while (true) {
      long k = next.getAndIncrement();
      if (k >= schedule.total()) {
        return;
      }
      long intended = start + schedule.dueNanos(k);
      long now = System.nanoTime();
      noteBacklog(now);
      while (now < intended) {
        LockSupport.parkNanos(intended - now);
        now = System.nanoTime();
      }
      Target target = Target.pick(ThreadLocalRandom.current(), ids);
      if (now - intended >= TIMEOUT_NANOS) {
        tally.record(new Outcome(Kind.ERROR, EXPIRED), intended, -1, now);
        continue;
      }
      tally.sent(intended, now);
      lastSendElapsed.accumulateAndGet(now - start, Math::max);
      Outcome outcome;
      try {
        outcome = get(target, intended + TIMEOUT_NANOS, buffer);
      } catch (Exception e) {
        outcome = Outcome.of(e);
      }
      tally.record(outcome, intended, now, System.nanoTime());
    }
  }

  private Outcome get(Target target, long deadline, byte[] buffer) throws IOException {
    // NO_PROXY: the stack under test is local, and it spares the proxy selector on every request
    HttpURLConnection connection =
        (HttpURLConnection) URI.create(config.baseUrl() + target.path()).toURL().openConnection(Proxy.NO_PROXY);
    int timeoutMillis = (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    connection.setConnectTimeout(timeoutMillis);
    connection.setReadTimeout(timeoutMillis);
    connection.setUseCaches(false);
    connection.setRequestProperty("Authorization", authorization);
    connection.setRequestProperty("Accept", "*/*");
    int status = connection.getResponseCode();
    InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
    String text = null;
    if (body != null) {
      // read to the end, and close without disconnect(): the connection goes back to the keep-alive cache
      try (body) {
        if (status == 200) {
          while (body.read(buffer) >= 0) {
            // the answer is not looked at, only timed
          }
        } else {
          text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    return Outcome.of(status, text, target.template());
  }

  /** The file the driver creates when its measured window starts (after any warm-up). */
  static Path startedMarker(Path result) {
    return result.resolveSibling(result.getFileName() + ".started");
  }

  /** Every 100 ms the backlog, every second the ids file, every 10 s a progress line. */
  private void monitor() {
    long tick = 0;
    while (!finished) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      tick++;
      noteBacklog(System.nanoTime());
      if (tick % 10 == 0) {
        try {
          pollIds();
        } catch (IOException | UncheckedIOException e) {
          System.out.println("read driver: ids file: " + e);
        }
      }
      if (tick % 100 == 0) {
        progress("");
      }
    }
  }

  private void pollIds() throws IOException {
    List<String> added = idsFile.readNew();
    if (!added.isEmpty()) {
      List<String> all = new ArrayList<>(ids);
      all.addAll(added);
      ids = List.copyOf(all);
    }
  }

  private void noteBacklog(long now) {
    long backlog = schedule.backlog(now - start, next.get());
    if (backlog > maxBacklog.get()) {
      long before = maxBacklog.getAndAccumulate(backlog, Math::max);
      if (backlog > before) {
        maxBacklogAt.set(now - start);
      }
    }
  }

  private void progress(String label) {
    long now = System.nanoTime();
    long sent = tally.sent.sum();
    System.out.printf(Locale.ROOT,
        "%4s %5.0f s: sent %d, ok %d, rejected %d, errors %d, in flight %d, backlog %d (max %d), ids %d, driver CPU %.1f s%n",
        label, (now - start) / 1e9, sent, tally.ok.sum(), tally.rejected.sum(), tally.failed.sum(),
        sent - (tally.completed() - expired()), schedule.backlog(now - start, next.get()), maxBacklog.get(), ids.size(),
        cpuSeconds());
  }

  /** This JVM's CPU time so far (all threads, JIT and GC included): a driver short of CPU is a suspect. */
  private static double cpuSeconds() {
    return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(-1.0);
  }

  private long expired() {
    LongAdder expired = tally.errors.get(EXPIRED);
    return expired == null ? 0 : expired.sum();
  }

  /** The figures of the run, as written to the result file. */
  Properties result(double elapsedSeconds) {
    Properties p = new Properties();
    long sent = tally.sent.sum();
    p.setProperty("rate", Integer.toString(config.rate()));
    p.setProperty("seconds", Integer.toString(config.seconds()));
    p.setProperty("connections", Integer.toString(config.connections()));
    p.setProperty("scheduled", Long.toString(schedule.total()));
    p.setProperty("sent", Long.toString(sent));
    p.setProperty("ok", Long.toString(tally.ok.sum()));
    p.setProperty("rejected", Long.toString(tally.rejected.sum()));
    p.setProperty("errors", Long.toString(tally.failed.sum()));
    tally.errorCounts().forEach((key, count) -> p.setProperty("error." + key, Long.toString(count)));
    double sendWindow = Math.max(config.seconds(), lastSendElapsed.get() / 1e9);
    p.setProperty("sendRate", format(sent / sendWindow));
    p.setProperty("latency.p50.ms", format(tally.fromIntended.percentileMillis(50)));
    p.setProperty("latency.p90.ms", format(tally.fromIntended.percentileMillis(90)));
    p.setProperty("latency.p99.ms", format(tally.fromIntended.percentileMillis(99)));
    p.setProperty("latency.max.ms", format(tally.fromIntended.percentileMillis(100)));
    p.setProperty("service.p50.ms", format(tally.service.percentileMillis(50)));
    p.setProperty("service.p99.ms", format(tally.service.percentileMillis(99)));
    p.setProperty("sendDelay.p99.ms", format(tally.sendDelay.percentileMillis(99)));
    p.setProperty("sendDelay.max.ms", format(tally.sendDelay.percentileMillis(100)));
    p.setProperty("backlog.max", Long.toString(maxBacklog.get()));
    p.setProperty("backlog.max.atSecond", format(maxBacklogAt.get() / 1e9));
    p.setProperty("ids", Integer.toString(ids.size()));
    p.setProperty("elapsedSeconds", format(elapsedSeconds));
    p.setProperty("cpuSeconds", format(cpuSeconds()));
    return p;
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
