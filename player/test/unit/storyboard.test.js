import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStoryboard, parseTimestamp, cueAt, timeAtPointer, previewLeft } from '../../src/lib/storyboard.js';

const BASE = 'http://localhost:8080/media/a1/storyboard/storyboard.vtt?exp=1&sig=s';

test('timestamps with hours, minutes only, or seconds only', () => {
  assert.equal(parseTimestamp('01:02:03.500'), 3723.5);
  assert.equal(parseTimestamp('02:03.250'), 123.25);
  assert.equal(parseTimestamp('7'), 7);
  assert.ok(Number.isNaN(parseTimestamp('aa:01')));
  assert.ok(Number.isNaN(parseTimestamp('1:2:3:4')));
});

test('relative sprite regions resolve against the storyboard URL; cue ids and CRLF are fine', () => {
  const vtt = 'WEBVTT\r\n\r\n1\r\n00:00:00.000 --> 00:00:05.000\r\nsprite.jpg#xywh=0,0,160,90\r\n\r\n'
    + '2\r\n00:00:05.000 --> 00:00:10.000\r\nsprite.jpg#xywh=160,0,160,90\r\n';
  assert.deepEqual(parseStoryboard(vtt, BASE), [
    { start: 0, end: 5, url: 'http://localhost:8080/media/a1/storyboard/sprite.jpg', x: 0, y: 0, w: 160, h: 90 },
    { start: 5, end: 10, url: 'http://localhost:8080/media/a1/storyboard/sprite.jpg', x: 160, y: 0, w: 160, h: 90 },
  ]);
});

test('absolute (signed) sprite URLs keep their query', () => {
  const vtt = 'WEBVTT\n\n00:05.000 --> 00:10.000\n/media/a1/storyboard/sprite.jpg?exp=9&sig=x#xywh=0,90,160,90\n';
  const [cue] = parseStoryboard(vtt, BASE);
  assert.equal(cue.url, 'http://localhost:8080/media/a1/storyboard/sprite.jpg?exp=9&sig=x');
  assert.deepEqual([cue.x, cue.y, cue.w, cue.h], [0, 90, 160, 90]);
});

test('cues without a region, with zero size or backwards timings are left out; order is by start', () => {
  const vtt = 'WEBVTT\n\n00:10.000 --> 00:15.000\ns.jpg#xywh=0,0,10,10\n\n'
    + '00:00.000 --> 00:05.000\nnot a region\n\n'
    + '00:05.000 --> 00:04.000\ns.jpg#xywh=0,0,10,10\n\n'
    + '00:05.000 --> 00:10.000\ns.jpg#xywh=0,0,0,10\n\n'
    + '00:01.000 --> 00:02.000\ns.jpg#xywh=1,1,10,10\n';
  assert.deepEqual(parseStoryboard(vtt, BASE).map((c) => c.start), [1, 10]);
  assert.deepEqual(parseStoryboard('', BASE), []);
  assert.deepEqual(parseStoryboard(null, BASE), []);
});

test('the cue at a time, and the nearest one outside the cues', () => {
  const cues = [0, 5, 10].map((start) => ({ start, end: start + 5 }));
  assert.equal(cueAt(cues, 0).start, 0);
  assert.equal(cueAt(cues, 4.99).start, 0);
  assert.equal(cueAt(cues, 5).start, 5);
  assert.equal(cueAt(cues, 12).start, 10);
  assert.equal(cueAt(cues, 99).start, 10);
  assert.equal(cueAt(cues, -1).start, 0);
  assert.equal(cueAt([], 1), null);
  assert.equal(cueAt(cues, NaN), null);
});

test('for any time the cue found starts at or before it (unless before all)', () => {
  const cues = Array.from({ length: 37 }, (_, i) => ({ start: i * 2.5, end: i * 2.5 + 2.5 }));
  for (let t = -1; t < 100; t += 0.37) {
    const cue = cueAt(cues, t);
    if (t >= 0) assert.ok(cue.start <= t, `${cue.start} <= ${t}`);
    const next = cues[cues.indexOf(cue) + 1];
    if (next) assert.ok(t < next.start, `${t} < ${next.start}`);
  }
});

test('pointer position to time, clamped', () => {
  assert.equal(timeAtPointer(150, 100, 200, 60), 15);
  assert.equal(timeAtPointer(50, 100, 200, 60), 0);
  assert.equal(timeAtPointer(400, 100, 200, 60), 60);
  assert.equal(timeAtPointer(150, 100, 0, 60), 0);
  assert.equal(timeAtPointer(150, 100, 200, NaN), 0);
});

test('the preview stays inside the bar', () => {
  assert.equal(previewLeft(100, 400, 160), 20);
  assert.equal(previewLeft(10, 400, 160), 0);
  assert.equal(previewLeft(395, 400, 160), 240);
});
