// A small static server for the built page, for tests and local previews.
// Usage: node scripts/serve.mjs [DIR=dist] [PORT=4173] [BASE=/]
// Serves DIR under the path prefix BASE (to check hosting under a sub-path), on 127.0.0.1 only.
// Unknown paths under BASE get index.html; correct MIME types (application/wasm) are sent.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const [dir = 'dist', port = '4173', base = '/'] = process.argv.slice(2);
const root = resolve(dir);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

createServer(async (req, res) => {
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
    try {
      const body = await readFile(candidate);
      res.writeHead(200, { 'content-type': types[extname(candidate)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
      return;
    } catch {}
  }
  res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
}).listen(Number(port), '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}${base}`));
