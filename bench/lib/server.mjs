// The benchmark's static server on 127.0.0.1: every engine from one origin, cross-origin isolated
// (COOP/COEP, so timers are fine-grained and memory can be measured), nothing cached.
//   /p/SIZE/…      Parallax built over that corpus (unknown paths get its index.html)
//   /data/SIZE/…   the peers' prebuilt indexes (and Pagefind's bundle)
//   /pages/…       the peer page;  /lib/…  the peers' libraries from node_modules
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
};

export function resolver(root, repo) {
  const lib = {
    'minisearch/': join(repo, 'node_modules/minisearch/dist/es/'),
    'flexsearch.js': join(repo, 'node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs'),
    'lunr.js': join(repo, 'node_modules/lunr/lunr.js'),
  };
  const inside = (base, rest) => {
    const f = normalize(join(base, rest));
    return f.startsWith(base) ? f : null;
  };
  const isFile = (f) => { try { return statSync(f).isFile(); } catch { return false; } };
  return (pathname) => {
    const p = decodeURIComponent(pathname);
    let m;
    if ((m = /^\/p\/(\d+)\/(.*)$/.exec(p))) {
      const base = join(root, 'out', m[1], 'parallax');
      const f = m[2] ? inside(base, m[2]) : null;
      return f && isFile(f) ? f : join(base, 'index.html');
    }
    if ((m = /^\/data\/(\d+)\/(.*)$/.exec(p))) return inside(join(root, 'out', m[1]), m[2]);
    if ((m = /^\/pages\/(.*)$/.exec(p))) return inside(join(root, 'pages'), m[1]);
    if ((m = /^\/lib\/(.*)$/.exec(p))) {
      for (const [k, v] of Object.entries(lib)) {
        if (m[1] === k) return v;
        if (k.endsWith('/') && m[1].startsWith(k)) return inside(v, m[1].slice(k.length));
      }
    }
    return null;
  };
}

// Raw, gzip (level 9) and brotli (quality 11) bytes of a file, computed once: brotli 11 over tens
// of megabytes takes minutes, so results are also kept in bench/out/sizes.json by file, length and
// modification time.
const CACHE = join(dirname(fileURLToPath(import.meta.url)), '../out/sizes.json');
let sizes = null;
export function transferSizes(file) {
  if (!sizes) {
    try {
      sizes = JSON.parse(readFileSync(CACHE, 'utf8'));
    } catch {
      sizes = {};
    }
  }
  const st = statSync(file);
  const key = `${file}:${st.size}:${st.mtimeMs}`;
  if (!sizes[key]) {
    const body = readFileSync(file);
    sizes[key] = {
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }).length,
    };
    mkdirSync(dirname(CACHE), { recursive: true });
    writeFileSync(CACHE, JSON.stringify(sizes));
  }
  return sizes[key];
}

export function serve(root, repo, port = 0) {
  const resolve = resolver(root, repo);
  const server = createServer((req, res) => {
    const file = resolve(new URL(req.url, 'http://127.0.0.1').pathname);
    let body;
    try {
      body = file && readFileSync(file);
    } catch {}
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cross-origin-resource-policy': 'same-origin',
    });
    res.end(body);
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok({ server, resolve, origin: `http://127.0.0.1:${server.address().port}` })));
}
