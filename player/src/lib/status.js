// What an asset's status means to the person looking at it. Statuses come from DESIGN.md:
// UPLOADING → PROCESSING → PLAYABLE (first rendition ready) → READY, or FAILED.

const INFO = Object.freeze({
  UPLOADING: { label: 'Uploading', tone: 'busy', playable: false, settled: false },
  PROCESSING: { label: 'Processing', tone: 'busy', playable: false, settled: false },
  PLAYABLE: { label: 'Playable, more qualities coming', tone: 'ok', playable: true, settled: false },
  READY: { label: 'Ready', tone: 'ok', playable: true, settled: true },
  FAILED: { label: 'Failed', tone: 'bad', playable: false, settled: true },
});

export function statusInfo(status) {
  return INFO[status] || { label: status ? String(status) : 'Unknown', tone: 'busy', playable: false, settled: false };
}

/** Whether a list or page showing these assets should keep polling for changes. */
export function needsPolling(assets) {
  return Array.isArray(assets) && assets.some((a) => a && !statusInfo(a.status).settled);
}

/** The asset's error may be a string or {code, reason} (the projection's shape); show both parts. */
export function failureText(error) {
  if (!error) return 'The server did not say why.';
  if (typeof error === 'string') return error;
  const reason = error.reason || error.message || error.error;
  const code = error.code;
  if (reason && code) return `${reason} (${code})`;
  return reason || code || 'The server did not say why.';
}

/** One sentence for the asset page when the asset cannot be played (yet). */
export function notPlayableMessage(asset) {
  switch (asset?.status) {
    case 'UPLOADING':
      return `Not ready yet: the upload is still in progress (${pct(asset.progress)}). This page updates by itself.`;
    case 'PROCESSING':
      return `Not ready yet: processing, ${pct(asset.progress)} done. Playback starts as soon as the first quality is ready.`;
    case 'FAILED':
      return `Processing failed: ${failureText(asset.error)}`;
    default:
      return null;
  }
}

function pct(progress) {
  const n = Number(progress);
  return Number.isFinite(n) ? `${Math.round(Math.min(100, Math.max(0, n)))}%` : '0%';
}
