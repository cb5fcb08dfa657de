// Debian's chromium through playwright-core: no browser download, ever. (playwright gives each
// launch a fresh profile directory of its own.)
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export function chromiumPath() {
  // CHROMIUM_PATH, when set, is the only candidate (so a test run can also be made to skip).
  const candidates = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p) => existsSync(p)) || null;
}

export async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', '--no-first-run', '--autoplay-policy=no-user-gesture-required'],
  });
}

export function screenshotDir() {
  const dir = join(process.cwd(), 'target', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** An unsigned JWT: the page only reads sub and exp; the mock server does not verify. */
export function fakeJwt(payload) {
  const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc(payload)}.c2lnbmF0dXJl`;
}
