package io.mediaflow.api.commands;

import io.mediaflow.api.assets.Asset;

/**
 * The asset after a command: as the projection shows it once its version moved past the one read
 * before the command ({@code pending = false}), or as it still is when the bounded wait ran out
 * ({@code pending = true}: the command is published and will be applied, the answer says so).
 */
public record CommandOutcome(Asset asset, boolean pending) {}
