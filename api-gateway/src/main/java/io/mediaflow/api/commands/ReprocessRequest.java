package io.mediaflow.api.commands;

import java.util.List;

/** POST /api/assets/{id}/reprocess: the profiles to make again; none (or empty) = all. */
public record ReprocessRequest(List<String> profiles) {}
