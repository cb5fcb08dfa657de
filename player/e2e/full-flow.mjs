// The whole path in a real browser against running services: upload a generated clip through the
// page, wait for READY, play, see time advance, switch quality and see the rendition change.
// Not wired into Maven yet (it needs the running stack). Run:
//   MEDIAFLOW_TOKEN=$(./mediaflow token alice) npm run e2e
// Environment: MEDIAFLOW_URL (api-gateway, default http://localhost:8080), MEDIAFLOW_INGEST_URL
// (default http://localhost:8081), MEDIAFLOW_TOKEN (required), MEDIAFLOW_CLIP (a video file; else
// one is made with FFMPEG_PATH or the ffmpeg on PATH), MEDIAFLOW_E2E_TIMEOUT_S (default 300).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, launch, screenshotDir } from '../test/browser/browser.mjs';

const BASE = (process.env.MEDIAFLOW_URL || 'http://localhost:8080').replace(/\/$/, '');
const INGEST = (process.env.MEDIAFLOW_INGEST_URL || 'http://localhost:8081').replace(/\/$/, '');
const TOKEN = (process.env.MEDIAFLOW_TOKEN || '').trim();
const TIMEOUT_MS = Number(process.env.MEDIAFLOW_E2E_TIMEOUT_S || 300) * 1000;

if (!TOKEN) {
  console.error('Set MEDIAFLOW_TOKEN (e.g. MEDIAFLOW_TOKEN=$(./mediaflow token alice)).');
  process.exit(2);
}
if (!chromiumPath()) {
  console.error('No Chromium: apt-get install -y chromium chromium-driver, or set CHROMIUM_PATH.');
  process.exit(2);
}

function clip() {
  if (process.env.MEDIAFLOW_CLIP) return process.env.MEDIAFLOW_CLIP;
  const file = join(mkdtempSync(join(tmpdir(), 'mediaflow-e2e-')), 'e2e-clip.mp4');
  // 720p source so the ladder has several rungs (720p, 480p, 360p; no upscaling to 1080p).
  execFileSync(process.env.FFMPEG_PATH || 'ffmpeg', ['-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=25:duration=20', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=20',
    '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', '-movflags', '+faststart', file]);
  return file;
}

let browser;
let page;
let shots;
before(async () => {
  browser = await launch();
  shots = screenshotDir();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((t) => sessionStorage.setItem('mediaflow.token', t), TOKEN);
  page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
});
after(async () => browser?.close());

const shot = (name) => page.screenshot({ path: join(shots, `e2e-${name}.png`), fullPage: true });
const videoHeight = () => page.evaluate(() => document.querySelector('video').videoHeight);

test('upload → READY → play → switch quality, through the page', { timeout: TIMEOUT_MS + 120_000 }, async () => {
  const title = `e2e ${new Date().toISOString()}`;
  await page.goto(`${BASE}/?ingest=${encodeURIComponent(INGEST)}#/`);
  await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.locator('#upload-file').setInputFiles(clip());
  const open = page.locator('.uploads > li').first().getByRole('link', { name: /^Open / });
  await open.waitFor({ timeout: 120_000 });
  await shot('1-uploaded');
  const assetId = (await open.getAttribute('href')).split('/').pop();
  assert.match(assetId, /^[0-9a-f]{24}$/);

  await open.click();
  await page.getByRole('heading', { name: title }).waitFor();
  await page.waitForFunction(() => /^(Ready|Failed)$/.test(document.querySelector('.status-line .badge')?.textContent),
    null, { timeout: TIMEOUT_MS });
  assert.equal(await page.locator('.status-line .badge').innerText(), 'Ready', await page.locator('.alert-slot').innerText());
  await page.waitForFunction(() => document.querySelectorAll('#quality option').length >= 3, null, { timeout: 60_000 });

  // loop, so that on a slow machine the clip cannot end before every quality switch was seen
  await page.evaluate(() => { const v = document.querySelector('video'); v.loop = true; return v.play(); });
  const t1 = await page.evaluate(() => document.querySelector('video').currentTime);
  await page.waitForFunction((t) => document.querySelector('video').currentTime > t + 1, t1, { timeout: 60_000 });
  await shot('2-playing');

  const options = await page.locator('#quality option').allTextContents();
  const renditions = options.filter((o) => /^\d+p$/.test(o));
  assert.ok(renditions.length >= 2, `at least two renditions: ${options}`);
  const [highest, lowest] = [renditions[0], renditions.at(-1)];
  for (const label of [lowest, highest]) {
    await page.getByLabel('Quality').selectOption({ label });
    const h = parseInt(label, 10);
    await page.waitForFunction((height) => document.querySelector('video').videoHeight === height, h, { timeout: 60_000 });
    assert.equal(await videoHeight(), h);
    if (await page.locator('#stats').isHidden()) await page.locator('#stats-toggle').click();
    await shot(`3-quality-${label}`);
  }
  const t2 = await page.evaluate(() => document.querySelector('video').currentTime);
  await page.waitForFunction((t) => document.querySelector('video').currentTime > t, t2, { timeout: 30_000 });
});
