// Calls to api-gateway with the bearer token; every failure becomes an ApiError with a message
// a person can act on. A 401 (or a token that expired meanwhile) sends them to sign in again.
import { describeFailure, ApiError } from './lib/errors.js';
import { PROBLEM_MESSAGES } from './lib/token.js';
import { getToken, currentProblem } from './session.js';

let config = { apiUrl: '' };
export function configureApi(c) {
  config = c;
}

export async function apiGet(path, { signal } = {}) {
  const problem = currentProblem();
  if (problem) throw new ApiError(401, `TOKEN_${problem.toUpperCase()}`, PROBLEM_MESSAGES[problem], 'signin');
  let response;
  try {
    response = await fetch(config.apiUrl + path, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${getToken()}` },
      signal,
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw describeFailure(0, null);
  }
  const body = await readBody(response);
  if (!response.ok) throw describeFailure(response.status, body);
  return body;
}

async function readBody(response) {
  const text = await response.text().catch(() => '');
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const getAsset = (id, opts) => apiGet(`/api/assets/${encodeURIComponent(id)}`, opts);
export const getStream = (id, opts) => apiGet(`/media/${encodeURIComponent(id)}/stream`, opts);
