package io.mediaflow.api.playback;

import java.util.Map;

/** GET /media/{id}/stream: the signed master playlist and one signed playlist per ready rendition. */
public record StreamView(String masterUrl, Map<String, String> variants) {}
