package io.mediaflow.ingest.store;

/** Bytes written to a staging key: how many arrived and their SHA-256 (hex). */
public record StagedObject(String key, long size, String sha256) {}
