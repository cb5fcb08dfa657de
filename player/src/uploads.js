// Resumable uploads through tus 1.0 to the ingest-gateway. The list lives outside the views so an
// upload goes on while the person watches something else. tus-js-client keeps each upload's URL
// in localStorage, so after a reload the same file resumes where it stopped.
import * as tus from 'tus-js-client';
import { uploadMetadata, assetIdFromLocation, fileProblem, speedAndEta } from './lib/upload.js';
import { describeFailure } from './lib/errors.js';
import { getToken, currentProblem } from './session.js';
import { PROBLEM_MESSAGES } from './lib/token.js';

let config = null;
let nextKey = 1;
const uploads = [];
const listeners = new Set();

export function configureUploads(c) {
  config = c;
}

export function onUploadsChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export const listUploads = () => uploads.slice();
const RECENT_MS = 60_000; // a finished upload reaches the library once the projection has it: poll fast meanwhile
export const anyActive = () => uploads.some((u) => u.state === 'uploading' || (u.state === 'done' && Date.now() - u.doneAt < RECENT_MS));

function changed() {
  listeners.forEach((fn) => fn(listUploads()));
}

/** Starts uploading; returns the entry, or a problem string when the file is refused up front. */
export function startUpload(file, options) {
  const problem = fileProblem(file) || (currentProblem() ? PROBLEM_MESSAGES[currentProblem()] : null);
  if (problem) return { problem };
  const entry = {
    key: nextKey++,
    name: file.name,
    size: file.size,
    sent: 0,
    state: 'uploading', // uploading | paused | done | failed
    error: null,
    assetId: null,
    startedAt: Date.now(),
    sentAtStart: 0,
    speed: 0,
    eta: null,
  };
  entry.tus = new tus.Upload(file, {
    endpoint: `${config.ingestUrl}/files/`,
    chunkSize: config.uploadChunkSize,
    retryDelays: [0, 1000, 3000, 5000],
    metadata: uploadMetadata(file, options),
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: true,
    // A function, so a token renewed during a long upload is used by the next request.
    onBeforeRequest: (req) => req.setHeader('Authorization', `Bearer ${getToken()}`),
    onShouldRetry: (err) => {
      const status = err?.originalResponse?.getStatus?.() ?? 0;
      return status === 0 || status === 423 || status >= 500;
    },
    onProgress: (sent, total) => {
      entry.sent = sent;
      entry.size = total;
      const rate = speedAndEta(sent - entry.sentAtStart, total - entry.sentAtStart, Date.now() - entry.startedAt);
      entry.speed = rate.bytesPerSecond;
      entry.eta = rate.etaSeconds;
      changed();
    },
    onSuccess: () => {
      entry.state = 'done';
      entry.doneAt = Date.now();
      entry.sent = entry.size;
      entry.assetId = assetIdFromLocation(entry.tus.url);
      changed();
    },
    onError: (err) => {
      entry.state = 'failed';
      entry.error = tusErrorMessage(err);
      changed();
    },
  });
  uploads.unshift(entry);
  entry.tus.findPreviousUploads().then((previous) => {
    if (previous.length) entry.tus.resumeFromPreviousUpload(previous[0]);
    begin(entry);
  }, () => begin(entry));
  changed();
  return entry;
}

function begin(entry) {
  if (entry.state !== 'uploading') return; // paused before the previous-upload lookup finished
  entry.startedAt = Date.now();
  entry.sentAtStart = entry.sent;
  entry.tus.start();
}

export function pause(entry) {
  if (entry.state !== 'uploading') return;
  entry.state = 'paused';
  entry.tus.abort(); // keeps the upload on the server; start() continues from its offset
  changed();
}

export function resume(entry) {
  if (entry.state !== 'paused' && entry.state !== 'failed') return;
  entry.state = 'uploading';
  entry.error = null;
  begin(entry);
  changed();
}

/** Cancel: stop and ask the server to delete what it has (tus termination). */
export function cancel(entry) {
  const wasDone = entry.state === 'done';
  const i = uploads.indexOf(entry);
  if (i >= 0) uploads.splice(i, 1);
  if (!wasDone) entry.tus.abort(true).catch(() => {});
  changed();
}

function tusErrorMessage(err) {
  const res = err?.originalResponse;
  if (!res) return 'The upload service cannot be reached. Check your connection; Resume continues where it stopped.';
  let body = null;
  try {
    body = JSON.parse(res.getBody());
  } catch {
    body = null;
  }
  return describeFailure(res.getStatus(), body).message;
}
