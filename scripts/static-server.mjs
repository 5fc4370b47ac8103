// The one static file server of the scripts and benchmarks: DIR under the path prefix BASE, on
// 127.0.0.1 only, with correct MIME types (application/wasm). Unknown paths under BASE get
// index.html, as a single-page host answers. `asHost` serves the files the way a static host does
// (brotli, a long-lived cache for content-hashed names) instead of uncompressed and uncached.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

export const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });

/** An http.Server over `dir` (not yet listening). */
export function staticServer(dir, { base = '/', asHost = false } = {}) {
  const root = resolve(dir);
  const compressed = new Map();
  return createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(base)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    path = path.slice(base.length);
    const file = normalize(join(root, path));
    const inside = file === root || file.startsWith(root + '/');
    for (const candidate of inside && path && !path.endsWith('/') ? [file, join(root, 'index.html')] : [join(root, 'index.html')]) {
      let body;
      try {
        body = await readFile(candidate);
      } catch {
        continue;
      }
      const headers = { 'content-type': TYPES[extname(candidate)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (asHost) {
        if (!compressed.has(candidate)) compressed.set(candidate, brotli(body));
        body = compressed.get(candidate);
        headers['content-encoding'] = 'br';
        headers['cache-control'] = /[-.][0-9a-f]{8}(?:[0-9a-f]{8})?\./.test(candidate) ? 'public, max-age=31536000, immutable' : 'no-cache';
      }
      res.writeHead(200, headers).end(body);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
}

/** Starts `server` on a free port of 127.0.0.1 (or `port`) and returns its address. */
export async function listen(server, port = 0) {
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  return `http://127.0.0.1:${server.address().port}`;
}
