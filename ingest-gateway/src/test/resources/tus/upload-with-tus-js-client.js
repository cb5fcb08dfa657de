// Drives tus-js-client (node) against ingest-gateway for TusJsClientIT.
// usage: node upload-with-tus-js-client.js <endpoint> <token> <file> <whole|chunked|creation-with-upload|resume>
// prints {"url": "<upload url>"} on success, exits 1 with the error otherwise.
const tus = require('tus-js-client');
const fs = require('fs');

const [endpoint, token, file, mode] = process.argv.slice(2);
const data = fs.readFileSync(file);
const MIB = 1024 * 1024;
const base = {
  endpoint,
  headers: { Authorization: 'Bearer ' + token },
  metadata: { filename: 'clip.mp4', filetype: 'video/mp4', title: 'from tus-js-client' },
  retryDelays: [],
};

function run(options) {
  return new Promise((resolve, reject) => {
    const upload = new tus.Upload(data, { ...base, ...options, onSuccess: () => resolve(upload), onError: reject });
    upload.start();
  });
}

function abortAfter(bytes) {
  return new Promise((resolve, reject) => {
    let aborted = false;
    const upload = new tus.Upload(data, {
      ...base,
      chunkSize: MIB,
      onError: reject,
      onSuccess: () => reject(new Error('the upload finished before it could be aborted')),
      onChunkComplete: (chunkSize, sent) => {
        if (!aborted && sent >= bytes) {
          aborted = true;
          upload.abort(false).then(() => resolve(upload.url), reject);
        }
      },
    });
    upload.start();
  });
}

async function main() {
  let url;
  if (mode === 'whole') {
    url = (await run({})).url;
  } else if (mode === 'chunked') {
    url = (await run({ chunkSize: MIB })).url;
  } else if (mode === 'creation-with-upload') {
    url = (await run({ chunkSize: MIB, uploadDataDuringCreation: true })).url;
  } else if (mode === 'resume') {
    url = await abortAfter(2 * MIB);
    // a new client that only knows the URL: HEAD for the offset, then PATCH from there
    await run({ uploadUrl: url, chunkSize: MIB });
  } else {
    throw new Error('unknown mode ' + mode);
  }
  console.log(JSON.stringify({ url }));
}

main().catch((e) => {
  console.error(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
