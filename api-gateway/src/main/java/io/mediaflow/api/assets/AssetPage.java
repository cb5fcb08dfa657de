package io.mediaflow.api.assets;

import java.util.List;

/** The REST body of GET /api/assets: one page of assets, 1-based, and how many match in all. */
public record AssetPage(List<AssetView> items, int page, int size, long total) {}
