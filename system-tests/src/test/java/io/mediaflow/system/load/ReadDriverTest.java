package io.mediaflow.system.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediaflow.system.load.ReadDriver.Config;
import io.mediaflow.system.load.ReadDriver.IdsFile;
import io.mediaflow.system.load.ReadDriver.Kind;
import io.mediaflow.system.load.ReadDriver.Outcome;
import io.mediaflow.system.load.ReadDriver.Schedule;
import io.mediaflow.system.load.ReadDriver.Tally;
import io.mediaflow.system.load.ReadDriver.Target;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read driver's pure parts: schedule, classification, latency from the intended send time. */
class ReadDriverTest {

  private static final long MS = 1_000_000L;

  @Test
  void requestKIsDueAtKOverRate() {
    Schedule schedule = Schedule.of(500, 10);

    assertThat(schedule.total()).isEqualTo(5_000);
    assertThat(schedule.dueNanos(0)).isZero();
    assertThat(schedule.dueNanos(1)).isEqualTo(2 * MS);
    assertThat(schedule.dueNanos(500)).isEqualTo(1_000 * MS);
    assertThat(schedule.dueNanos(4_999)).isEqualTo(9_998 * MS);
    assertThat(Schedule.of(3, 1).dueNanos(1)).isEqualTo(333_333_333L); // no drift from a rounded period
    assertThat(Schedule.of(3, 1000).dueNanos(3_000)).isEqualTo(1_000 * 1_000 * MS);
  }

  @Test
  void backlogIsWhatIsDueButNotYetTaken() {
    Schedule schedule = Schedule.of(500, 10);

    assertThat(schedule.dueBy(-1)).isZero();
    assertThat(schedule.dueBy(0)).isEqualTo(1);
    assertThat(schedule.dueBy(2 * MS - 1)).isEqualTo(1);
    assertThat(schedule.dueBy(2 * MS)).isEqualTo(2);
    assertThat(schedule.dueBy(1_000 * MS)).isEqualTo(501);
    assertThat(schedule.dueBy(60_000 * MS)).isEqualTo(5_000); // never more than the schedule holds

    assertThat(schedule.backlog(1_000 * MS, 501)).isZero();
    assertThat(schedule.backlog(1_000 * MS, 600)).isZero(); // taken early, waiting for their time
    assertThat(schedule.backlog(1_000 * MS, 401)).isEqualTo(100);
    // the connections stop taking at the end: the counter runs past the total, by one per connection
    assertThat(schedule.backlog(60_000 * MS, 5_128)).isZero();
  }

  @Test
  void nineInTenReadsAreByAKnownIdOneInTenTheList() {
    Random random = new Random(42);
    List<String> ids = List.of("a1", "b2", "c3");
    int list = 0;
    for (int i = 0; i < 10_000; i++) {
      Target target = Target.pick(random, ids);
      if (target.path().equals(ReadDriver.LIST_PATH)) {
        list++;
        assertThat(target.template()).isEqualTo(ReadDriver.LIST_PATH);
      } else {
        assertThat(target.template()).isEqualTo("/api/assets/{id}");
        assertThat(target.path()).isIn("/api/assets/a1", "/api/assets/b2", "/api/assets/c3");
      }
    }
    assertThat(list).isBetween(900, 1_100);
    assertThat(Target.pick(random, List.of()).path()).isEqualTo(ReadDriver.LIST_PATH);
  }

  @Test
  void classifiesAnswers() {
    assertThat(Outcome.of(200, null, "/api/assets/{id}").kind()).isEqualTo(Kind.OK);
    assertThat(Outcome.of(503, "{\"code\":\"OVERLOADED\",\"message\":\"busy\"}", "/api/assets/{id}").kind())
        .isEqualTo(Kind.REJECTED);
    // a 503 that is not the gateway's refusal (a proxy's, a dependency down) is an error
    assertThat(Outcome.of(503, "{\"code\":\"UNAVAILABLE\"}", "/api/assets/{id}"))
        .isEqualTo(new Outcome(Kind.ERROR, "HTTP 503 /api/assets/{id}"));
    assertThat(Outcome.of(503, null, ReadDriver.LIST_PATH))
        .isEqualTo(new Outcome(Kind.ERROR, "HTTP 503 /api/assets?page=1&size=20"));
    assertThat(Outcome.of(404, "{\"code\":\"NOT_FOUND\"}", "/api/assets/{id}").error())
        .isEqualTo("HTTP 404 /api/assets/{id}");
    assertThat(Outcome.of(new ConnectException("Connection refused")).error()).isEqualTo("ConnectException");
    assertThat(Outcome.of(new SocketTimeoutException("Read timed out")).error())
        .isEqualTo("SocketTimeoutException: Read timed out");
    assertThat(Outcome.of(new SocketTimeoutException("connect timed out")).error())
        .isEqualTo("SocketTimeoutException: connect timed out");
  }

