package io.mediaflow.workers.jobs;

import java.nio.file.Files;
import java.nio.file.Path;

/** A stand-in worker process for WorkRootIT: claims a work root, leaves a file in it, waits to be killed. */
public final class HoldWorkRoot {

  private HoldWorkRoot() {}

  public static void main(String[] args) throws Exception {
    WorkRoot root = WorkRoot.claim(Path.of(args[0]));
    Files.writeString(root.dir().resolve("half-done.ts"), "partial output");
    System.out.println("claimed " + root.dir().getFileName());
    System.out.flush();
    Thread.sleep(120_000);
  }
}
