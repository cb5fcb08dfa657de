import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRoute, assetHref, signinHref, safeNext } from '../../src/lib/routes.js';

test('hash routes', () => {
  assert.deepEqual(parseRoute(''), { name: 'library', params: {} });
  assert.deepEqual(parseRoute('#/'), { name: 'library', params: {} });
  assert.deepEqual(parseRoute('#/assets/65a1b2c3d4e5f60718293a4b'), { name: 'asset', id: '65a1b2c3d4e5f60718293a4b', params: {} });
  assert.deepEqual(parseRoute('#/signin?next=%23%2Fassets%2Fx'), { name: 'signin', params: { next: '#/assets/x' } });
  assert.equal(parseRoute('#/assets/../../etc').name, 'notfound');
  assert.equal(parseRoute('#/elsewhere').name, 'notfound');
});

test('links round-trip through the parser', () => {
  assert.equal(parseRoute(assetHref('abc')).id, 'abc');
  assert.equal(parseRoute(signinHref('#/assets/abc')).params.next, '#/assets/abc');
  assert.equal(signinHref('#/signin'), '#/signin', 'no loop back to sign-in');
});

test('after sign-in only our own routes are followed', () => {
  assert.equal(safeNext('#/assets/abc'), '#/assets/abc');
  assert.equal(safeNext('https://evil.example/'), '#/');
  assert.equal(safeNext('javascript:alert(1)'), '#/');
  assert.equal(safeNext('#/signin'), '#/');
  assert.equal(safeNext(undefined), '#/');
});
