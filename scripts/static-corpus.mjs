// Trunk post-build hook: when build.rs split a large corpus into static files, the built wasm
// names the corpus's head (`head.<fingerprint>.bin`, fetched at start). This finds that name in
// the wasm, reads its manifest in the pool (<target>/parallax-static/manifest.<fingerprint>.txt,
// written by build.rs: the head, its text parts, then its postings shards) and copies those
// files into corpus/ beside the page. The page's <head> gets a preload link for the head, so the
// browser fetches it while the wasm is still arriving; the rest is fetched as views need it. A wasm that names no
// head (a corpus embedded whole) copies nothing. Run by
// Trunk with TRUNK_STAGING_DIR set, or by hand: `node scripts/static-corpus.mjs dist`.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
const root = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const target = process.env.CARGO_TARGET_DIR ? resolve(root, process.env.CARGO_TARGET_DIR) : join(root, 'target');
const pool = join(target, 'parallax-static');
const fail = (why) => {
  console.error(`static-corpus: ${why}`);
  process.exit(1);
};

const wasm = readdirSync(dir).filter((f) => f.endsWith('.wasm'));
if (wasm.length !== 1) fail(`expected one .wasm file in ${dir}, found ${wasm.length}`);
const text = readFileSync(join(dir, wasm[0])).toString('latin1');
const heads = [...new Set(text.match(/head\.[0-9a-f]{16}\.bin/g) ?? [])];
const out = join(dir, 'corpus');
rmSync(out, { recursive: true, force: true });
if (heads.length === 0) {
  console.log('static-corpus: the corpus is embedded whole; no files beside the page');
  process.exit(0);
}
if (heads.length > 1) fail(`the wasm names ${heads.length} corpus heads (${heads.join(', ')}); expected one`);
const fp = heads[0].split('.')[1];
const manifest = join(pool, `manifest.${fp}.txt`);
if (!existsSync(manifest)) fail(`${manifest} is missing; rebuild (touch build.rs) so build.rs writes the corpus files again`);
const match = readFileSync(manifest, 'utf8').split('\n').filter(Boolean);
if (match[0] !== heads[0]) fail(`${manifest} does not start with ${heads[0]}`);
mkdirSync(out, { recursive: true });
let bytes = 0;
for (const f of match) {
  const from = join(pool, f);
  if (!existsSync(from)) fail(`${from} is missing from the pool; rebuild (touch build.rs) so build.rs writes it again`);
  copyFileSync(from, join(out, f));
  bytes += readFileSync(from).length;
}
// Preload what the page fetches at start, in the mode its fetch() uses (same-origin credentials).
const index = join(dir, 'index.html');
const html = readFileSync(index, 'utf8').replace(/\s*<link rel="preload" href="corpus\/[^"]*"[^>]*>/g, '');
const early = match.filter((f) => f.startsWith('head.'));
const links = early.map((f) => `<link rel="preload" href="corpus/${f}" as="fetch" crossorigin="anonymous">`).join('\n    ');
if (!html.includes('</head>')) fail(`${index} has no </head> to put the preload links in`);
writeFileSync(index, html.replace('</head>', `    ${links}\n  </head>`));
console.log(`static-corpus: ${match.length} files (${(bytes / 1048576).toFixed(1)} MB) into ${out}`);
