import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveConfig, DEFAULTS } from '../../src/lib/config.js';

const location = { protocol: 'http:', hostname: 'media.example', port: '8080' };

test('defaults: API on the same origin, ingest on the same host at port 8081, no dev token button', () => {
  const c = resolveConfig({ location });
  assert.equal(c.apiUrl, '');
  assert.equal(c.ingestUrl, 'http://media.example:8081');
  assert.equal(c.devProfile, false);
  assert.equal(c.pollMs, DEFAULTS.pollMs);
  assert.equal(c.uploadChunkSize, DEFAULTS.uploadChunkSize);
});

test('config.json beats defaults, localStorage beats config.json, the query string beats both', () => {
  const file = { ingestUrl: 'https://upload.example/', pollMs: 5000 };
  assert.equal(resolveConfig({ file, location }).ingestUrl, 'https://upload.example');
  const stored = { ingestUrl: 'https://stored.example' };
  assert.equal(resolveConfig({ file, stored, location }).ingestUrl, 'https://stored.example');
  const query = { ingest: 'http://localhost:9999/' };
  assert.equal(resolveConfig({ file, stored, query, location }).ingestUrl, 'http://localhost:9999');
  assert.equal(resolveConfig({ file, stored, query, location }).pollMs, 5000);
});

test('null in config.json means "use the default", and nonsense numbers fall back to defaults', () => {
  const c = resolveConfig({ file: { ingestUrl: null, pollMs: -1, uploadChunkSize: 'big' }, location });
  assert.equal(c.ingestUrl, 'http://media.example:8081');
  assert.equal(c.pollMs, DEFAULTS.pollMs);
  assert.equal(c.uploadChunkSize, DEFAULTS.uploadChunkSize);
});

test('the dev token button needs devProfile to be exactly true', () => {
  assert.equal(resolveConfig({ file: { devProfile: 'yes' }, location }).devProfile, false);
  assert.equal(resolveConfig({ file: { devProfile: true }, location }).devProfile, true);
});

test('a garbage stored value is ignored', () => {
  assert.equal(resolveConfig({ stored: 'nonsense', location }).ingestUrl, 'http://media.example:8081');
});
