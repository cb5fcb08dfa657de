// Runs full-flow.mjs against the smoke test's mock server (which "processes" an upload to READY
// in a few seconds), so the end-to-end script itself is known to work before the services exist.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { startMockServer } from '../test/browser/mock-server.mjs';
import { fakeJwt, chromiumPath } from '../test/browser/browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));

async function runOnMock() {
  const server = await startMockServer({
    root: join(here, '..', 'target', 'classes', 'META-INF', 'resources'),
    fixtures: join(here, '..', 'test', 'fixtures', 'hls'),
    patchDelayMs: 20,
  });
  after(() => server.close());
  const clip = join(mkdtempSync(join(tmpdir(), 'mediaflow-e2e-mock-')), 'clip.mp4');
  copyFileSync(join(here, '..', 'test', 'fixtures', 'hls', '360p', 'seg_00000.ts'), clip); // bytes only: the mock does not probe
  Object.assign(process.env, {
    MEDIAFLOW_URL: server.url,
    MEDIAFLOW_INGEST_URL: server.url,
    MEDIAFLOW_TOKEN: fakeJwt({ sub: 'alice', exp: Math.floor(Date.now() / 1000) + 3600 }),
    MEDIAFLOW_CLIP: clip,
    MEDIAFLOW_E2E_TIMEOUT_S: '60',
  });
  await import('./full-flow.mjs');
}

if (chromiumPath()) {
  await runOnMock();
} else {
  if (process.env.MEDIAFLOW_REQUIRE_BROWSER === 'true') throw new Error('No Chromium at /usr/bin/chromium');
  test('end-to-end script on the mock', { skip: 'no Chromium at /usr/bin/chromium (apt-get install -y chromium)' }, () => {});
}
