package io.mediaflow.api.commands;

import java.util.Map;

/** PATCH /api/assets/{id}: the fields to change; absent (null) ones stay. {@code metadata} replaces the map. */
public record EditRequest(String title, String description, String access, Map<String, String> metadata) {}
