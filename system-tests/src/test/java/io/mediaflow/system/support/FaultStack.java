package io.mediaflow.system.support;

import io.mediaflow.devstack.DevStack;
import io.mediaflow.devstack.DevStackConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A dev stack of one fault test class alone: persistent data under {@code
 * system-tests/target/stacks/<name>} and free ports, so its servers can be stopped and started again
 * ({@link DevStack#stop}, {@link DevStack#start}) without touching the shared {@code MediaflowInfra}.
 */
public final class FaultStack {

  private FaultStack() {}

  /** Starts a fresh persistent stack (the folder of an earlier run is wiped first). */
  public static DevStack start(String name) {
    Path home = ServiceProcess.ROOT.resolve("system-tests/target/stacks/" + name);
    wipe(home);
    return DevStack.start(
        new DevStackConfig(home, true, 0, 0, 0, 0, 0, "mediaflow-faults", "mediaflow", "mediaflow-faults-secret"));
  }

  private static void wipe(Path home) {
    if (!Files.exists(home)) {
      return;
    }
    try (Stream<Path> files = Files.walk(home)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
