// Reading a JWT on the client is for telling the person who they are and when to sign in again;
// the servers verify the signature. Nothing here trusts the token.

export function decodeJwt(token) {
  if (typeof token !== 'string') return null;
  const parts = token.trim().split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const json = base64UrlDecode(parts[1]);
    const payload = JSON.parse(json);
    return payload && typeof payload === 'object' ? payload : null;
  } catch {
    return null;
  }
}

function base64UrlDecode(s) {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(s.length / 4) * 4, '=');
  const binary = atob(b64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** null when usable, else why not: 'missing' | 'malformed' | 'expired'. */
export function tokenProblem(token, nowSeconds) {
  if (!token || !token.trim()) return 'missing';
  const payload = decodeJwt(token);
  if (!payload) return 'malformed';
  if (typeof payload.exp === 'number' && payload.exp <= nowSeconds) return 'expired';
  return null;
}

export function tokenSummary(token) {
  const p = decodeJwt(token) || {};
  const roles = Array.isArray(p.roles) ? p.roles : typeof p.roles === 'string' ? p.roles.split(/[ ,]+/) : [];
  return {
    user: typeof p.sub === 'string' ? p.sub : null,
    admin: roles.includes('admin'),
    expiresAt: typeof p.exp === 'number' ? new Date(p.exp * 1000) : null,
  };
}

export const PROBLEM_MESSAGES = Object.freeze({
  missing: 'Sign in with an access token to see your library.',
  malformed: 'That does not look like an access token (a JWT has three parts separated by dots).',
  expired: 'Your access token has expired. Sign in again with a new one.',
});
