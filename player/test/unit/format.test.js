import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTime, formatBytes, formatBitrate, formatPercent, formatDate } from '../../src/lib/format.js';

test('time as m:ss or h:mm:ss', () => {
  assert.equal(formatTime(0), '0:00');
  assert.equal(formatTime(5.9), '0:05');
  assert.equal(formatTime(65), '1:05');
  assert.equal(formatTime(3723), '1:02:03');
  assert.equal(formatTime(NaN), '0:00');
  assert.equal(formatTime(-3), '0:00');
  assert.equal(formatTime(Infinity), '0:00');
});

test('bytes in binary units', () => {
  assert.equal(formatBytes(0), '0 B');
  assert.equal(formatBytes(1023), '1023 B');
  assert.equal(formatBytes(1536), '1.5 KB');
  assert.equal(formatBytes(200 * 1024 * 1024), '200 MB');
  assert.equal(formatBytes(-1), '–');
});

test('bitrate in kbps below a megabit, Mbps above', () => {
  assert.equal(formatBitrate(35000), '35 kbps');
  assert.equal(formatBitrate(2_500_000), '2.5 Mbps');
  assert.equal(formatBitrate(0), '–');
  assert.equal(formatBitrate(undefined), '–');
});

test('percent is clamped and rounded; dates are UTC minutes', () => {
  assert.equal(formatPercent(42.6), '43%');
  assert.equal(formatPercent(140), '100%');
  assert.equal(formatPercent(-5), '0%');
  assert.equal(formatPercent(null), '0%');
  assert.equal(formatDate('2026-11-29T10:00:30Z'), '2026-11-29 10:00 UTC');
  assert.equal(formatDate('not a date'), '');
  assert.equal(formatDate(null), '');
});
