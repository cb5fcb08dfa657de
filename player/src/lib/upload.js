// What an upload sends and how its answers read; the tus-js-client wiring lives in src/upload.js.

export const ACCESS_VALUES = ['private', 'unlisted', 'public'];
export const ACCEPT = 'video/*,audio/*,image/*';

/** tus Upload-Metadata keys from DESIGN.md: filename, filetype, optional title and access. */
export function uploadMetadata(file, { title = '', access = 'private' } = {}) {
  const meta = { filename: file.name, filetype: file.type || 'application/octet-stream' };
  const t = (title || '').trim() || titleFromFilename(file.name);
  if (t) meta.title = t;
  meta.access = ACCESS_VALUES.includes(access) ? access : 'private';
  return meta;
}

export function titleFromFilename(name) {
  return (name || '').replace(/\.[^.]+$/, '').replace(/[_]+/g, ' ').trim();
}

/** The tus Location's last path segment is the asset id. */
export function assetIdFromLocation(url) {
  if (!url) return null;
  const path = String(url).split(/[?#]/)[0].replace(/\/+$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last || null;
}

/** A quick check before sending bytes; the server decides for real. */
export function fileProblem(file) {
  if (!file) return 'Choose a file to upload.';
  if (file.size === 0) return `"${file.name}" is empty.`;
  if (file.type && !/^(video|audio|image)\//.test(file.type)) {
    return `"${file.name}" is ${file.type}; upload a video, audio or image file.`;
  }
  return null;
}

export function speedAndEta(bytesSent, bytesTotal, elapsedMs) {
  if (!(elapsedMs > 0) || !(bytesSent > 0)) return { bytesPerSecond: 0, etaSeconds: null };
  const bytesPerSecond = (bytesSent / elapsedMs) * 1000;
  return { bytesPerSecond, etaSeconds: Math.max(0, (bytesTotal - bytesSent) / bytesPerSecond) };
}
