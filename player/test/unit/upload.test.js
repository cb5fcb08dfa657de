import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uploadMetadata, titleFromFilename, assetIdFromLocation, fileProblem, speedAndEta } from '../../src/lib/upload.js';

const file = (name, type, size = 10) => ({ name, type, size });

test('tus metadata: filename, filetype, title (from the file name if none), access', () => {
  assert.deepEqual(uploadMetadata(file('my_holiday.mp4', 'video/mp4'), { title: ' Beach ', access: 'public' }),
    { filename: 'my_holiday.mp4', filetype: 'video/mp4', title: 'Beach', access: 'public' });
  assert.deepEqual(uploadMetadata(file('my_holiday.mp4', 'video/mp4')),
    { filename: 'my_holiday.mp4', filetype: 'video/mp4', title: 'my holiday', access: 'private' });
  assert.equal(uploadMetadata(file('x.bin', ''), {}).filetype, 'application/octet-stream');
  assert.equal(uploadMetadata(file('x.mp4', 'video/mp4'), { access: 'everyone' }).access, 'private');
  assert.equal('title' in uploadMetadata(file('.mp4', 'video/mp4')), false);
});

test('titles from file names', () => {
  assert.equal(titleFromFilename('a.b.c.mov'), 'a.b.c');
  assert.equal(titleFromFilename('__x__'), 'x');
  assert.equal(titleFromFilename(undefined), '');
});

test('the asset id is the last segment of the tus Location', () => {
  assert.equal(assetIdFromLocation('http://h:8081/files/65a1b2c3d4e5f60718293a4b'), '65a1b2c3d4e5f60718293a4b');
  assert.equal(assetIdFromLocation('/files/abc/'), 'abc');
  assert.equal(assetIdFromLocation('/files/abc?x=1#y'), 'abc');
  assert.equal(assetIdFromLocation(null), null);
});

test('files refused before sending a byte', () => {
  assert.match(fileProblem(null), /Choose a file/);
  assert.match(fileProblem(file('e.mp4', 'video/mp4', 0)), /empty/);
  assert.match(fileProblem(file('doc.pdf', 'application/pdf')), /application\/pdf; upload a video, audio or image/);
  assert.equal(fileProblem(file('v.mkv', '')), null, 'unknown type: the server sniffs it');
  for (const type of ['video/mp4', 'audio/mpeg', 'image/png']) assert.equal(fileProblem(file('f', type)), null);
});

test('speed and time left', () => {
  assert.deepEqual(speedAndEta(500, 1500, 1000), { bytesPerSecond: 500, etaSeconds: 2 });
  assert.deepEqual(speedAndEta(0, 1500, 1000), { bytesPerSecond: 0, etaSeconds: null });
  assert.deepEqual(speedAndEta(10, 1500, 0), { bytesPerSecond: 0, etaSeconds: null });
});
