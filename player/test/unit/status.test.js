import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusInfo, needsPolling, failureText, notPlayableMessage } from '../../src/lib/status.js';

test('only PLAYABLE and READY can be played; only READY and FAILED are settled', () => {
  const rows = ['UPLOADING', 'PROCESSING', 'PLAYABLE', 'READY', 'FAILED']
    .map((s) => [s, statusInfo(s).playable, statusInfo(s).settled]);
  assert.deepEqual(rows, [
    ['UPLOADING', false, false], ['PROCESSING', false, false], ['PLAYABLE', true, false],
    ['READY', true, true], ['FAILED', false, true],
  ]);
});

test('an unknown status is shown as it is and keeps polling', () => {
  assert.deepEqual(statusInfo('ARCHIVED'), { label: 'ARCHIVED', tone: 'busy', playable: false, settled: false });
  assert.equal(statusInfo(undefined).label, 'Unknown');
});

test('polling goes on while any asset is unsettled', () => {
  assert.equal(needsPolling([{ status: 'READY' }, { status: 'FAILED' }]), false);
  assert.equal(needsPolling([{ status: 'READY' }, { status: 'PLAYABLE' }]), true);
  assert.equal(needsPolling([]), false);
  assert.equal(needsPolling(null), false);
});

test('failure text from the projection shape {code, reason} or a plain string', () => {
  assert.equal(failureText({ code: 'CHECKSUM_MISMATCH', reason: 'The file changed on the way' }), 'The file changed on the way (CHECKSUM_MISMATCH)');
  assert.equal(failureText({ code: 'TIMEOUT' }), 'TIMEOUT');
  assert.equal(failureText({ reason: 'Too long' }), 'Too long');
  assert.equal(failureText('Bad file'), 'Bad file');
  assert.equal(failureText(null), 'The server did not say why.');
  assert.equal(failureText({}), 'The server did not say why.');
});

test('the asset page says why it cannot play yet, or why never', () => {
  assert.match(notPlayableMessage({ status: 'UPLOADING', progress: 12.4 }), /^Not ready yet: the upload is still in progress \(12%\)/);
  assert.match(notPlayableMessage({ status: 'PROCESSING', progress: 40 }), /^Not ready yet: processing, 40% done/);
  assert.match(notPlayableMessage({ status: 'PROCESSING' }), /0% done/);
  assert.equal(notPlayableMessage({ status: 'FAILED', error: { code: 'X', reason: 'Y' } }), 'Processing failed: Y (X)');
  assert.equal(notPlayableMessage({ status: 'READY' }), null);
  assert.equal(notPlayableMessage({ status: 'PLAYABLE' }), null);
});
