import { test } from 'node:test';
import assert from 'node:assert/strict';
import { imageSources } from '../../src/lib/images.js';

test('the largest variant is the picture; every sized variant is in srcset, smallest first', () => {
  assert.deepEqual(imageSources([
    { profile: 'image-640', width: 640, height: 360, url: '/s' },
    { profile: 'image-1920', width: 1920, height: 1080, url: '/l' },
    { profile: 'image-1280', width: 1280, height: 720, url: '/m' },
  ], '/t'), { src: '/l', srcset: '/s 640w, /m 1280w, /l 1920w' });
});

test('one variant: no srcset; none: the thumbnail; nothing at all: null', () => {
  assert.deepEqual(imageSources([{ width: 800, height: 600, url: '/only' }], '/t'), { src: '/only', srcset: '' });
  assert.deepEqual(imageSources([{ profile: 'image', url: null }], '/t'), { src: '/t', srcset: '' });
  assert.deepEqual(imageSources(undefined, '/t'), { src: '/t', srcset: '' });
  assert.equal(imageSources([], null), null);
});

test('variants without sizes still give a picture', () => {
  assert.deepEqual(imageSources([{ url: '/a' }, { url: '/b' }], null), { src: '/a', srcset: '' });
});
