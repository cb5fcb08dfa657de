// One asset: its state while processing, then the player with quality menu, resume and stats.
import { h, clear, announce, progressBar } from '../dom.js';
import { getAsset, getStream } from '../api.js';
import { statusInfo, notPlayableMessage } from '../lib/status.js';
import { formatTime, formatDate, formatBitrate, formatPercent } from '../lib/format.js';
import { resumePosition, savePosition, forgetPosition } from '../lib/resume.js';
import { Player } from '../player/player.js';
import { storyboardBar } from '../player/storyboard.js';
import { imageSources } from '../lib/images.js';

const SAVE_EVERY_MS = 2000;
const isImage = (asset) => typeof asset?.fileType === 'string' && asset.fileType.startsWith('image/');

export function assetView({ id, config, onApiError }) {
  let asset = null;
  let destroyed = false;
  let pollTimer = null;
  let statsTimer = null;
  let lastSave = 0;
  let linkRefreshes = [];

  const title = h('h1', { id: 'page-title', tabindex: -1 }, 'Loading…');
  const statusLine = h('div', { class: 'status-line' }); // not live: progress changes every poll
  const alert = h('div', { class: 'alert-slot' });
  const video = h('video', { id: 'video', controls: true, playsinline: true, preload: 'metadata', 'aria-label': 'Video player' });
  const quality = h('select', { id: 'quality', disabled: true, 'aria-describedby': 'quality-now' });
  const qualityNow = h('span', { id: 'quality-now', class: 'visually-hidden' });
  const resumeNote = h('p', { class: 'notice', hidden: true });
  const statsToggle = h('button', { type: 'button', id: 'stats-toggle', 'aria-expanded': 'false', 'aria-controls': 'stats' }, 'Show playback stats');
  const statsBox = h('dl', { id: 'stats', class: 'stats', hidden: true });
  const details = h('dl', { class: 'details' });
  const imageFrame = h('figure', { class: 'image-frame', hidden: true });
  const storyboard = storyboardBar(video);
  const playerSection = h('section', { class: 'player stack', 'aria-label': 'Player', hidden: true },
    h('div', { class: 'video-frame' }, video),
    storyboard.element,
    h('div', { class: 'player-controls row' },
      h('div', { class: 'field inline' }, h('label', { for: 'quality' }, 'Quality'), quality, qualityNow),
      statsToggle),
    resumeNote,
    statsBox);

  const player = new Player(video, {
    onOptions(options, selected) {
      const same = quality.options.length === options.length
        && options.every((o, i) => quality.options[i].value === String(o.value));
      // Same renditions: only relabel ("Auto (720p)"), so a person on the menu is not disturbed.
      if (same) options.forEach((o, i) => { quality.options[i].textContent = o.label; });
      else clear(quality, options.map((o) => h('option', { value: String(o.value) }, o.label)));
      quality.value = String(selected);
      quality.disabled = options.length < 2;
      qualityNow.textContent = options.find((o) => String(o.value) === String(selected))?.label || '';
    },
    onError: playbackError,
  });

  quality.addEventListener('change', () => {
    player.setQuality(quality.value);
    announce(`Quality: ${quality.selectedOptions[0]?.textContent}`);
  });
  statsToggle.addEventListener('click', () => toggleStats(statsBox.hidden));

  video.addEventListener('timeupdate', () => {
    if (Date.now() - lastSave < SAVE_EVERY_MS) return;
    lastSave = Date.now();
    savePosition(localStorage, id, video.currentTime, video.duration);
  });
  video.addEventListener('pause', () => savePosition(localStorage, id, video.currentTime, video.duration));
  video.addEventListener('ended', () => forgetPosition(localStorage, id));
  video.addEventListener('playing', () => clear(alert));
  const onPageHide = () => savePosition(localStorage, id, video.currentTime, video.duration);
  window.addEventListener('pagehide', onPageHide);

  async function load() {
    try {
      const previous = asset;
      asset = await getAsset(id);
      if (destroyed) return;
      render(previous);
      const info = statusInfo(asset.status);
      if (info.playable && isImage(asset)) showImage();
      else if (info.playable && !player.stream) await startPlayback(resumePosition(localStorage, id, asset.duration));
      else if (info.playable && asset.status === 'READY' && previous?.status === 'PLAYABLE') await addNewRenditions();
      if (!info.settled) pollTimer = setTimeout(load, config.pollMs);
    } catch (e) {
      if (destroyed || onApiError(e)) return;
      title.textContent = asset?.title || 'This asset cannot be shown';
      showAlert(e.message, () => load());
    }
  }

  function render(previous) {
    const info = statusInfo(asset.status);
    title.textContent = asset.title || 'Untitled';
    document.title = `${asset.title || 'Untitled'} · mediaflow`;
    const note = notPlayableMessage(asset);
    if (previous && previous.status !== asset.status) announce(`Status: ${info.label}`);
    clear(statusLine,
      h('span', { class: `badge ${info.tone}` }, info.label),
      info.settled ? null : h('span', { class: 'progress-row' }, progressBar(asset.progress, `${asset.title || 'Asset'} progress`), formatPercent(asset.progress)));
    if (asset.status === 'FAILED') showAlert(note);
    else if (note) clear(alert, h('p', { class: 'notice' }, note));
    else if (previous && !statusInfo(previous.status).playable) clear(alert);
    playerSection.hidden = !info.playable || isImage(asset);
    renderDetails();
  }

  function renderDetails() {
    const rows = [
      ['Description', asset.description],
      ['Owner', asset.owner],
      ['Who can see it', asset.access],
      ['Uploaded', formatDate(asset.createdAt)],
      ['Duration', asset.duration ? formatTime(asset.duration) : null],
      ['Type', asset.fileType],
      ['Renditions', (asset.variants || []).map((v) => `${v.profile} (${v.width}×${v.height}, ${formatBitrate(v.bitrate)})`).join(', ') || null],
    ];
    clear(details, rows.filter(([, v]) => v).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
  }

  /** Images have no HLS: show the largest variant (or the thumbnail) instead of a player. */
  function showImage() {
    const sources = imageSources(asset.variants, asset.thumbnailUrl);
    if (!sources || imageFrame.querySelector('img')?.getAttribute('src') === sources.src) return;
    clear(imageFrame, h('img', {
      src: sources.src,
      srcset: sources.srcset || null,
      sizes: sources.srcset ? '(max-width: 60rem) 100vw, 60rem' : null,
      alt: asset.description || asset.title || 'The uploaded image',
    }));
    imageFrame.hidden = false;
  }

  /** Plays a stream response: the video, and the storyboard previews when it has one. */
  function play(stream, startAt) {
    player.load(stream, startAt);
    storyboard.load(stream.storyboardUrl);
  }

  async function startPlayback(startAt) {
    const stream = await getStream(id);
    if (destroyed) return;
    play(stream, startAt || 0);
    if (startAt) {
      clear(resumeNote, `Continuing from ${formatTime(startAt)}. `,
        h('button', { type: 'button', class: 'link', onclick: () => {
          video.currentTime = 0;
          forgetPosition(localStorage, id);
          resumeNote.hidden = true;
          video.focus();
        } }, 'Start from the beginning'));
      resumeNote.hidden = false;
    }
    video.play().catch(() => { /* autoplay refused: the person presses play */ });
  }

  /** PLAYABLE → READY: the master playlist now lists more qualities; reload where we are. */
  async function addNewRenditions() {
    if (player.levelCount() >= (asset.variants || []).length) return;
    const { currentTime, paused } = video;
    const stream = await getStream(id);
    if (destroyed) return;
    play(stream, currentTime);
    if (!paused) video.play().catch(() => {});
    announce('More qualities are available now.');
  }

  async function playbackError(message, { expired, retry } = {}) {
    if (expired) {
      // Signed links expire: fetch fresh ones and go on, unless that keeps failing.
      const now = Date.now();
      linkRefreshes = linkRefreshes.filter((t) => now - t < 60_000);
      if (linkRefreshes.length < 2) {
        linkRefreshes.push(now);
        try {
          const { currentTime, paused } = video;
          const stream = await getStream(id);
          if (destroyed) return;
          play(stream, currentTime);
          if (!paused) video.play().catch(() => {});
          return;
        } catch (e) {
          if (onApiError(e)) return;
          showAlert(e.message, () => startPlayback(video.currentTime));
          return;
        }
      }
      showAlert(`${message} Getting a new one did not help; reload the page.`, () => startPlayback(video.currentTime));
      return;
    }
    showAlert(message, retry ? () => startPlayback(video.currentTime) : null);
  }

  function showAlert(message, onRetry) {
    clear(alert, h('div', { class: 'error', role: 'alert' },
      h('p', {}, message),
      onRetry ? h('button', { type: 'button', onclick: () => { clear(alert); onRetry(); } }, 'Try again') : null));
  }

  function toggleStats(show) {
    statsBox.hidden = !show;
    statsToggle.setAttribute('aria-expanded', String(show));
    statsToggle.textContent = show ? 'Hide playback stats' : 'Show playback stats';
    clearInterval(statsTimer);
    if (show) {
      renderStats();
      statsTimer = setInterval(renderStats, 1000);
    }
  }

  function renderStats() {
    const s = player.stats();
    clear(statsBox, [
      ['Resolution', s.resolution], ['Bitrate', s.bitrate], ['Estimated bandwidth', s.bandwidth],
      ['Buffer ahead', s.buffer], ['Dropped frames', s.droppedFrames],
    ].map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', { dataset: { stat: k } }, v))));
  }

  load();
  const element = h('article', { class: 'stack' },
    h('p', {}, h('a', { href: '#/' }, '← Library')),
    title, statusLine, alert, playerSection, imageFrame,
    h('section', { 'aria-labelledby': 'details-title' }, h('h2', { id: 'details-title' }, 'Details'), details));

  return {
    element,
    destroy() {
      destroyed = true;
      clearTimeout(pollTimer);
      clearInterval(statsTimer);
      if (player.stream) savePosition(localStorage, id, video.currentTime, video.duration);
      window.removeEventListener('pagehide', onPageHide);
      player.destroy();
    },
  };
}
