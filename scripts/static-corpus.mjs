// Trunk post-build hook: when build.rs split a large corpus into static files, the built wasm
// embeds the corpus's head, which names its postings shards (`terms-0003.<fingerprint>.bin`).
// This finds those names in the wasm, picks the manifest in the pool (<target>/parallax-static/,
// written by build.rs) that lists exactly them, and copies its files into corpus/ beside the page.
// A wasm that names no shards (a corpus embedded whole) copies nothing. Run by Trunk with
// TRUNK_STAGING_DIR set, or by hand: `node scripts/static-corpus.mjs dist`.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
const named = new Set(text.match(/terms-\d{4}\.[0-9a-f]{16}\.bin/g) ?? []);
const out = join(dir, 'corpus');
rmSync(out, { recursive: true, force: true });
if (named.size === 0) {
  console.log('static-corpus: the corpus is embedded whole; no files beside the page');
  process.exit(0);
}
const manifests = existsSync(pool) ? readdirSync(pool).filter((f) => /^manifest\.[0-9a-f]{16}\.txt$/.test(f)) : [];
const same = (files) => files.length === named.size && files.every((f) => named.has(f));
const match = manifests
  .map((m) => readFileSync(join(pool, m), 'utf8').split('\n').filter(Boolean))
  .find((lines) => same(lines.slice(1)));
if (!match) fail(`the wasm names ${named.size} corpus shards but no manifest in ${pool} lists them; rebuild (touch build.rs) so build.rs writes them again`);
mkdirSync(out, { recursive: true });
let bytes = 0;
for (const f of match) {
  const from = join(pool, f);
  if (!existsSync(from)) fail(`${from} is missing from the pool; rebuild (touch build.rs) so build.rs writes it again`);
  copyFileSync(from, join(out, f));
  bytes += readFileSync(from).length;
}
console.log(`static-corpus: ${match.length} files (${(bytes / 1048576).toFixed(1)} MB) into ${out}`);
