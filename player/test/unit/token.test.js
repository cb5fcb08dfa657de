import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeJwt, tokenProblem, tokenSummary } from '../../src/lib/token.js';

const jwt = (payload) => `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;
const NOW = 1_800_000_000;

test('decodes the payload of a JWT, including non-ASCII and base64url characters', () => {
  assert.deepEqual(decodeJwt(jwt({ sub: 'zoë', n: '>>>???' })), { sub: 'zoë', n: '>>>???' });
});

test('anything that is not three dot-separated parts with a JSON payload is malformed', () => {
  for (const bad of ['abc', 'a.b', 'a..c', 'a.!!!.c', `x.${Buffer.from('"str"').toString('base64url')}.y`, 'a.b.c.d']) {
    assert.equal(tokenProblem(bad, NOW), 'malformed', bad);
  }
});

test('missing, expired, usable', () => {
  assert.equal(tokenProblem('', NOW), 'missing');
  assert.equal(tokenProblem('   ', NOW), 'missing');
  assert.equal(tokenProblem(jwt({ sub: 'a', exp: NOW }), NOW), 'expired');
  assert.equal(tokenProblem(jwt({ sub: 'a', exp: NOW + 1 }), NOW), null);
  assert.equal(tokenProblem(jwt({ sub: 'a' }), NOW), null, 'no exp: the server decides');
  assert.equal(tokenProblem(`  ${jwt({ sub: 'a' })}\n`, NOW), null, 'pasted with whitespace');
});

test('summary: user, admin role from a list or a string, expiry', () => {
  assert.deepEqual(tokenSummary(jwt({ sub: 'alice', roles: ['user', 'admin'], exp: NOW })),
    { user: 'alice', admin: true, expiresAt: new Date(NOW * 1000) });
  assert.equal(tokenSummary(jwt({ sub: 'bob', roles: 'user admin' })).admin, true);
  assert.equal(tokenSummary(jwt({ sub: 'bob' })).admin, false);
  assert.deepEqual(tokenSummary('garbage'), { user: null, admin: false, expiresAt: null });
});
