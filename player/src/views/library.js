// My and public assets, with thumbnails and live status: polls while anything is still moving.
import { h, clear, announce, progressBar } from '../dom.js';
import { apiGet } from '../api.js';
import { libraryQuery, paging, isMine, STATUSES } from '../lib/library.js';
import { statusInfo, needsPolling, failureText } from '../lib/status.js';
import { formatTime, formatDate, formatPercent } from '../lib/format.js';
import { assetHref } from '../lib/routes.js';
import { anyActive } from '../uploads.js';
import { uploaderView } from './uploader.js';

export function libraryView({ config, user, onApiError }) {
  const state = { status: '', q: '', page: null, firstPage: null, items: [] };
  let timer = null;
  let destroyed = false;
  let controller = null;

  const search = h('input', { id: 'lib-q', type: 'search', autocomplete: 'off' });
  const status = h('select', { id: 'lib-status' },
    h('option', { value: '' }, 'Any status'),
    STATUSES.map((s) => h('option', { value: s }, statusInfo(s).label.split(',')[0])));
  const message = h('div', { class: 'message', role: 'status' });
  const grid = h('ul', { class: 'grid', id: 'library-list', 'aria-label': 'Assets' });
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' });
  const cards = new Map();

  const uploader = uploaderView({ onUploaded: () => refresh() });

  async function refresh() {
    clearTimeout(timer);
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await apiGet(libraryQuery(state), { signal: controller.signal });
      if (destroyed) return;
      if (state.page === null) state.firstPage = Number(response?.page ?? 0);
      state.items = Array.isArray(response?.items) ? response.items : [];
      renderItems(state.items);
      renderPager(paging(response, state.firstPage));
      message.textContent = state.items.length ? '' : emptyText();
    } catch (e) {
      if (e.name === 'AbortError' || destroyed) return;
      if (onApiError(e)) return;
      message.textContent = '';
      message.append(h('p', { class: 'error', role: 'alert' }, e.message));
    }
    schedule();
  }

  function schedule() {
    if (destroyed) return;
    // Fast while something is uploading or processing; slowly otherwise, to notice others' uploads.
    const delay = needsPolling(state.items) || anyActive() ? config.pollMs : config.pollMs * 10;
    timer = setTimeout(() => (document.hidden ? schedule() : refresh()), delay);
  }

  function emptyText() {
    return state.q || state.status ? 'Nothing matches this search.' : 'No media yet. Upload a file to start.';
  }

  function renderItems(items) {
    const ids = new Set(items.map((a) => a.id));
    for (const [id, card] of cards) if (!ids.has(id)) { card.el.remove(); cards.delete(id); }
    items.forEach((asset, i) => {
      let card = cards.get(asset.id);
      if (!card) {
        card = { el: h('li', { class: 'asset-card', dataset: { id: asset.id } }), status: null };
        cards.set(asset.id, card);
      }
      if (card.status && card.status !== asset.status && statusInfo(asset.status).settled) {
        announce(`${asset.title || 'An asset'} is now ${statusInfo(asset.status).label.toLowerCase()}.`);
      }
      card.status = asset.status;
      const snapshot = JSON.stringify(asset);
      if (card.snapshot !== snapshot) {
        card.snapshot = snapshot;
        const hadFocus = card.el.contains(document.activeElement);
        fillCard(card.el, asset, user);
        if (hadFocus) card.el.querySelector('h3 a')?.focus();
      }
      if (grid.children[i] !== card.el) grid.insertBefore(card.el, grid.children[i] || null);
    });
  }

  function renderPager(p) {
    clear(pager,
      h('button', { type: 'button', disabled: !p.hasPrev, onclick: () => go(p.prev) }, 'Previous'),
      h('span', {}, `Page ${p.number} of ${p.pages} · ${p.total} item${p.total === 1 ? '' : 's'}`),
      h('button', { type: 'button', disabled: !p.hasNext, onclick: () => go(p.next) }, 'Next'));
  }

  function go(page) {
    state.page = page;
    refresh().then(() => document.getElementById('library-title')?.focus());
  }

  const filters = h('form', { class: 'filters', role: 'search', onsubmit: (e) => {
    e.preventDefault();
    state.q = search.value;
    state.status = status.value;
    state.page = null;
    refresh();
  } },
    h('div', { class: 'field' }, h('label', { for: 'lib-q' }, 'Search titles'), search),
    h('div', { class: 'field' }, h('label', { for: 'lib-status' }, 'Status'), status),
    h('button', { type: 'submit' }, 'Search'));

  const element = h('div', { class: 'stack' },
    h('h1', { id: 'page-title', tabindex: -1 }, 'Library'),
    uploader.element,
    h('section', { 'aria-labelledby': 'library-title', class: 'stack' },
      h('h2', { id: 'library-title', tabindex: -1 }, 'Your media and public media'),
      filters, message, grid, pager));

  refresh();
  return {
    element,
    destroy() {
      destroyed = true;
      clearTimeout(timer);
      controller?.abort();
      uploader.destroy();
    },
  };
}

function fillCard(el, asset, user) {
  const info = statusInfo(asset.status);
  const title = asset.title || 'Untitled';
  const thumb = asset.thumbnailUrl
    ? h('img', { src: asset.thumbnailUrl, alt: '', loading: 'lazy', onerror: (e) => e.target.replaceWith(placeholder()) })
    : placeholder();
  clear(el,
    h('a', { href: assetHref(asset.id), class: 'thumb', tabindex: -1, 'aria-hidden': 'true' },
      thumb, asset.duration ? h('span', { class: 'duration' }, formatTime(asset.duration)) : null),
    h('div', { class: 'card-body' },
      h('h3', {}, h('a', { href: assetHref(asset.id) }, title)),
      h('p', { class: 'meta' },
        h('span', { class: `badge ${info.tone}` }, info.label),
        isMine(asset, user) ? h('span', { class: 'badge mine' }, 'Yours') : h('span', { class: 'hint' }, asset.owner || ''),
        asset.access ? h('span', { class: 'hint' }, asset.access) : null),
      info.settled || asset.status === 'PLAYABLE' ? null
        : h('div', { class: 'progress-row' }, progressBar(asset.progress, `${title}: ${info.label}`), h('span', {}, formatPercent(asset.progress))),
      asset.status === 'FAILED' ? h('p', { class: 'error small' }, failureText(asset.error)) : null,
      h('p', { class: 'hint small' }, formatDate(asset.createdAt))));
}

function placeholder() {
  return h('span', { class: 'placeholder', 'aria-hidden': 'true' }, '▶');
}
