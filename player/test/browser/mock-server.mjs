// A stand-in for api-gateway and ingest-gateway, speaking exactly DESIGN.md's public interfaces,
// so the built page can be tested in a real browser before the services exist.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, extname, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.m3u8': 'application/vnd.apple.mpegurl', '.ts': 'video/mp2t', '.svg': 'image/svg+xml',
};

export const ASSETS = [
  {
    id: '65a1b2c3d4e5f60718293a4b', title: 'Test pattern', description: 'Colour bars and a tone', status: 'READY',
    progress: 100, error: null, owner: 'alice', access: 'private', createdAt: '2026-11-29T10:00:00Z', duration: 12,
    fileType: 'video/mp4', metadata: {}, thumbnailUrl: '/thumbs/pattern.svg', streamingUrl: null,
    variants: [
      { profile: '360p', width: 640, height: 360, bitrate: 90000, url: null },
      { profile: '180p', width: 320, height: 180, bitrate: 35000, url: null },
    ],
  },
  {
    id: '65a1b2c3d4e5f60718293a4c', title: 'Holiday clip', description: '', status: 'PROCESSING', progress: 40,
    error: null, owner: 'alice', access: 'unlisted', createdAt: '2026-11-29T11:00:00Z', duration: 31.5,
    fileType: 'video/quicktime', metadata: {}, thumbnailUrl: null, streamingUrl: null, variants: [],
  },
  {
    id: '65a1b2c3d4e5f60718293a4d', title: 'Broken upload', description: '', status: 'FAILED', progress: 0,
    error: { code: 'MEDIA_UNREADABLE', reason: 'The file is not a video, audio or image we can read' },
    owner: 'bob', access: 'public', createdAt: '2026-11-29T12:00:00Z', duration: null,
    fileType: 'video/mp4', metadata: {}, thumbnailUrl: null, streamingUrl: null, variants: [],
  },
  {
    id: '65a1b2c3d4e5f60718293a4e', title: 'Poster', description: 'A test card', status: 'READY', progress: 100,
    error: null, owner: 'bob', access: 'public', createdAt: '2026-11-28T12:00:00Z', duration: null,
    fileType: 'image/png', metadata: {}, thumbnailUrl: '/thumbs/pattern.svg', streamingUrl: null,
    variants: [{ profile: 'image', width: 1600, height: 900, bitrate: null, url: '/thumbs/pattern.svg' }],
  },
];

const SPRITE = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="90"><rect width="160" height="90" fill="#c33"/>
<rect x="160" width="160" height="90" fill="#3c3"/><rect x="320" width="160" height="90" fill="#33c"/></svg>`;

const THUMB = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 9"><rect width="16" height="9" fill="#345"/>
<rect x="2" width="2" height="9" fill="#c33"/><rect x="6" width="2" height="9" fill="#3c3"/><rect x="10" width="2" height="9" fill="#33c"/></svg>`;

