// Sign in by pasting a token (`./mediaflow token <user>` prints one for the dev stack).
import { h } from '../dom.js';
import { tokenProblem, PROBLEM_MESSAGES } from '../lib/token.js';
import { safeNext } from '../lib/routes.js';
import { setToken } from '../session.js';
import { STORAGE_KEY } from '../lib/config.js';

export function signinView({ params, config, reason }) {
  const next = safeNext(params.next);
  const error = h('p', { class: 'error', role: 'alert', id: 'token-error', hidden: true });
  const tokenInput = h('textarea', {
    id: 'token', name: 'token', rows: 4, required: true, autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': 'token-help token-error',
  });
  const remember = h('input', { type: 'checkbox', id: 'remember' });

  function signIn(token) {
    const problem = tokenProblem(token, Date.now() / 1000);
    if (problem) {
      error.textContent = PROBLEM_MESSAGES[problem];
      error.hidden = false;
      tokenInput.setAttribute('aria-invalid', 'true');
      tokenInput.focus();
      return;
    }
    setToken(token, remember.checked);
    location.hash = next;
  }

  const form = h('form', { class: 'card stack', novalidate: true, onsubmit: (e) => { e.preventDefault(); signIn(tokenInput.value); } },
    h('label', { for: 'token' }, 'Access token (JWT)'),
    tokenInput,
    h('p', { id: 'token-help', class: 'hint' },
      'Paste the token you were given. On the dev stack, ', h('code', {}, './mediaflow token <user>'), ' prints one.'),
    error,
    h('div', { class: 'check' }, remember, h('label', { for: 'remember' }, 'Remember me on this device')),
    h('div', { class: 'row' },
      h('button', { type: 'submit', class: 'primary' }, 'Sign in'),
      config.devProfile ? devTokenButton(config, signIn, error) : null),
  );

  return h('section', { 'aria-labelledby': 'page-title', class: 'narrow stack' },
    h('h1', { id: 'page-title', tabindex: -1 }, 'Sign in'),
    reason ? h('p', { class: 'notice', role: 'status' }, reason) : null,
    form,
    settingsForm(config),
  );
}

function devTokenButton(config, signIn, error) {
  return h('button', {
    type: 'button',
    onclick: async () => {
      try {
        const res = await fetch(config.devTokenUrl, { method: 'POST' });
        const text = await res.text();
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        let token = text.trim();
        try { token = JSON.parse(text).token || token; } catch { /* plain text */ }
        signIn(token);
      } catch (e) {
        error.textContent = `No dev token: ${e.message}. Is the dev profile on?`;
        error.hidden = false;
      }
    },
  }, 'Use a dev token');
}

/** Where uploads go; saved in this browser only (see README: config.json, ?ingest=). */
function settingsForm(config) {
  const input = h('input', { id: 'ingest-url', type: 'url', value: config.ingestUrl, inputmode: 'url' });
  const saved = h('span', { role: 'status', class: 'hint' });
  return h('details', { class: 'card' },
    h('summary', {}, 'Connection settings'),
    h('form', { class: 'stack', onsubmit: (e) => {
      e.preventDefault();
      const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) || '{}');
      stored.ingestUrl = input.value.trim() || null;
      localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
      saved.textContent = 'Saved. Reloading…';
      setTimeout(() => location.reload(), 300);
    } },
      h('label', { for: 'ingest-url' }, 'Upload service (ingest-gateway) address'),
      input,
      h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Save'), saved)),
  );
}

