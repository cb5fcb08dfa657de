package io.mediaflow.api.ops;

import java.util.Locale;

/** The lag as a plain-text table for terminals (./mediaflow lag). */
final class LagTable {

  private LagTable() {}

  static String render(LagView view) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-34s %-8s %-26s %5s %10s %10s %8s%n",
        "GROUP", "TYPE", "TOPIC", "PART", "OFFSET", "END", "LAG"));
    for (LagView.Group group : view.groups()) {
      if (group.partitions().isEmpty()) {
        out.append(String.format(Locale.ROOT, "%-34s %-8s %-26s %5s %10s %10s %8d%n",
            group.group(), group.type(), "-", "-", "-", "-", group.totalLag()));
      }
      for (LagView.Partition p : group.partitions()) {
        out.append(String.format(Locale.ROOT, "%-34s %-8s %-26s %5d %10d %10s %8d%n",
            group.group(), group.type(), p.topic(), p.partition(), p.offset(),
            p.endOffset() < 0 ? "-" : Long.toString(p.endOffset()), p.lag()));
      }
    }
    out.append(String.format(Locale.ROOT, "%njob backlog: %d   suggested workers: %d%n",
        view.jobBacklog(), view.suggestedWorkers()));
    return out.toString();
  }
}
