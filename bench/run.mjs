// The side-by-side benchmark: `make bench` (or `node bench/run.mjs --sizes 1000,10000 --rounds 3`).
// 1. generates the seeded corpora (bench/corpora/SIZE), 2. builds Parallax over each (release,
// feature bench-hook) and the same articles into Pagefind, MiniSearch, FlexSearch and Lunr
// (bench/out/SIZE), 3. serves it all on 127.0.0.1 and drives the system Chromium through every
// engine, interleaved in a random order, for several rounds, 4. writes bench/results/RUN.json and
// bench/results/latest.md (medians over the rounds; Parallax's ratio to the best peer).
// Builds are skipped when their inputs have not changed (a stamp file beside each output).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { Bm25 } from './lib/bm25.mjs';
import { readCorpus } from './lib/corpus.mjs';
import { makeQueries } from './lib/queries.mjs';
import { measureRun } from './lib/measure.mjs';
import { serve, transferSizes } from './lib/server.mjs';
import { rng } from './lib/rng.mjs';
import { report } from './lib/report.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolvePath(HERE, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const SIZES = arg('sizes', process.env.SIZES || '1000,10000').split(/[ ,]+/).filter(Boolean).map(Number);
const ROUNDS = Number(arg('rounds', process.env.ROUNDS || 3));
const ENGINES = arg('engines', process.env.ENGINES || 'parallax,pagefind,minisearch,flexsearch,lunr').split(',');
const SEED = 42;
const log = (...a) => console.error('[bench]', ...a);
// Like the Makefile: wasm-opt (binaryen) from node_modules, trunk from ~/.cargo/bin.
process.env.PATH = [join(REPO, 'node_modules/.bin'), join(process.env.HOME ?? '/root', '.cargo/bin'), process.env.PATH].join(':');

