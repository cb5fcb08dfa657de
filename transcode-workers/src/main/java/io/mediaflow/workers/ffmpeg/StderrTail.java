package io.mediaflow.workers.ffmpeg;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last lines a tool wrote: why it stopped is almost always there. Thread-safe. */
public final class StderrTail {

  static final int LINES = 15;
  private final Deque<String> lines = new ArrayDeque<>();

  public synchronized void add(String line) {
    if (line == null || line.isBlank()) {
      return;
    }
    if (lines.size() == LINES) {
      lines.removeFirst();
    }
    lines.addLast(line.strip());
  }

  public synchronized List<String> lines() {
    return new ArrayList<>(lines);
  }
}
