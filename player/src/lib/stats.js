// Playback statistics from what the video element and hls.js report.
import { formatBitrate } from './format.js';

/** Seconds buffered ahead of `time` in a TimeRanges-like object. */
export function bufferAhead(buffered, time) {
  if (!buffered) return 0;
  for (let i = 0; i < buffered.length; i += 1) {
    const start = buffered.start(i);
    const end = buffered.end(i);
    if (time >= start - 0.25 && time <= end) return Math.max(0, end - time);
  }
  return 0;
}

/**
 * video: {videoWidth, videoHeight, currentTime, buffered, getVideoPlaybackQuality?}
 * level: the hls.js level playing (or null); bandwidthEstimate: hls.js estimate in bit/s.
 */
export function playbackStats({ video, level = null, bandwidthEstimate = null }) {
  const quality = typeof video.getVideoPlaybackQuality === 'function' ? video.getVideoPlaybackQuality() : null;
  const dropped = quality ? quality.droppedVideoFrames : null;
  const total = quality ? quality.totalVideoFrames : null;
  return {
    resolution: video.videoWidth && video.videoHeight ? `${video.videoWidth}×${video.videoHeight}` : '–',
    bitrate: level && level.bitrate ? formatBitrate(level.bitrate) : '–',
    bandwidth: bandwidthEstimate ? formatBitrate(bandwidthEstimate) : '–',
    buffer: `${bufferAhead(video.buffered, video.currentTime).toFixed(1)} s`,
    droppedFrames: dropped === null ? 'not reported by this browser' : total ? `${dropped} of ${total}` : String(dropped),
  };
}
