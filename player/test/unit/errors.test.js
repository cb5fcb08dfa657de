import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeFailure } from '../../src/lib/errors.js';

test('the server\'s {error, code} is shown as it is', () => {
  const e = describeFailure(403, { error: 'This asset is private', code: 'FORBIDDEN' });
  assert.equal(e.message, 'This asset is private');
  assert.equal(e.code, 'FORBIDDEN');
  assert.equal(e.action, null);
});

test('401 always means: sign in again', () => {
  const e = describeFailure(401, { error: 'Jwt expired at ...', code: 'UNAUTHORIZED' });
  assert.equal(e.action, 'signin');
  assert.match(e.message, /Sign in again/);
});

test('without a body, the status decides the message', () => {
  assert.match(describeFailure(404, null).message, /Not found/);
  assert.match(describeFailure(415, 'text').message, /video, audio or image/);
  assert.match(describeFailure(503, null).message, /server had a problem \(HTTP 503\)/);
  assert.match(describeFailure(418, null).message, /HTTP 418/);
  assert.equal(describeFailure(418, null).code, 'HTTP_418');
});

test('no response at all is a network problem', () => {
  const e = describeFailure(0, null);
  assert.equal(e.code, 'NETWORK');
  assert.match(e.message, /Cannot reach the server/);
});