/** options: root (built page), fixtures (HLS dir), patchDelayMs (slow uploads so pause can be tried) */
export async function startMockServer({ root, fixtures, patchDelayMs = 150, processingStepMs = 1500, config = {} }) {
  const seen = { uploads: [], authHeaders: [], streamRequests: 0 };
  const expiredSignatures = new Set(); // a test adds the next `sig` to play links that have expired
  const storyboards = new Set(); // a test adds an asset id to give it a storyboard (WebVTT + sprite)
  const assets = ASSETS.map((a) => structuredClone(a));
  const tus = new Map();
  const server = http.createServer(async (req, res) => {
    try {
      await handle(req, res);
    } catch (e) {
      send(res, 500, { error: String(e), code: 'MOCK_FAILURE' });
    }
  });

  async function handle(req, res) {
    const url = new URL(req.url, 'http://x');
    const path = url.pathname;
    if (path === '/assets/config.json') return send(res, 200, { pollMs: 500, uploadChunkSize: 256 * 1024, ...config });
    if (path.startsWith('/api/') || (path.startsWith('/media/') && path.endsWith('/stream')) || path.startsWith('/files')) {
      const auth = req.headers.authorization || '';
      seen.authHeaders.push(auth);
      if (!auth.startsWith('Bearer ') || claims(auth.slice(7)).revoked) {
        return send(res, 401, { error: 'The token is missing, invalid or expired', code: 'UNAUTHORIZED' });
      }
    }
    if (path === '/api/assets') return send(res, 200, listing(url.searchParams));
    let m = /^\/api\/assets\/([^/]+)$/.exec(path);
    if (m) {
      if (!/^[0-9a-f]{24}$/.test(m[1])) return send(res, 400, { error: 'Malformed asset id', code: 'INVALID_ID' });
      const a = assets.find((x) => x.id === m[1]);
      return a ? send(res, 200, a) : send(res, 404, { error: 'No such asset', code: 'ASSET_NOT_FOUND' });
    }
    m = /^\/media\/([^/]+)\/stream$/.exec(path);
    if (m) {
      seen.streamRequests += 1;
      const a = assets.find((x) => x.id === m[1]);
      if (!a) return send(res, 404, { error: 'No such asset', code: 'ASSET_NOT_FOUND' });
      if (!['READY', 'PLAYABLE'].includes(a.status)) return send(res, 409, { error: 'Not playable yet', code: 'NOT_PLAYABLE' });
      const sig = `sig=${seen.streamRequests}&expires=9999999999`;
      return send(res, 200, {
        masterUrl: `/hls/${a.id}/master.m3u8?${sig}`,
        variants: Object.fromEntries(a.variants.map((v) => [v.profile, `/hls/${a.id}/${v.profile}/index.m3u8?${sig}`])),
        storyboardUrl: storyboards.has(a.id) ? `/storyboard/${a.id}/storyboard.vtt?${sig}` : null,
        images: [],
      });
    }
    if (/^\/storyboard\/[^/]+\/storyboard\.vtt$/.test(path)) {
      // as the workers write it: 4 s per cue, 160x90 tiles in a row, the sprite named relatively
      const cues = [0, 1, 2].map((i) => `${i + 1}\n00:00:0${i * 4}.000 --> 00:00:${String(i * 4 + 4).padStart(2, '0')}.000\nsprite.svg#xywh=${i * 160},0,160,90\n`);
      return sendText(res, 200, `WEBVTT\n\n${cues.join('\n')}`, 'text/vtt');
    }
    if (/^\/storyboard\/[^/]+\/sprite\.svg$/.test(path)) {
      return sendText(res, 200, SPRITE, TYPES['.svg']);
    }
    if (path.startsWith('/hls/') && expiredSignatures.has(url.searchParams.get('sig'))) {
      return send(res, 403, { error: 'The link has expired', code: 'LINK_EXPIRED' });
    }
    m = /^\/hls\/([^/]+)\/master\.m3u8$/.exec(path);
    if (m) {
      const a = assets.find((x) => x.id === m[1]);
      const lines = ['#EXTM3U', '#EXT-X-VERSION:3'];
      for (const v of a.variants) {
        lines.push(`#EXT-X-STREAM-INF:BANDWIDTH=${v.bitrate + 30000},RESOLUTION=${v.width}x${v.height},CODECS="avc1.42c01e,mp4a.40.2"`, `${v.profile}/index.m3u8?${url.search.slice(1)}`);
      }
      return sendText(res, 200, lines.join('\n') + '\n', TYPES['.m3u8']);
    }
    m = /^\/hls\/[^/]+\/(\d+p\/[a-z0-9_]+\.(m3u8|ts))$/.exec(path);
    if (m) return sendFile(res, join(fixtures, m[1]));
    if (path === '/thumbs/pattern.svg') return sendText(res, 200, THUMB, TYPES['.svg']);
    if (path.startsWith('/files')) return tusHandler(req, res, path);
    const file = normalize(path === '/' ? '/index.html' : path).replace(/^(\.\.[/\\])+/, '');
    return sendFile(res, join(root, file));
  }

  function listing(params) {
    let items = assets.slice();
    if (params.get('status')) items = items.filter((a) => a.status === params.get('status'));
    if (params.get('q')) items = items.filter((a) => a.title.toLowerCase().includes(params.get('q').toLowerCase()));
    const size = Number(params.get('size') || 20);
    const page = Number(params.get('page') || 0);
    return { items: items.slice(page * size, page * size + size), page, size, total: items.length };
  }

  async function tusHandler(req, res, path) {
    const common = { 'Tus-Resumable': '1.0.0' };
    if (req.method === 'POST' && (path === '/files/' || path === '/files')) {
      const id = `${'f'.repeat(16)}${String(tus.size + seen.uploads.length + 1).padStart(8, '0')}`;
      const meta = Object.fromEntries((req.headers['upload-metadata'] || '').split(',').filter(Boolean).map((kv) => {
        const [k, v] = kv.trim().split(' ');
        return [k, v ? Buffer.from(v, 'base64').toString() : ''];
      }));
      const upload = { id, length: Number(req.headers['upload-length']), offset: 0, meta, auth: req.headers.authorization, patchOffsets: [] };
      tus.set(id, upload);
      seen.uploads.push(upload);
      res.writeHead(201, { ...common, Location: `/files/${id}` });
      return res.end();
    }
    const upload = tus.get(path.split('/').pop());
    if (!upload) return send(res, 404, { error: 'No such upload', code: 'UPLOAD_NOT_FOUND' });
    if (req.method === 'HEAD') {
      res.writeHead(200, { ...common, 'Upload-Offset': upload.offset, 'Upload-Length': upload.length, 'Cache-Control': 'no-store' });
      return res.end();
    }
    if (req.method === 'PATCH') {
      upload.patchOffsets.push(Number(req.headers['upload-offset']));
      if (Number(req.headers['upload-offset']) !== upload.offset) return send(res, 409, { error: 'Offset mismatch', code: 'OFFSET_MISMATCH' });
      for await (const chunk of req) upload.offset += chunk.length;
      await new Promise((r) => setTimeout(r, patchDelayMs));
      if (upload.offset === upload.length) simulateProcessing(upload);
      res.writeHead(204, { ...common, 'Upload-Offset': upload.offset });
      return res.end();
    }
    if (req.method === 'DELETE') {
      tus.delete(upload.id);
      res.writeHead(204, common);
      return res.end();
    }
    return send(res, 405, { error: 'Method not allowed', code: 'METHOD_NOT_ALLOWED' });
  }

  /** A finished upload becomes an asset that goes PROCESSING → PLAYABLE (180p) → READY (both). */
  function simulateProcessing(upload) {
    const [first, second] = ASSETS[0].variants;
    const asset = {
      ...structuredClone(ASSETS[0]), id: upload.id, title: upload.meta.title || upload.meta.filename,
      access: upload.meta.access || 'private', fileType: upload.meta.filetype, status: 'PROCESSING', progress: 0,
      createdAt: new Date().toISOString(), thumbnailUrl: null, variants: [],
    };
    assets.unshift(asset);
    const steps = [
      () => Object.assign(asset, { progress: 50 }),
      () => Object.assign(asset, { status: 'PLAYABLE', progress: 75, thumbnailUrl: '/thumbs/pattern.svg', variants: [structuredClone(second)] }),
      () => Object.assign(asset, { status: 'READY', progress: 100, variants: [structuredClone(first), structuredClone(second)] }),
    ];
    steps.forEach((step, i) => setTimeout(step, processingStepMs * (i + 1)).unref());
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, seen, expiredSignatures, storyboards, close: () => new Promise((r) => server.close(r)) };
}

/** The mock reads claims without verifying; a `revoked: true` claim plays a token the server refuses. */
function claims(jwt) {
  try {
    return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());
  } catch {
    return {};
  }
}

function send(res, status, body) {
  sendText(res, status, JSON.stringify(body), 'application/json');
}

function sendText(res, status, text, type) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(text);
}

async function sendFile(res, file) {
  try {
    const data = await readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' });
    res.end(data);
  } catch {
    send(res, 404, { error: 'Not found', code: 'NOT_FOUND' });
  }
}
