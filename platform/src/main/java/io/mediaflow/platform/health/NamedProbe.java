package io.mediaflow.platform.health;

/** A service's own dependency check (ffmpeg for the workers), listed in /health under its name. */
public record NamedProbe(String name, DependencyProbe probe) {}
