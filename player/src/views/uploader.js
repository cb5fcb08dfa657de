// Drop zone, file picker and the list of uploads with progress, pause, resume and cancel.
import { h, announce, progressBar } from '../dom.js';
import { ACCEPT, ACCESS_VALUES } from '../lib/upload.js';
import { formatBytes, formatTime } from '../lib/format.js';
import { assetHref } from '../lib/routes.js';
import { startUpload, listUploads, onUploadsChange, pause, resume, cancel } from '../uploads.js';

export function uploaderView({ onUploaded }) {
  const problem = h('p', { class: 'error', role: 'alert', hidden: true });
  const title = h('input', { id: 'upload-title', type: 'text', autocomplete: 'off', placeholder: 'From the file name if empty' });
  const access = h('select', { id: 'upload-access', 'aria-describedby': 'upload-access-help' },
    ACCESS_VALUES.map((v) => h('option', { value: v }, v[0].toUpperCase() + v.slice(1))));
  const fileInput = h('input', { id: 'upload-file', type: 'file', accept: ACCEPT, class: 'visually-hidden', multiple: true });
  const list = h('ul', { class: 'uploads', 'aria-label': 'Uploads' });

  function send(files) {
    problem.hidden = true;
    for (const file of files) {
      const result = startUpload(file, { title: files.length === 1 ? title.value : '', access: access.value });
      if (result.problem) {
        problem.textContent = result.problem;
        problem.hidden = false;
      } else {
        announce(`Uploading ${file.name}`);
      }
    }
    title.value = '';
  }

  fileInput.addEventListener('change', () => {
    send([...fileInput.files]);
    fileInput.value = '';
  });

  const zone = h('div', { class: 'dropzone', id: 'dropzone' },
    h('p', {}, 'Drag and drop a video, audio or image file here, or'),
    fileInput,
    h('label', { for: 'upload-file', class: 'button primary' }, 'Choose a file…'));
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    send([...(e.dataTransfer?.files || [])]);
  });

  const seenDone = new Set(listUploads().filter((u) => u.state === 'done').map((u) => u.key));
  const items = new Map(); // key -> {li, state}: progress updates must not rebuild (and unfocus) buttons
  function render(uploads) {
    const keys = new Set(uploads.map((u) => u.key));
    for (const [key, item] of items) if (!keys.has(key)) { item.li.remove(); items.delete(key); }
    uploads.forEach((u, i) => {
      let item = items.get(u.key);
      if (!item || item.state !== u.state) {
        const hadFocus = item && item.li.contains(document.activeElement);
        const li = uploadItem(u);
        if (item) item.li.replaceWith(li);
        item = { li, state: u.state };
        items.set(u.key, item);
        if (hadFocus) li.querySelector('button, a')?.focus();
      } else {
        updateProgress(item.li, u);
      }
      if (list.children[i] !== item.li) list.insertBefore(item.li, list.children[i] || null);
      if (u.state === 'done' && !seenDone.has(u.key)) {
        seenDone.add(u.key);
        announce(`${u.name} uploaded; processing starts now.`);
        onUploaded?.(u);
      }
    });
  }
  const unsubscribe = onUploadsChange(render);
  render(listUploads());

  const section = h('section', { 'aria-labelledby': 'upload-title-h', class: 'card stack' },
    h('h2', { id: 'upload-title-h' }, 'Upload'),
    h('div', { class: 'fields' },
      h('div', { class: 'field' }, h('label', { for: 'upload-title' }, 'Title'), title),
      h('div', { class: 'field' }, h('label', { for: 'upload-access' }, 'Who can see it'), access,
        h('p', { id: 'upload-access-help', class: 'hint small' }, 'Private: you and admins. Unlisted: anyone with the link. Public: everyone, in the library.'))),
    zone,
    problem,
    list);
  return { element: section, destroy: unsubscribe };
}

function percent(u) {
  return u.size ? (u.sent / u.size) * 100 : 0;
}

function detailText(u) {
  return {
    uploading: `${formatBytes(u.sent)} of ${formatBytes(u.size)}${u.speed ? ` · ${formatBytes(u.speed)}/s` : ''}${u.eta !== null && u.speed ? ` · ${formatTime(u.eta)} left` : ''}`,
    paused: `Paused at ${formatBytes(u.sent)} of ${formatBytes(u.size)}`,
    done: 'Uploaded. Processing starts now.',
    failed: u.error,
  }[u.state];
}

function updateProgress(li, u) {
  li.querySelector('progress').value = Math.round(percent(u));
  li.querySelector('.upload-pct').textContent = `${Math.floor(percent(u))}%`;
  li.querySelector('.upload-detail').textContent = detailText(u);
}

function uploadItem(u) {
  return h('li', { class: `upload ${u.state}` },
    h('div', { class: 'upload-head' },
      h('span', { class: 'upload-name' }, u.name),
      h('span', { class: 'upload-pct' }, `${Math.floor(percent(u))}%`)),
    progressBar(percent(u), `Upload of ${u.name}`),
    h('p', { class: `upload-detail ${u.state === 'failed' ? 'error' : 'hint'}` }, detailText(u)),
    h('div', { class: 'row' },
      u.state === 'uploading' ? h('button', { type: 'button', onclick: () => pause(u), 'aria-label': `Pause upload of ${u.name}` }, 'Pause') : null,
      u.state === 'paused' || u.state === 'failed'
        ? h('button', { type: 'button', onclick: () => resume(u), 'aria-label': `Resume upload of ${u.name}` }, 'Resume') : null,
      u.state === 'done' && u.assetId ? h('a', { href: assetHref(u.assetId), class: 'button' }, `Open ${u.name}`) : null,
      h('button', { type: 'button', onclick: () => cancel(u), 'aria-label': u.state === 'done' ? `Dismiss ${u.name}` : `Cancel upload of ${u.name}` },
        u.state === 'done' ? 'Dismiss' : 'Cancel')));
}
