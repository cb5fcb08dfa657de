package io.mediaflow.platform.health;

/** Checks one dependency; throws when it cannot be reached. Called with a time limit. */
@FunctionalInterface
public interface DependencyProbe {
  void check() throws Exception;
}
