package io.mediaflow.workers.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up sweep of the work dir with real processes: a killed worker's folder goes, a live one's
 * (another process, or this JVM) stays, and nothing not named like an instance is touched.
 */
@Tag("integration")
class WorkRootIT {

  @TempDir Path root;

  static List<String> names(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Starts a worker stand-in and returns it once it holds its folder. */
  Process holder(Path root) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HoldWorkRoot.class.getName(), root.toString())
        .redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
    String line;
    while ((line = out.readLine()) != null && !line.startsWith("claimed ")) {
      // logging before the claim
    }
    assertThat(line).as("the stand-in claimed its folder").isNotNull();
    return p;
  }

  @Test
  void aKilledWorkersFolderIsSweptALiveOnesIsNot() throws Exception {
    Files.createDirectories(root.resolve("someone-else"));
    Files.writeString(root.resolve("w-notours.txt"), "keep");
    Process alive = holder(root);
    Process killed = holder(root);
    List<String> before = names(root);
    assertThat(before).hasSize(6);
    killed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

    try (WorkRoot mine = WorkRoot.claim(root)) {
      List<String> after = names(root);
      assertThat(after).hasSize(6).contains("someone-else", "w-notours.txt", mine.dir().getFileName().toString());
      List<String> aliveFolders = after.stream().filter(n -> n.matches("w-[0-9a-f]{16}")).toList();
      assertThat(aliveFolders).hasSize(2);
      for (String folder : aliveFolders) {
        if (!folder.equals(mine.dir().getFileName().toString())) {
          assertThat(root.resolve(folder).resolve("half-done.ts")).as("the live worker's files stay").exists();
        }
      }

      try (WorkRoot second = WorkRoot.claim(root)) {
        assertThat(mine.dir()).as("an instance in this same JVM is live too").isDirectory();
        assertThat(second.dir()).isNotEqualTo(mine.dir());
      }
    } finally {
      alive.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    try (WorkRoot last = WorkRoot.claim(root)) {
      assertThat(names(root)).containsExactlyInAnyOrder("someone-else", "w-notours.txt",
          last.dir().getFileName().toString(), last.dir().getFileName() + ".lock");
    }
    assertThat(names(root)).as("a clean stop leaves nothing").containsExactlyInAnyOrder("someone-else", "w-notours.txt");
  }

  @Test
  void aFolderWhoseRemovalWasCutShortIsFinished() throws Exception {
    Path orphan = Files.createDirectories(root.resolve("w-0123456789abcdef"));
    Files.writeString(orphan.resolve("seg_00001.ts"), "x");
    Files.writeString(root.resolve("w-fedcba9876543210.lock.new"), "");

    try (WorkRoot mine = WorkRoot.claim(root)) {
      assertThat(names(root)).containsExactlyInAnyOrder(mine.dir().getFileName().toString(), mine.dir().getFileName() + ".lock");
    }
  }
}
