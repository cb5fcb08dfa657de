// A seek bar under the video that shows the storyboard thumbnail of the moment under the pointer
// (or under the knob while dragging or using the arrow keys). Shown only when the asset has a
// storyboard; the native controls stay as they are. The VTT is fetched from its signed URL (no
// Authorization header) and parsed here, since hls.js does not do storyboards.
import { h } from '../dom.js';
import { formatTime } from '../lib/format.js';
import { parseStoryboard, cueAt, timeAtPointer, previewLeft } from '../lib/storyboard.js';

export function storyboardBar(video) {
  const seek = h('input', {
    type: 'range', id: 'seek', min: '0', max: '0', step: '0.1', value: '0',
    'aria-label': 'Seek, with scene previews',
  });
  const picture = h('div', { class: 'storyboard-picture' });
  const time = h('span', { class: 'storyboard-time' });
  const preview = h('div', { class: 'storyboard-preview', hidden: true, 'aria-hidden': 'true' }, picture, time);
  const element = h('div', { class: 'storyboard-bar', hidden: true }, preview, seek);
  let cues = [];
  let url = null;
  let dragging = false;

  async function load(storyboardUrl) {
    url = storyboardUrl || null;
    if (!url) {
      cues = [];
      element.hidden = true;
      return;
    }
    try {
      const response = await fetch(url);
      if (!response.ok || url !== storyboardUrl) return;
      cues = parseStoryboard(await response.text(), new URL(url, window.location.href).href);
    } catch {
      cues = []; // the previews are an extra: the video plays without them
    }
    element.hidden = cues.length === 0;
    sync();
  }

  function sync() {
    if (dragging || !(video.duration > 0) || !Number.isFinite(video.duration)) return;
    seek.max = String(video.duration);
    seek.value = String(video.currentTime);
    seek.setAttribute('aria-valuetext', `${formatTime(video.currentTime)} of ${formatTime(video.duration)}`);
  }

  function show(seconds, x) {
    const cue = cueAt(cues, seconds);
    if (!cue) {
      preview.hidden = true;
      return;
    }
    Object.assign(picture.style, {
      width: `${cue.w}px`,
      height: `${cue.h}px`,
      backgroundImage: `url("${cue.url.replace(/"/g, '%22')}")`,
      backgroundPosition: `-${cue.x}px -${cue.y}px`,
    });
    time.textContent = formatTime(seconds);
    preview.style.left = `${previewLeft(x, seek.clientWidth, cue.w)}px`;
    preview.hidden = false;
  }

  function showAtKnob() {
    const duration = Number(seek.max);
    if (duration > 0) show(Number(seek.value), (Number(seek.value) / duration) * seek.clientWidth);
  }

  seek.addEventListener('pointermove', (e) => {
    const rect = seek.getBoundingClientRect();
    show(timeAtPointer(e.clientX, rect.left, rect.width, Number(seek.max)), e.clientX - rect.left);
  });
  seek.addEventListener('pointerleave', () => { if (!dragging) preview.hidden = true; });
  seek.addEventListener('input', () => {
    dragging = true;
    showAtKnob();
    video.currentTime = Number(seek.value);
  });
  seek.addEventListener('change', () => { dragging = false; });
  seek.addEventListener('pointerup', () => { dragging = false; });
  seek.addEventListener('blur', () => { dragging = false; preview.hidden = true; });
  video.addEventListener('timeupdate', sync);
  video.addEventListener('durationchange', sync);

  return { element, load, cues: () => cues };
}
