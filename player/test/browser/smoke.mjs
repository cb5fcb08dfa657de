// Browser smoke test of the built page against a mock of the public APIs (no backend needed):
// sign-in, library, upload with pause/resume, player with quality menu, resume, stats, errors,
// keyboard order and a 375 px wide screen. Screenshots go to target/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMockServer, ASSETS } from './mock-server.mjs';
import { chromiumPath, launch, screenshotDir, fakeJwt } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', 'target', 'classes', 'META-INF', 'resources');
const fixtures = join(here, '..', 'fixtures', 'hls');
const [READY, PROCESSING, FAILED, IMAGE] = ASSETS;
const TOKEN = fakeJwt({ sub: 'alice', roles: ['user'], exp: Math.floor(Date.now() / 1000) + 3600 });
const EXPIRED = fakeJwt({ sub: 'alice', exp: Math.floor(Date.now() / 1000) - 60 });

// Without Chromium every test is reported as skipped, saying why (MEDIAFLOW_REQUIRE_BROWSER=true: fail).
const SKIP = chromiumPath() ? false
  : 'no Chromium at /usr/bin/chromium (apt-get install -y chromium chromium-driver, or set CHROMIUM_PATH)';
if (SKIP && process.env.MEDIAFLOW_REQUIRE_BROWSER === 'true') throw new Error(SKIP);
if (!SKIP && !existsSync(join(root, 'index.html'))) throw new Error(`No built page at ${root}: run "npm run build" first.`);
const browserTest = (name, fn) => test(name, { skip: SKIP }, fn);

