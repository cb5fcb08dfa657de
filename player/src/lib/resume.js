// Remember where each asset was left, so coming back continues there. Storage is injected
// (localStorage in the page, a Map-backed fake in tests).

const PREFIX = 'mediaflow.resume.';
export const MIN_POSITION = 5; // seconds: earlier than this, starting over is what people expect
export const END_MARGIN = 10; // seconds at most: the last 5 % + 1 s (up to this) counts as finished
export const MAX_ENTRIES = 100;

export function shouldRemember(position, duration) {
  if (!Number.isFinite(position) || position < MIN_POSITION) return false;
  if (Number.isFinite(duration) && duration > 0 && position >= duration - Math.min(END_MARGIN, duration * 0.05 + 1)) return false;
  return true;
}

export function savePosition(storage, assetId, position, duration, now = Date.now()) {
  const key = PREFIX + assetId;
  try {
    if (!shouldRemember(position, duration)) {
      storage.removeItem(key);
      return;
    }
    storage.setItem(key, JSON.stringify({ t: Math.floor(position * 10) / 10, d: duration || null, at: now }));
    prune(storage);
  } catch {
    // Storage full or disabled (private mode): resuming is a convenience, playback goes on.
  }
}

/** Seconds to start from, or null to start at 0. */
export function resumePosition(storage, assetId, duration) {
  try {
    const raw = storage.getItem(PREFIX + assetId);
    if (!raw) return null;
    const { t } = JSON.parse(raw);
    return shouldRemember(t, duration) ? t : null;
  } catch {
    return null;
  }
}

export function forgetPosition(storage, assetId) {
  try {
    storage.removeItem(PREFIX + assetId);
  } catch {
    /* see savePosition */
  }
}

/** Keep the MAX_ENTRIES most recent, so years of viewing do not fill the origin's storage. */
export function prune(storage, max = MAX_ENTRIES) {
  const entries = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key && key.startsWith(PREFIX)) {
      let at = 0;
      try {
        at = JSON.parse(storage.getItem(key)).at || 0;
      } catch {
        /* unreadable: oldest */
      }
      entries.push({ key, at });
    }
  }
  if (entries.length <= max) return;
  entries.sort((a, b) => a.at - b.at);
  entries.slice(0, entries.length - max).forEach(({ key }) => storage.removeItem(key));
}
