import { test } from 'node:test';
import assert from 'node:assert/strict';
import { libraryQuery, paging, isMine, PAGE_SIZE } from '../../src/lib/library.js';

test('query: only known statuses, trimmed search, page only once known', () => {
  assert.equal(libraryQuery(), `/api/assets?size=${PAGE_SIZE}`);
  assert.equal(libraryQuery({ status: 'READY', q: '  cats ', page: 2, size: 5 }), '/api/assets?status=READY&q=cats&page=2&size=5');
  assert.equal(libraryQuery({ status: 'DROP TABLE', q: '   ' }), `/api/assets?size=${PAGE_SIZE}`);
  assert.equal(libraryQuery({ q: 'a&b=c' }), `/api/assets?q=a%26b%3Dc&size=${PAGE_SIZE}`);
  assert.equal(libraryQuery({ page: 0 }), `/api/assets?page=0&size=${PAGE_SIZE}`);
});

test('paging works whether the server counts pages from 0 or from 1', () => {
  for (const first of [0, 1]) {
    const p1 = paging({ page: first, size: 10, total: 25 }, first);
    assert.deepEqual([p1.number, p1.pages, p1.hasPrev, p1.hasNext, p1.next], [1, 3, false, true, first + 1]);
    const p3 = paging({ page: first + 2, size: 10, total: 25 }, first);
    assert.deepEqual([p3.number, p3.hasPrev, p3.hasNext, p3.prev], [3, true, false, first + 1]);
  }
});

test('paging edge cases: empty, exact fit, missing fields', () => {
  assert.deepEqual(pick(paging({ page: 0, size: 10, total: 0 }, 0)), [1, 1, false, false]);
  assert.deepEqual(pick(paging({ page: 1, size: 10, total: 20 }, 0)), [2, 2, true, false]);
  assert.deepEqual(pick(paging({}, undefined)), [1, 1, false, false]);
  assert.deepEqual(pick(paging({ page: 0, size: 0, total: 5 }, 0)), [1, 1, false, false], 'size 0 read as the default');
});

const pick = (p) => [p.number, p.pages, p.hasPrev, p.hasNext];

test('ownership badge', () => {
  assert.equal(isMine({ owner: 'alice' }, 'alice'), true);
  assert.equal(isMine({ owner: 'bob' }, 'alice'), false);
  assert.equal(isMine({ owner: undefined }, undefined), false);
});
