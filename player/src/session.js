// The signed-in person's token. sessionStorage by default (gone with the tab); localStorage
// only when they tick "remember me".
import { tokenProblem, tokenSummary } from './lib/token.js';

const KEY = 'mediaflow.token';
const listeners = new Set();

export function getToken() {
  return sessionStorage.getItem(KEY) || localStorage.getItem(KEY) || '';
}

export function setToken(token, remember) {
  signOut(false);
  (remember ? localStorage : sessionStorage).setItem(KEY, token.trim());
  notify();
}

export function signOut(notifyListeners = true) {
  sessionStorage.removeItem(KEY);
  localStorage.removeItem(KEY);
  if (notifyListeners) notify();
}

/** null when the token is usable now, else 'missing' | 'malformed' | 'expired'. */
export function currentProblem() {
  return tokenProblem(getToken(), Date.now() / 1000);
}

export function currentUser() {
  return currentProblem() ? null : tokenSummary(getToken());
}

export function onSessionChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function notify() {
  listeners.forEach((fn) => fn());
}
