import { test } from 'node:test';
import assert from 'node:assert/strict';
import { qualityOptions, variantOptions, levelLabel, AUTO } from '../../src/lib/quality.js';

const levels = [
  { height: 360, width: 640, bitrate: 800_000 },
  { height: 1080, width: 1920, bitrate: 5_000_000 },
  { height: 720, width: 1280, bitrate: 2_800_000 },
];

test('Auto first, then renditions highest first, each keeping its hls.js level index', () => {
  assert.deepEqual(qualityOptions(levels), [
    { value: AUTO, label: 'Auto' },
    { value: 1, label: '1080p' },
    { value: 2, label: '720p' },
    { value: 0, label: '360p' },
  ]);
});

test('Auto says which rendition it is playing', () => {
  assert.equal(qualityOptions(levels, 2)[0].label, 'Auto (720p)');
  assert.equal(qualityOptions(levels, 99)[0].label, 'Auto');
});

test('two renditions of one height are told apart by bitrate', () => {
  const opts = qualityOptions([{ height: 720, bitrate: 1_500_000 }, { height: 720, bitrate: 3_000_000 }]);
  assert.deepEqual(opts.map((o) => o.label), ['Auto', '720p · 3.0 Mbps', '720p · 1.5 Mbps']);
});

test('audio-only and unnamed levels still get a label', () => {
  assert.equal(levelLabel({ bitrate: 128_000 }), '128 kbps');
  assert.equal(levelLabel({ name: 'audio' }), 'audio');
  assert.equal(levelLabel({}), 'Audio');
  assert.equal(levelLabel(null), 'Unknown');
  assert.deepEqual(qualityOptions([]), [{ value: AUTO, label: 'Auto' }]);
  assert.deepEqual(qualityOptions(undefined), [{ value: AUTO, label: 'Auto' }]);
});

test('native HLS: the stream response\'s variant playlists, highest first', () => {
  const opts = variantOptions({ '480p': 'u480', '1080p': 'u1080', '720p': 'u720', audio: 'ua', broken: null });
  assert.deepEqual(opts.map((o) => o.value), ['auto', '1080p', '720p', '480p', 'audio']);
  assert.equal(opts[1].url, 'u1080');
  assert.deepEqual(variantOptions(undefined), [{ value: 'auto', label: 'Auto' }]);
});
