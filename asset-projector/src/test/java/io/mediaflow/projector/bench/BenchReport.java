package io.mediaflow.projector.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Each figure with its same-run baseline and their ratio, printed and written as Markdown rows. */
final class BenchReport {

  private final List<String> rows = new ArrayList<>();

  void add(String what, String unit, double rate, double seconds, double baselineRate, double baselineSeconds) {
    String row = String.format("| %s | %,.0f %s (%.1f s) | %,.0f %s (%.1f s) | **%.2f** |",
        what, rate, unit, seconds, baselineRate, unit, baselineSeconds, rate / baselineRate);
    rows.add(row);
    System.out.println("BENCH " + row);
  }

  void print() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("| benchmark | figure | baseline (same run) | ratio figure/baseline |");
    lines.add("|---|---|---|---|");
    lines.addAll(rows);
    String table = String.join("\n", lines) + "\n";
    System.out.println("BENCH RESULT\n" + table);
    Path out = Path.of("target", "bench-result.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table);
  }
}
