import { test } from 'node:test';
import assert from 'node:assert/strict';
import { savePosition, resumePosition, forgetPosition, shouldRemember, prune, MAX_ENTRIES } from '../../src/lib/resume.js';

/** localStorage's interface over a Map. */
function memoryStorage() {
  const map = new Map();
  return {
    get length() { return map.size; },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => (map.has(k) ? map.get(k) : null),
    setItem: (k, v) => map.set(k, String(v)),
    removeItem: (k) => map.delete(k),
    map,
  };
}

test('a position is remembered per asset and given back', () => {
  const s = memoryStorage();
  savePosition(s, 'a', 42.37, 120, 1);
  savePosition(s, 'b', 10, 120, 2);
  assert.equal(resumePosition(s, 'a', 120), 42.3);
  assert.equal(resumePosition(s, 'b', 120), 10);
  assert.equal(resumePosition(s, 'c', 120), null);
});

test('the first seconds and the very end are not worth resuming: they clear what was saved', () => {
  assert.equal(shouldRemember(4.9, 120), false);
  assert.equal(shouldRemember(5, 120), true);
  // "The end" is the last 5 % + 1 s, at most 10 s: 7 s of a 2-minute clip, 10 s of a film.
  assert.equal(shouldRemember(112.9, 120), true);
  assert.equal(shouldRemember(113, 120), false);
  assert.equal(shouldRemember(7189.9, 7200), true);
  assert.equal(shouldRemember(7190, 7200), false);
  assert.equal(shouldRemember(30, NaN), true, 'duration unknown yet');
  assert.equal(shouldRemember(NaN, 120), false);
  const s = memoryStorage();
  savePosition(s, 'a', 60, 120);
  savePosition(s, 'a', 119, 120);
  assert.equal(resumePosition(s, 'a', 120), null);
});

test('a saved position past a (now shorter) duration is not used', () => {
  const s = memoryStorage();
  savePosition(s, 'a', 100, null);
  assert.equal(resumePosition(s, 'a', 50), null);
});

test('forgetting and unreadable entries', () => {
  const s = memoryStorage();
  savePosition(s, 'a', 60, 120);
  forgetPosition(s, 'a');
  assert.equal(resumePosition(s, 'a', 120), null);
  s.setItem('mediaflow.resume.x', '{not json');
  assert.equal(resumePosition(s, 'x', 120), null);
});

test('storage that throws (full, private mode) never breaks playback', () => {
  const broken = { length: 0, key: () => null, getItem() { throw new Error('denied'); }, setItem() { throw new Error('full'); }, removeItem() { throw new Error('denied'); } };
  assert.doesNotThrow(() => savePosition(broken, 'a', 60, 120));
  assert.equal(resumePosition(broken, 'a', 120), null);
  assert.doesNotThrow(() => forgetPosition(broken, 'a'));
});

test('only the most recent MAX_ENTRIES positions are kept, other keys untouched', () => {
  const s = memoryStorage();
  s.setItem('mediaflow.token', 't');
  for (let i = 0; i < MAX_ENTRIES + 5; i += 1) savePosition(s, `id${i}`, 60, 120, i);
  const kept = [...s.map.keys()].filter((k) => k.startsWith('mediaflow.resume.'));
  assert.equal(kept.length, MAX_ENTRIES);
  assert.equal(resumePosition(s, 'id0', 120), null, 'oldest dropped');
  assert.equal(resumePosition(s, `id${MAX_ENTRIES + 4}`, 120), 60, 'newest kept');
  assert.equal(s.getItem('mediaflow.token'), 't');
  prune(s, 1);
  assert.equal([...s.map.keys()].filter((k) => k.startsWith('mediaflow.resume.')).length, 1);
});
