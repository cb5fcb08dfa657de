// Boot: read the configuration, then show the view the URL hash names.
import './styles.css';
import { resolveConfig, STORAGE_KEY } from './lib/config.js';
import { parseRoute, signinHref } from './lib/routes.js';
import { PROBLEM_MESSAGES } from './lib/token.js';
import { configureApi } from './api.js';
import { configureUploads } from './uploads.js';
import { currentProblem, currentUser, signOut, onSessionChange } from './session.js';
import { h, clear } from './dom.js';
import { libraryView } from './views/library.js';
import { assetView } from './views/asset.js';
import { signinView } from './views/signin.js';

const main = document.getElementById('main');
const account = document.getElementById('account');
let current = null;
let config = null;
let signinReason = null;

async function loadConfig() {
  let file = {};
  try {
    const res = await fetch('assets/config.json', { cache: 'no-store' });
    if (res.ok) file = await res.json();
  } catch {
    /* no config.json: defaults */
  }
  let stored = {};
  try {
    stored = JSON.parse(localStorage.getItem(STORAGE_KEY) || '{}');
  } catch {
    stored = {};
  }
  const query = Object.fromEntries(new URLSearchParams(location.search));
  return resolveConfig({ file, stored, query, location });
}

/** Called with every API failure; true when it was handled by sending the person to sign in. */
function onApiError(error) {
  if (error?.action !== 'signin') return false;
  signinReason = error.message;
  signOut();
  location.hash = signinHref(location.hash || '#/');
  return true;
}

function renderAccount() {
  const user = currentUser();
  clear(account, user
    ? [h('span', { class: 'who' }, 'Signed in as ', h('strong', {}, user.user || 'unknown')),
      h('button', { type: 'button', onclick: () => { signOut(); location.hash = '#/signin'; } }, 'Sign out')]
    : h('a', { href: '#/signin' }, 'Sign in'));
}

function route() {
  current?.destroy?.();
  current = null;
  const r = parseRoute(location.hash);
  const problem = currentProblem();
  if (r.name !== 'signin' && problem) {
    signinReason = problem === 'missing' ? null : PROBLEM_MESSAGES[problem];
    location.replace(signinHref(location.hash || '#/'));
    return;
  }
  let view;
  if (r.name === 'signin') {
    view = { element: signinView({ params: r.params, config, reason: signinReason }) };
    signinReason = null;
    document.title = 'Sign in · mediaflow';
  } else if (r.name === 'asset') {
    view = assetView({ id: r.id, config, onApiError });
  } else if (r.name === 'library') {
    view = libraryView({ config, user: currentUser()?.user, onApiError });
    document.title = 'Library · mediaflow';
  } else {
    view = { element: h('div', {}, h('h1', { id: 'page-title', tabindex: -1 }, 'Page not found'), h('p', {}, h('a', { href: '#/' }, 'Go to the library'))) };
  }
  current = view;
  clear(main, view.element);
  renderAccount();
  // Move focus to the new page's heading so keyboard and screen-reader users start there.
  if (routed) document.getElementById('page-title')?.focus();
  routed = true;
}
let routed = false;

async function boot() {
  // The skip link must not change the hash: the hash is the route.
  document.querySelector('.skip-link')?.addEventListener('click', (e) => {
    e.preventDefault();
    main.focus();
  });
  config = await loadConfig();
  configureApi(config);
  configureUploads(config);
  onSessionChange(renderAccount);
  window.addEventListener('hashchange', route);
  route();
}

boot();
