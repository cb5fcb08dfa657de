// Hash routes: the server serves only `/` publicly, so views live after the `#`.
//   #/            library
//   #/assets/ID   one asset with its player
//   #/signin      sign in (optional ?next=<hash>)

const ASSET = /^\/assets\/([A-Za-z0-9_-]{1,64})\/?$/;

export function parseRoute(hash) {
  const raw = (hash || '').replace(/^#/, '') || '/';
  const [path, queryString = ''] = raw.split('?');
  const params = Object.fromEntries(new URLSearchParams(queryString));
  const m = ASSET.exec(path);
  if (m) return { name: 'asset', id: m[1], params };
  if (path === '/signin') return { name: 'signin', params };
  if (path === '/' || path === '') return { name: 'library', params };
  return { name: 'notfound', params, path };
}

export const assetHref = (id) => `#/assets/${encodeURIComponent(id)}`;
export const signinHref = (next) =>
  next && next !== '#/signin' ? `#/signin?next=${encodeURIComponent(next)}` : '#/signin';

/** Only our own hash routes are accepted as a place to return to after sign-in. */
export function safeNext(next) {
  return typeof next === 'string' && next.startsWith('#/') && !next.startsWith('#/signin') ? next : '#/';
}
