// Storyboard thumbnails: a WebVTT whose cues name a region of a sprite image
// ("sprite.jpg#xywh=x,y,w,h", relative to the VTT, or already absolute as the gateway signs them).
// hls.js does not show these, so the page parses them itself. Pure functions, unit-tested.

const TIMING = /^(\S+)\s+-->\s+(\S+)/;
const XYWH = /#xywh=(\d+),(\d+),(\d+),(\d+)$/;

/** "01:02:03.500", "02:03.500" or "3.5" → seconds; NaN if it is none of these. */
export function parseTimestamp(text) {
  const parts = String(text).trim().split(':');
  if (parts.length > 3 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) return NaN;
  return parts.reduce((total, p) => total * 60 + Number(p), 0);
}

/**
 * The cues of a storyboard WebVTT, sorted by start: [{start, end, url, x, y, w, h}]. `url` is the
 * sprite resolved against `baseUrl` (the VTT's own URL), without the fragment. Cues whose payload
 * has no valid xywh fragment are left out.
 */
export function parseStoryboard(vtt, baseUrl) {
  const cues = [];
  const lines = String(vtt || '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i += 1) {
    const timing = TIMING.exec(lines[i]);
    if (!timing) continue;
    const payload = (lines[i + 1] || '').trim();
    const region = XYWH.exec(payload);
    const start = parseTimestamp(timing[1]);
    const end = parseTimestamp(timing[2]);
    if (!region || Number.isNaN(start) || Number.isNaN(end) || end <= start) continue;
    let url;
    try {
      url = new URL(payload.slice(0, region.index), baseUrl).href;
    } catch {
      continue;
    }
    const [x, y, w, h] = region.slice(1).map(Number);
    if (w === 0 || h === 0) continue;
    cues.push({ start, end, url, x, y, w, h });
  }
  return cues.sort((a, b) => a.start - b.start);
}

/** The cue showing at `time` (binary search); before the first or after the last, the nearest one. */
export function cueAt(cues, time) {
  if (!cues || cues.length === 0 || Number.isNaN(time)) return null;
  let lo = 0;
  let hi = cues.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (cues[mid].start <= time) lo = mid;
    else hi = mid - 1;
  }
  return cues[lo];
}

/** Where the pointer is over a bar, as a time: clamped to [0, duration]. */
export function timeAtPointer(clientX, barLeft, barWidth, duration) {
  if (!(barWidth > 0) || !(duration > 0)) return 0;
  const fraction = Math.min(1, Math.max(0, (clientX - barLeft) / barWidth));
  return fraction * duration;
}

/**
 * Where to put a preview of `previewWidth` centred over the pointer on a bar of `barWidth`, kept
 * inside the bar: the left offset in px relative to the bar.
 */
export function previewLeft(pointerX, barWidth, previewWidth) {
  const left = pointerX - previewWidth / 2;
  return Math.max(0, Math.min(barWidth - previewWidth, left));
}
