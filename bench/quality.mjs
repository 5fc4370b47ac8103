// Ranking quality without a browser, for tuning: the benchmark's query mix and reference BM25 over
// a generated corpus, Parallax's answers from the native CLI (the same search code the page runs),
// and the top-10 overlap per kind of query.
//   node bench/quality.mjs CORPUS_DIR [ENCODED_CORPUS]
// ENCODED_CORPUS (the `.corpus` file `index_bytes` writes, e.g. bench/out/10000/parallax.corpus)
// skips ingesting the folder again. The CLI is target-native/release/parallax (`cargo build
// --release -p parallax-cli` with CARGO_TARGET_DIR=target-native).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bm25, overlap } from './lib/bm25.mjs';
import { readCorpus } from './lib/corpus.mjs';
import { KINDS, makeQueries, translate } from './lib/queries.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [dir, encoded] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node bench/quality.mjs CORPUS_DIR [ENCODED_CORPUS]');
  process.exit(2);
}
const ref = new Bm25(readCorpus(dir));
const queries = makeQueries(ref);
const file = join(mkdtempSync(join(tmpdir(), 'parallax-quality-')), 'queries.txt');
writeFileSync(file, queries.map((q) => translate('parallax', q).text).join('\n') + '\n');
const cli = join(REPO, 'target-native/release/parallax');
const t0 = performance.now();
const run = spawnSync(cli, ['search', '--corpus', encoded ?? dir, '--limit', '10', '--queries', file], { encoding: 'utf8', maxBuffer: 1 << 26 });
if (run.status !== 0) {
  console.error(run.stderr);
  process.exit(1);
}
const ms = performance.now() - t0;
const tops = run.stdout.split('\n').slice(0, queries.length).map((l) => l.split(' ').filter(Boolean));
const scores = queries.map((q, i) => overlap(ref.top(q.intent), tops[i]));
const mean = (xs) => (xs.length ? xs.reduce((a, x) => a + x, 0) / xs.length : null);
const row = (label, xs) => console.log(`${label.padEnd(16)} ${mean(xs)?.toFixed(3) ?? '—'} (${xs.length} queries)`);
row('all', scores.filter((s) => s !== null));
for (const kind of KINDS) row(kind, scores.filter((s, i) => s !== null && queries[i].kind === kind));
console.log(`${queries.length} queries over ${ref.ids.length} articles; the CLI took ${(ms / 1000).toFixed(1)} s (load included)`);
if (process.env.VERBOSE) {
  queries.forEach((q, i) => {
    if (scores[i] !== null && scores[i] < 0.5) console.log(`${scores[i].toFixed(2)} ${q.kind} ${JSON.stringify(q.text)}`);
  });
}