  /**
   * 100 reads/s; the first read takes 1 s and holds the only connection, so reads 1–99 wait in the
   * driver and are answered in 1 ms each once sent at 1 s. Counted from the actual send (what a
   * closed-loop client reports) 99 of 100 reads took 1 ms; counted from their intended times they
   * took 11 ms to 991 ms.
   */
  @Test
  void latencyCountsFromTheIntendedSendTimeServiceTimeFromTheActualSend() {
    Schedule schedule = Schedule.of(100, 1);
    Tally tally = new Tally();
    long start = 5_000 * MS; // any origin: only differences count

    long done0 = start + 1_000 * MS;
    tally.sent(start, start);
    tally.record(Outcome.OK, start, start, done0);
    for (int k = 1; k < 100; k++) {
      long intended = start + schedule.dueNanos(k);
      tally.sent(intended, done0);
      tally.record(Outcome.OK, intended, done0, done0 + MS);
    }
    // a refusal, however late, is not in the latencies
    tally.record(Outcome.REJECTED, start, start + 20_000 * MS, start + 60_000 * MS);

    assertThat(tally.fromIntended.count()).isEqualTo(100);
    assertThat(tally.fromIntended.percentileMillis(50)).isEqualTo(501.0); // 11, 21, … 991, 1000
    assertThat(tally.fromIntended.percentileMillis(99)).isEqualTo(991.0);
    assertThat(tally.fromIntended.percentileMillis(100)).isEqualTo(1_000.0);
    assertThat(tally.service.percentileMillis(50)).isEqualTo(1.0);
    assertThat(tally.service.percentileMillis(99)).isEqualTo(1.0);
    assertThat(tally.service.percentileMillis(100)).isEqualTo(1_000.0);
    assertThat(tally.sendDelay.percentileMillis(100)).isEqualTo(990.0);
    assertThat(tally.ok.sum()).isEqualTo(100);
    assertThat(tally.rejected.sum()).isEqualTo(1);
    assertThat(tally.sent.sum()).isEqualTo(100);
  }

  @Test
  void errorsAreCountedByKeyAndTimedLikeAnswersAndAnExpiredRequestHasNoServiceTime() {
    Tally tally = new Tally();
    tally.record(new Outcome(Kind.ERROR, "HTTP 500 /api/assets/{id}"), 0, 10 * MS, 20 * MS);
    tally.record(new Outcome(Kind.ERROR, "HTTP 500 /api/assets/{id}"), 0, 10 * MS, 20 * MS);
    tally.record(new Outcome(Kind.ERROR, ReadDriver.EXPIRED), 0, -1, 30_000 * MS);

    assertThat(tally.errorCounts()).isEqualTo(Map.of("HTTP 500 /api/assets/{id}", 2L, ReadDriver.EXPIRED, 1L));
    assertThat(tally.failed.sum()).isEqualTo(3);
    assertThat(tally.fromIntended.percentileMillis(100)).isEqualTo(30_000.0);
    assertThat(tally.service.count()).isEqualTo(2);
    assertThat(tally.completed()).isEqualTo(3);
  }

  @Test
  void idsFileIsReadOnlyByWholeNewLines(@TempDir Path dir) throws Exception {
    Path path = dir.resolve("ids.txt");
    IdsFile ids = new IdsFile(path);
    assertThat(ids.readNew()).isEmpty(); // not there yet

    Files.writeString(path, "a1\nb2\nc3");
    assertThat(ids.readNew()).containsExactly("a1", "b2");
    assertThat(ids.readNew()).isEmpty();
    Files.writeString(path, "4\n\nd5\n", StandardOpenOption.APPEND);
    assertThat(ids.readNew()).containsExactly("c34", "d5");
  }

  @Test
  void argumentsWithAndWithoutTheConnectionBound() {
    Config seven = Config.parse(new String[] {"http://127.0.0.1:1/", "t", "500", "120", "64", "ids", "out"});
    assertThat(seven.baseUrl()).isEqualTo("http://127.0.0.1:1");
    assertThat(seven.connections()).isEqualTo(64);
    assertThat(seven.result()).isEqualTo(Path.of("out"));

    Config six = Config.parse(new String[] {"http://127.0.0.1:1", "t", "500", "120", "ids", "out"});
    assertThat(six.connections()).isEqualTo(128);
    assertThat(six.ids()).isEqualTo(Path.of("ids"));

    assertThatThrownBy(() -> Config.parse(new String[] {"http://127.0.0.1:1", "t", "0", "120", "ids", "out"}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