let server;
let browser;
let shots;
before(async () => {
  if (SKIP) return;
  server = await startMockServer({ root, fixtures });
  browser = await launch();
  shots = screenshotDir();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage({ width = 1280, height = 900, token = TOKEN, hash = '#/' } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  if (token) await context.addInitScript((t) => sessionStorage.setItem('mediaflow.token', t), token);
  await page.goto(`${server.url}/?ingest=${encodeURIComponent(server.url)}${hash}`);
  return page;
}

const shot = (page, name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

browserTest('without a token the page asks to sign in, refuses a malformed token and accepts a valid one', async () => {
  const page = await openPage({ token: null });
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  assert.match(page.url(), /#\/signin/);
  await page.getByLabel('Access token (JWT)').fill('not-a-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'does not look like an access token' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Use a dev token' }).count(), 0, 'dev token button only with devProfile');
  await shot(page, '01-signin');
  await page.getByLabel('Access token (JWT)').fill(TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
  await page.getByText('Signed in as').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

browserTest('the library lists assets with thumbnails, status, progress and failure reasons', async () => {
  const page = await openPage();
  const cards = page.locator('#library-list > li');
  await cards.nth(3).waitFor();
  assert.equal(await cards.count(), 4);
  const ready = cards.filter({ hasText: READY.title });
  assert.equal(await ready.locator('img').count(), 1, 'thumbnail shown');
  assert.match(await ready.innerText(), /Ready/);
  assert.match(await ready.innerText(), /Yours/);
  const processing = cards.filter({ hasText: PROCESSING.title });
  assert.equal(await processing.locator('progress').getAttribute('value'), '40');
  assert.match(await cards.filter({ hasText: FAILED.title }).innerText(), /not a video, audio or image we can read \(MEDIA_UNREADABLE\)/);
  assert.match(await page.locator('.pager').innerText(), /Page 1 of 1 · 4 items/);
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await shot(page, '02-library');
  await page.getByLabel('Search titles').fill('holiday');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#library-list > li').length === 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

browserTest('keyboard: focus order follows the page and every control has a name', async () => {
  const page = await openPage();
  await page.locator('#library-list > li').nth(2).waitFor();
  const order = [];
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => {
      const el = document.activeElement;
      const label = el.labels?.[0]?.textContent || el.getAttribute('aria-label') || el.textContent;
      return `${el.tagName.toLowerCase()}:${(label || '').trim().replace(/\s+/g, ' ').slice(0, 40)}`;
    }));
  }
  assert.deepEqual(order.slice(0, 8), [
    'a:Skip to content', 'a:mediaflow', 'button:Sign out', 'input:Title', 'select:Who can see it',
    'input:Choose a file…', 'input:Search titles', 'select:Status',
  ]);
  assert.ok(order.includes(`a:${READY.title}`), `asset links reachable: ${order.join(' | ')}`);
  const unnamed = await page.evaluate(() => [...document.querySelectorAll('button, input, select, textarea, a[href], progress')]
    .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.textContent.trim() || el.getAttribute('aria-hidden')))
    .map((el) => el.outerHTML.slice(0, 80)));
  assert.deepEqual(unnamed, []);
  await page.context().close();
});

browserTest('upload by file picker: progress, pause, resume, done, with tus metadata and the bearer token', async () => {
  const page = await openPage();
  await page.getByLabel('Title', { exact: true }).fill('My first upload');
  await page.getByLabel('Who can see it').selectOption('public');
  const bytes = Buffer.alloc(2 * 1024 * 1024, 7); // 8 chunks of 256 KiB at 150 ms each
  await page.locator('#upload-file').setInputFiles({ name: 'clip.mp4', mimeType: 'video/mp4', buffer: bytes });
  const item = page.locator('.uploads > li').first();
  await page.waitForFunction(() => Number(document.querySelector('.uploads progress')?.value) >= 20);
  await item.getByRole('button', { name: 'Pause upload of clip.mp4' }).click();
  await item.getByText(/Paused at/).waitFor();
  await shot(page, '03-upload-paused');
  const pausedAt = Number(await item.locator('progress').getAttribute('value'));
  assert.ok(pausedAt < 100, `paused before the end (${pausedAt}%)`);
  await item.getByRole('button', { name: 'Resume upload of clip.mp4' }).click();
  await item.getByText('Uploaded. Processing starts now.').waitFor({ timeout: 20000 });
  const upload = server.seen.uploads.at(-1);
  assert.deepEqual(upload.meta, { filename: 'clip.mp4', filetype: 'video/mp4', title: 'My first upload', access: 'public' });
  assert.equal(upload.offset, bytes.length);
  const offsets = upload.patchOffsets;
  assert.ok(offsets.every((o, i) => i === 0 || o > offsets[i - 1]), `resumed where it stopped, never from 0 again: ${offsets}`);
  assert.equal(upload.auth, `Bearer ${TOKEN}`);
  assert.equal(await item.getByRole('link', { name: 'Open clip.mp4' }).getAttribute('href'), `#/assets/${upload.id}`);
  await shot(page, '04-upload-done');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

browserTest('upload by drag and drop', async () => {
  const page = await openPage();
  const zone = page.locator('#dropzone');
  await zone.waitFor();
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(300 * 1024)], 'dropped.webm', { type: 'video/webm' }));
    return dt;
  });
  await zone.dispatchEvent('dragover', { dataTransfer });
  assert.equal(await zone.evaluate((el) => el.classList.contains('over')), true, 'drop target highlighted');
  await zone.dispatchEvent('drop', { dataTransfer });
  await page.locator('.uploads > li').filter({ hasText: 'dropped.webm' }).getByText('Uploaded. Processing starts now.').waitFor({ timeout: 20000 });
  assert.deepEqual(server.seen.uploads.at(-1).meta, { filename: 'dropped.webm', filetype: 'video/webm', title: 'dropped', access: 'private' });
  // A file that is not media is refused before a byte is sent.
  const pdf = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['%PDF'], 'notes.pdf', { type: 'application/pdf' }));
    return dt;
  });
  await zone.dispatchEvent('drop', { dataTransfer: pdf });
  await page.getByRole('alert').filter({ hasText: 'upload a video, audio or image file' }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

browserTest('the player plays, lists Auto and each rendition, switches quality, shows stats and resumes', async () => {
  const page = await openPage({ hash: `#/assets/${READY.id}` });
  await page.getByRole('heading', { name: READY.title }).waitFor();
  const quality = page.getByLabel('Quality');
  await page.waitForFunction(() => document.querySelectorAll('#quality option').length === 3);
  const labels = await quality.locator('option').allTextContents();
  assert.match(labels[0], /^Auto/);
  assert.deepEqual(labels.slice(1), ['360p', '180p']);
  await page.waitForFunction(() => document.querySelector('video').currentTime > 1, null, { timeout: 20000 });
  await quality.selectOption({ label: '180p' });
  await page.waitForFunction(() => document.querySelector('video').videoHeight === 180, null, { timeout: 20000 });
  await quality.selectOption({ label: '360p' });
  await page.waitForFunction(() => document.querySelector('video').videoHeight === 360, null, { timeout: 20000 });
  await page.getByRole('button', { name: 'Show playback stats' }).click();
  assert.equal(await page.locator('#stats-toggle').getAttribute('aria-expanded'), 'true');
  await page.waitForFunction(() => document.querySelector('[data-stat="Resolution"]')?.textContent === '640×360');
  assert.match(await page.locator('[data-stat="Bitrate"]').innerText(), /kbps/);
  assert.match(await page.locator('[data-stat="Buffer ahead"]').innerText(), /s$/);
  assert.match(await page.locator('[data-stat="Dropped frames"]').innerText(), /\d/);
  await page.waitForFunction(() => document.querySelector('video').currentTime > 6, null, { timeout: 20000 });
  await page.evaluate(() => document.querySelector('video').pause());
  await shot(page, '05-player');
  const saved = JSON.parse(await page.evaluate((id) => localStorage.getItem(`mediaflow.resume.${id}`), READY.id));
  assert.ok(saved.t > 5, `position saved (${saved.t})`);
  // Back to the library and again to the asset: it continues where it was.
  await page.getByRole('link', { name: '← Library' }).click();
  await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
  await page.getByRole('link', { name: READY.title }).click();
  await page.getByText(/Continuing from 0:0\d/).waitFor();
  await page.waitForFunction((t) => document.querySelector('video').currentTime >= t - 0.5, saved.t, { timeout: 20000 });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

browserTest('keyboard on the asset page: order, quality menu and stats toggle without a mouse', async () => {
  const page = await openPage({ hash: `#/assets/${READY.id}` });
  await page.waitForFunction(() => document.querySelectorAll('#quality option').length === 3);
  const order = [];
  // The video's own controls (play, time, volume, full screen…) take several Tabs inside the element.
  for (let i = 0; i < 20 && order.at(-1) !== 'button:Show playback stats'; i += 1) {
    await page.keyboard.press('Tab');
    const now = await page.evaluate(() => {
      const el = document.activeElement;
      return `${el.tagName.toLowerCase()}:${(el.labels?.[0]?.textContent || el.getAttribute('aria-label') || el.textContent).trim()}`;
    });
    if (order.at(-1) !== now) order.push(now);
  }
  assert.deepEqual(order, ['a:Skip to content', 'a:mediaflow', 'button:Sign out', 'a:← Library', 'video:Video player',
    'select:Quality', 'button:Show playback stats']);
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#stats').isVisible(), true);
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'quality');
  await page.keyboard.press('ArrowDown'); // Auto → 360p, the next entry
  await page.waitForFunction(() => document.querySelector('#quality').selectedOptions[0].textContent === '360p');
  await page.waitForFunction(() => document.querySelector('video').videoHeight === 360, null, { timeout: 20000 });
  await page.context().close();
});

browserTest('a storyboard shows the scene under the pointer over the seek bar, and under the knob from the keyboard', async () => {
  server.storyboards.add(READY.id);
  try {
    const page = await openPage({ hash: `#/assets/${READY.id}` });
    const seek = page.getByRole('slider', { name: 'Seek, with scene previews' });
    await seek.waitFor();
    await page.waitForFunction(() => Number(document.querySelector('#seek').max) > 8, null, { timeout: 20000 });
    await page.evaluate(() => document.querySelector('video').pause());
    const box = await seek.boundingBox();
    const duration = await page.evaluate(() => Number(document.querySelector('#seek').max));
    // 6 s in: the second cue, tile x=160 of the sprite the VTT names relatively
    await page.mouse.move(box.x + (box.width * 6) / duration, box.y + box.height / 2);
    const preview = page.locator('.storyboard-preview');
    await preview.waitFor({ state: 'visible' });
    const style = await page.locator('.storyboard-picture').evaluate((el) => ({ image: el.style.backgroundImage, position: el.style.backgroundPosition }));
    assert.match(style.image, /\/storyboard\/[0-9a-f]+\/sprite\.svg/);
    assert.equal(style.position, '-160px 0px');
    assert.equal(await page.locator('.storyboard-time').innerText(), '0:06');
    await shot(page, '05b-storyboard');
    await page.mouse.move(box.x + box.width / 2, box.y - 200);
    await preview.waitFor({ state: 'hidden' });
    // keyboard: the preview follows the knob, and the video seeks with it
    await seek.focus();
    await page.keyboard.press('End');
    await preview.waitFor({ state: 'visible' });
    assert.equal(await page.locator('.storyboard-picture').evaluate((el) => el.style.backgroundPosition), '-320px 0px');
    await page.waitForFunction(() => document.querySelector('video').currentTime > 8);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  } finally {
    server.storyboards.delete(READY.id);
  }
});

browserTest('an expired playback link is renewed without the person noticing', async () => {
  const page = await openPage({ hash: '#/' });
  await page.locator('#library-list > li').nth(2).waitFor();
  server.expiredSignatures.add(String(server.seen.streamRequests + 1)); // the next link handed out is already stale
  const before = server.seen.streamRequests;
  await page.getByRole('link', { name: READY.title }).click();
  await page.waitForFunction(() => document.querySelector('video').currentTime > 1, null, { timeout: 20000 });
  assert.equal(server.seen.streamRequests, before + 2, 'a second /media/{id}/stream call fetched fresh links');
  assert.equal(await page.getByRole('alert').count(), 0, 'no error shown');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

browserTest('clear errors (not ready yet, failed with its reason, malformed id, expired token, server-side 401); an image is shown, not played', async () => {
  const page = await openPage({ hash: `#/assets/${PROCESSING.id}` });
  await page.getByText('Not ready yet: processing, 40% done.').waitFor();
  assert.equal(await page.locator('.player').isHidden(), true);
  await shot(page, '06-not-ready');
  await page.goto(`${server.url}/#/assets/${FAILED.id}`);
  await page.getByRole('alert').filter({ hasText: 'Processing failed: The file is not a video, audio or image we can read (MEDIA_UNREADABLE)' }).waitFor();
  await shot(page, '07-failed');
  await page.goto(`${server.url}/#/assets/nonexistent000000000000000`);
  await page.getByRole('alert').filter({ hasText: 'Malformed asset id' }).waitFor();
  await page.goto(`${server.url}/#/assets/${IMAGE.id}`);
  await page.getByRole('img', { name: IMAGE.description }).waitFor();
  assert.equal(await page.locator('.player').isHidden(), true, 'an image gets no video player');
  await page.context().close();

  const expired = await openPage({ token: EXPIRED, hash: `#/assets/${READY.id}` });
  await expired.getByText('Your access token has expired. Sign in again with a new one.').waitFor();
  assert.match(expired.url(), /#\/signin\?next=/);
  await expired.getByLabel('Access token (JWT)').fill(TOKEN);
  await expired.getByRole('button', { name: 'Sign in' }).click();
  await expired.getByRole('heading', { name: READY.title }).waitFor(); // back where they were going
  await expired.context().close();

  const revoked = await openPage({ token: fakeJwt({ sub: 'alice', revoked: true, exp: 4102444800 }) });
  await revoked.getByText('Your sign-in has expired or is not valid. Sign in again.').waitFor();
  await revoked.context().close();
});

browserTest('works 375 px wide without sideways scrolling', async () => {
  const page = await openPage({ width: 375, height: 812 });
  await page.locator('#library-list > li').nth(2).waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'no horizontal overflow on the library');
  await shot(page, '08-library-375');
  await page.goto(`${server.url}/#/assets/${READY.id}`);
  await page.waitForFunction(() => document.querySelectorAll('#quality option').length === 3);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'no horizontal overflow on the player');
  await shot(page, '09-player-375');
  await page.context().close();
});
