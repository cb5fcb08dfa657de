import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bufferAhead, playbackStats } from '../../src/lib/stats.js';

const ranges = (...pairs) => ({ length: pairs.length, start: (i) => pairs[i][0], end: (i) => pairs[i][1] });

test('buffer ahead counts only the range the playhead is in', () => {
  assert.equal(bufferAhead(ranges([0, 10], [20, 30]), 4), 6);
  assert.equal(bufferAhead(ranges([0, 10], [20, 30]), 15), 0, 'in a gap');
  assert.ok(Math.abs(bufferAhead(ranges([0, 10], [20, 30]), 19.9) - 10.1) < 1e-9, 'just before a range (seek landed early)');
  assert.equal(bufferAhead(ranges(), 3), 0);
  assert.equal(bufferAhead(null, 3), 0);
});

test('stats from the video element and the hls.js level', () => {
  const video = {
    videoWidth: 1280, videoHeight: 720, currentTime: 2, buffered: ranges([0, 12.34]),
    getVideoPlaybackQuality: () => ({ droppedVideoFrames: 3, totalVideoFrames: 250 }),
  };
  assert.deepEqual(playbackStats({ video, level: { bitrate: 2_800_000 }, bandwidthEstimate: 9_000_000 }), {
    resolution: '1280×720', bitrate: '2.8 Mbps', bandwidth: '9.0 Mbps', buffer: '10.3 s', droppedFrames: '3 of 250',
  });
});

test('before anything plays, and in browsers without playback quality', () => {
  const video = { videoWidth: 0, videoHeight: 0, currentTime: 0, buffered: ranges() };
  assert.deepEqual(playbackStats({ video }), {
    resolution: '–', bitrate: '–', bandwidth: '–', buffer: '0.0 s', droppedFrames: 'not reported by this browser',
  });
});
