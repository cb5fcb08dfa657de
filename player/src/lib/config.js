// Where the page finds its services. Pure: the caller passes what it read from config.json,
// the query string and localStorage, so every precedence rule is unit-tested.

export const DEFAULTS = Object.freeze({
  apiUrl: '',
  ingestUrl: null,
  devProfile: false,
  devTokenUrl: '/api/dev/token',
  pollMs: 3000,
  uploadChunkSize: 8 * 1024 * 1024,
});

export const STORAGE_KEY = 'mediaflow.config';

/** The ingest-gateway runs on its own port (8081 in dev): same host, that port, unless configured. */
export function defaultIngestUrl(location) {
  return `${location.protocol}//${location.hostname}:8081`;
}

function trimSlash(url) {
  return typeof url === 'string' ? url.replace(/\/+$/, '') : url;
}

function positiveNumber(value, fallback) {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/**
 * Precedence, highest first: query parameters (`?ingest=`, `?api=`), values saved in localStorage
 * (the settings form), config.json shipped with the page (or served by api-gateway), defaults.
 */
export function resolveConfig({ file = {}, stored = {}, query = {}, location }) {
  const merged = { ...DEFAULTS, ...clean(file), ...clean(stored) };
  if (query.ingest) merged.ingestUrl = query.ingest;
  if (query.api !== undefined && query.api !== null) merged.apiUrl = query.api;
  return {
    apiUrl: trimSlash(merged.apiUrl || ''),
    ingestUrl: trimSlash(merged.ingestUrl || defaultIngestUrl(location)),
    devProfile: merged.devProfile === true,
    devTokenUrl: merged.devTokenUrl || DEFAULTS.devTokenUrl,
    pollMs: positiveNumber(merged.pollMs, DEFAULTS.pollMs),
    uploadChunkSize: positiveNumber(merged.uploadChunkSize, DEFAULTS.uploadChunkSize),
  };
}

function clean(obj) {
  if (!obj || typeof obj !== 'object') return {};
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== null && v !== undefined));
}