const sh = (cmd, args, opts = {}) => {
  const t0 = performance.now();
  const r = spawnSync('nice', ['-n', '10', cmd, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 26, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status}):\n${(r.stdout ?? "").slice(-4000)}`);
  return { out: r.stdout, ms: Math.round(performance.now() - t0) };
};
const hashOf = (...parts) => createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 16);
// What the builds depend on: the tracked files under `paths` (their blob hashes) and uncommitted
// edits to them; the native index dump (an example) is left out.
const gitTree = (paths) => execFileSync('git', ['-C', REPO, 'ls-files', '-s', ...paths], { encoding: 'utf8' })
  .split('\n').filter((l) => !l.endsWith('/examples/index_bytes.rs')).join('\n')
  + execFileSync('git', ['-C', REPO, 'diff', 'HEAD', '--', ...paths, ':(exclude)*/examples/index_bytes.rs'], { encoding: 'utf8' });
// Runs `build` unless `stampFile` holds `key`; returns the recorded build facts either way.
function cached(stampFile, key, build) {
  if (existsSync(stampFile)) {
    const s = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (s.key === key) return { ...s.facts, cached: true };
  }
  const facts = build();
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, JSON.stringify({ key, facts }));
  return facts;
}

// The generated articles' names and bytes, hashed.
function corpusHash(dir) {
  const h = createHash('sha256');
  for (const f of readdirSync(dir).sort()) h.update(f).update('\0').update(readFileSync(join(dir, f)));
  return h.digest('hex').slice(0, 16);
}

log(`sizes ${SIZES.join(', ')}; ${ROUNDS} rounds; engines ${ENGINES.join(', ')}`);
const coreSrc = gitTree(['crates/parallax-core', 'crates/parallax-cli', 'Cargo.lock']);
// The native tools (generator, index dump) build in their own target directory, so they never
// wait for the wasm build's lock; skipped when their sources have not changed.
const NATIVE = join(REPO, 'target-native');
cached(join(HERE, 'out/tools.stamp'), hashOf(coreSrc), () => {
  const env = { ...process.env, CARGO_TARGET_DIR: NATIVE };
  sh('cargo', ['build', '--release', '-q', '-p', 'parallax-cli'], { env });
  sh('cargo', ['build', '--release', '-q', '-p', 'parallax-core', '--example', 'index_bytes'], { env });
  return {};
});
const appSrc = gitTree(['src', 'build.rs', 'Cargo.toml', 'Cargo.lock', 'index.html', 'style', 'Trunk.toml', 'crates/parallax-core']);

const builds = {};
// The app alone, as shipped (seeds, no hook): what the 150 KB budget is about.
if (ENGINES.includes('parallax')) builds.app = cached(join(HERE, 'out/app.stamp'), hashOf(appSrc), () => {
  log('building the app over the seeds (release, no hook)');
  const b = sh('trunk', ['build', '--release', '--dist', 'bench/out/app'], { env: { ...process.env, CORPUS_DIR: '' } });
  return { ms: b.ms };
});
if (builds.app) {
  const dist = join(HERE, 'out/app');
  const wasm = readdirSync(dist).find((f) => f.endsWith('_bg.wasm'));
  if (wasm) builds.app.wasm = transferSizes(join(dist, wasm));
}

for (const size of SIZES) {
  const corpus = join(HERE, 'corpora', String(size));
  const facts = (builds[size] = {});
  facts.corpus = cached(`${corpus}.stamp`, hashOf(coreSrc, size, SEED), () => {
    log(`generating ${size} articles`);
    rmSync(corpus, { recursive: true, force: true });
    const g = sh(join(NATIVE, 'release/parallax'), ['generate', '--articles', String(size), '--seed', String(SEED), '--out', corpus, '--truth', `${corpus}.truth.jsonl`]);
    return { ms: g.ms };
  });
  const out = join(HERE, 'out', String(size));
  mkdirSync(out, { recursive: true });
  facts.index = cached(join(out, 'index.stamp'), hashOf(coreSrc, size, SEED), () => {
    log(`Parallax index over ${size} articles (native)`);
    const r = sh(join(NATIVE, 'release/examples/index_bytes'), [corpus, join(out, 'parallax')]);
    return { ...JSON.parse(r.out), ms: r.ms };
  });
  for (const ext of ['index', 'corpus', 'text']) facts.index[ext] = transferSizes(join(out, `parallax.${ext}`));
  // The peers depend only on the articles, so they are keyed by the corpus's content: a change
  // to Parallax that leaves the generator's output alone does not rebuild them.
  const articles = corpusHash(corpus);
  for (const engine of ENGINES) {
    const key = engine === 'parallax' ? hashOf(appSrc, coreSrc, size, SEED) : hashOf(readFileSync(join(HERE, 'build-peer.mjs'), 'utf8'), articles);
    facts[engine] = cached(join(out, `${engine}.stamp`), key, () => {
      log(`building ${engine} over ${size} articles`);
      if (engine === 'parallax') {
        const b = sh('trunk', ['build', '--release', '--features', 'bench-hook', '--dist', `bench/out/${size}/parallax`], { env: { ...process.env, CORPUS_DIR: corpus } });
        return { ms: b.ms };
      }
      const b = sh('node', ['--max-old-space-size=12000', join(HERE, 'build-peer.mjs'), engine, corpus, out]);
      return { ms: b.ms };
    });
  }
}

const { server, resolve, origin } = await serve(HERE, REPO);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--enable-blink-features=ForceEagerMeasureMemory'],
});
const browserVersion = browser.version();
const runs = [];
const mixes = {};
try {
  for (const size of SIZES) {
    const docs = readCorpus(join(HERE, 'corpora', String(size)));
    const ref = new Bm25(docs);
    const queries = makeQueries(ref);
    mixes[size] = { queries, reference: queries.map((q) => ref.top(q.intent)), text_bytes: docs.reduce((a, d) => a + d.title.length + d.body.length, 0) };
  }
  const order = rng(SEED);
  for (let round = 0; round < ROUNDS; round++) {
    for (const size of SIZES) {
      const { queries } = mixes[size];
      const typed = queries.filter((q) => q.kind === 'multi-term' || q.kind === 'common').slice(0, 8).map((q) => q.text);
      for (const engine of order.shuffle(ENGINES)) {
        log(`round ${round + 1}/${ROUNDS}: ${engine} over ${size} articles`);
        const qs = order.shuffle(queries.map((q, i) => ({ ...q, i })));
        const run = await measureRun({ browser, origin, resolve, engine, size, queries: qs, typed, quality: round === 0 });
        // Back to the mix's order, so rounds line up query by query.
        const latency = new Array(qs.length);
        qs.forEach((q, k) => { latency[q.i] = run.latency[k]; });
        run.latency = latency;
        if (run.tops) {
          const tops = new Array(qs.length);
          qs.forEach((q, k) => { tops[q.i] = run.tops[k]; });
          run.tops = tops;
        }
        runs.push({ round, ...run });
      }
    }
  }
} finally {
  await browser.close().catch(() => {});
  server.close();
}

const result = report({ sizes: SIZES, engines: ENGINES, rounds: ROUNDS, runs, mixes, builds, browserVersion, repo: REPO });
mkdirSync(join(HERE, 'results'), { recursive: true });
// A named run (the smoke test) writes NAME.json and NAME.md; a full run a dated JSON and latest.md.
const name = arg('out-name', null);
const jsonName = `${name ?? new Date().toISOString().slice(0, 16).replace(/:/g, '')}.json`;
const mdName = `${name ?? 'latest'}.md`;
writeFileSync(join(HERE, 'results', jsonName), JSON.stringify(result.json, null, 1));
writeFileSync(join(HERE, 'results', mdName), result.markdown);
process.stdout.write(result.markdown);
log(`wrote bench/results/${jsonName} and bench/results/${mdName}`);
