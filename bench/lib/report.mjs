// Medians over the rounds, Parallax's ratio to the best peer per metric, machine details: the run's
// JSON and the Markdown table.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { overlap } from './bm25.mjs';
import { KINDS } from './queries.mjs';

const median = (xs) => {
  const v = xs.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const pct = (xs, p) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length ? v[Math.min(v.length - 1, Math.ceil(p * v.length) - 1)] : null;
};
const mean = (xs) => (xs.length ? xs.reduce((a, x) => a + x, 0) / xs.length : null);

// Parallax's queries that had to fetch index parts (a corpus in static files); none when embedded.
const coldTimes = (r, p) => {
  const fetched = (r.cold ?? []).filter((c) => c.parts > 0).map((c) => c.ms);
  return fetched.length ? pct(fetched, p) : null;
};

const RANKING = ['pagefind', 'minisearch', 'lunr'];

// Metrics: key, label, unit, whether lower is better, and how to read one run.
const METRICS = [
  ['searchable', 'time to searchable (load → first results painted)', 'ms', true, (r) => r.searchable],
  ['load_br', 'bytes to first results, brotli', 'KB', true, (r) => r.loadBytes.brotli / 1024],
  ['load_gz', 'bytes to first results, gzip', 'KB', true, (r) => r.loadBytes.gzip / 1024],
  ['total_br', 'bytes after all queries, brotli', 'KB', true, (r) => r.totalBytes.brotli / 1024],
  ['p50', 'query latency p50', 'ms', true, (r) => pct(r.latency, 0.5)],
  ['p95', 'query latency p95', 'ms', true, (r) => pct(r.latency, 0.95)],
  ['p99', 'query latency p99', 'ms', true, (r) => pct(r.latency, 0.99)],
  ['cold_p50', 'first query that fetches index parts, fetch + search p50', 'ms', true, (r) => coldTimes(r, 0.5)],
  ['cold_p95', 'first query that fetches index parts, fetch + search p95', 'ms', true, (r) => coldTimes(r, 0.95)],
  ['memory', 'memory after the queries (JS + wasm)', 'MB', true, (r) => (r.memory.bytes ?? 0) / 1048576],
  ['keys_p50', 'keystroke → painted results p50', 'ms', true, (r) => (r.keys?.length ? pct(r.keys, 0.5) : null)],
  ['keys_p95', 'keystroke → painted results p95', 'ms', true, (r) => (r.keys?.length ? pct(r.keys, 0.95) : null)],
  ['floor_p50', 'floor: keystroke → painted echo in a bare text field p50', 'ms', true, (r) => (r.floor?.length ? pct(r.floor, 0.5) : null)],
  ['floor_p95', 'floor: keystroke → painted echo in a bare text field p95', 'ms', true, (r) => (r.floor?.length ? pct(r.floor, 0.95) : null)],
  ['from_list', 'first keystroke on the article list → results', 'ms', true, (r) => r.fromList ?? null],
  ['align_p50', 'align two 5,000-word articles p50', 'ms', true, (r) => (r.align ? pct(r.align.times, 0.5) : null)],
  ['align_p95', 'align two 5,000-word articles p95', 'ms', true, (r) => (r.align ? pct(r.align.times, 0.95) : null)],
];

function machine(browserVersion, repo) {
  const cpus = os.cpus();
  let commit = '';
  try {
    commit = execFileSync('git', ['-C', repo, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {}
  return {
    cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, memory_gb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`, node: process.version, chromium: browserVersion, commit,
    date: new Date().toISOString(), load_average: os.loadavg().map((x) => x.toFixed(1)).join(' '),
  };
}

const fmt = (v, unit) => {
  if (v === null || v === undefined) return '—';
  if (unit === 'ratio') return v.toFixed(2);
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(unit === 'ms' && Math.abs(v) < 1 ? 3 : 2);
};

export function report({ sizes, engines, rounds, runs, mixes, builds, browserVersion, repo, machine: given }) {
  const m = given ?? machine(browserVersion, repo);
  const json = { machine: m, sizes, engines, rounds, builds, results: {}, queries: Object.fromEntries(sizes.map((n) => [n, mixes[n].queries])), runs };
  let md = `### Latest run\n\n${m.date.slice(0, 16).replace('T', ' ')} UTC, commit ${m.commit}: ${m.cpu}, ${m.cores} cores `
    + `(shared; load average ${m.load_average} at the end), ${m.memory_gb} GB, ${m.os}, Chromium ${m.chromium}, Node ${m.node}. `
    + `${rounds} rounds, engines interleaved in a random order; medians over the rounds.\n`;
  for (const size of sizes) {
    const mix = mixes[size];
    const res = (json.results[size] = {});
    for (const engine of engines) {
      const mine = runs.filter((r) => r.engine === engine && r.size === size);
      if (!mine.length) continue;
      const e = (res[engine] = {});
      for (const [key, , , , read] of METRICS) e[key] = median(mine.map(read));
      // Latency per kind of query (p95 of the per-query medians over the rounds).
      const perQuery = mix.queries.map((_, i) => median(mine.map((r) => r.latency[i])));
      e.kinds = {};
      for (const kind of KINDS) {
        const xs = perQuery.filter((_, i) => mix.queries[i].kind === kind);
        e.kinds[kind] = { p50: pct(xs, 0.5), p95: pct(xs, 0.95) };
      }
      const q = mine.find((r) => r.tops);
      if (q) {
        const scores = mix.queries.map((query, i) => overlap(mix.reference[i], q.tops[i]));
        const scored = scores.filter((s) => s !== null);
        e.quality = mean(scored);
        e.quality_kinds = Object.fromEntries(KINDS.map((kind) => [kind, mean(scores.filter((s, i) => s !== null && mix.queries[i].kind === kind))]));
        const nf = mix.queries.map((query, i) => i).filter((i) => mix.reference[i].top.length === 0);
        e.false_hits = nf.length ? nf.filter((i) => q.tops[i].length > 0).length / nf.length : null;
      }
    }
    const text = mix.text_bytes / 1048576;
    const ix = builds[size].index;
    md += `\n#### ${size.toLocaleString('en')} articles (${text.toFixed(1)} MB of text, ${mix.queries.length} queries)\n\n`;
    // Ranking peers: the engines that rank by BM25 (Pagefind, MiniSearch, Lunr); FlexSearch scores by
    // term position and context, answers typos and prefixes with nothing in its default setup, and
    // is fast for it. The second ratio leaves it out.
    const peers = engines.filter((x) => x !== 'parallax');
    const ranking = peers.filter((x) => RANKING.includes(x));
    json.results[size].ranking_peers = ranking;
    md += `| metric | ${engines.join(' | ')} | Parallax ÷ best peer | ÷ best ranking peer |\n|---|${engines.map(() => '---:').join('|')}|---:|---:|\n`;
    const ratioTo = (group, p, lowerBetter, get) => {
      const vals = group.map((x) => (res[x] ? get(res[x]) : null)).filter((v) => v !== null && v !== undefined);
      const best = vals.length ? (lowerBetter ? Math.min(...vals) : Math.max(...vals)) : null;
      return p !== null && p !== undefined && best ? p / best : null;
    };
    const row = (label, unit, lowerBetter, get) => {
      const vals = engines.map((x) => (res[x] ? get(res[x]) : null));
      const p = res.parallax ? get(res.parallax) : null;
      md += `| ${label} (${unit}) | ${vals.map((v) => fmt(v, unit)).join(' | ')} | ${fmt(ratioTo(peers, p, lowerBetter, get), 'ratio')} | ${fmt(ratioTo(ranking, p, lowerBetter, get), 'ratio')} |\n`;
    };
    for (const [key, label, unit, lower] of METRICS) {
      if (['cold_p50', 'cold_p95', 'keys_p50', 'keys_p95', 'floor_p50', 'floor_p95', 'from_list', 'align_p50', 'align_p95'].includes(key) && !engines.includes('parallax')) continue;
      row(label, unit, lower, (e) => e[key]);
    }
    row('query latency p95, stopword-heavy', 'ms', true, (e) => e.kinds['stopword-heavy'].p95);
    row('query latency p95, phrase', 'ms', true, (e) => e.kinds.phrase.p95);
    row('query latency p95, typo', 'ms', true, (e) => e.kinds.typo.p95);
    row('top-10 overlap with reference BM25', 'share', false, (e) => e.quality ?? null);
    row('not-found queries answered with hits', 'share', true, (e) => e.false_hits ?? null);
    md += `| build time (s) | ${engines.map((x) => fmt((builds[size][x]?.ms ?? NaN) / 1000, 's')).join(' | ')} | | |\n`;
    md += `\nRanking peers: ${ranking.join(', ') || 'none'}.\n`;
    if (ix?.index) {
      const per = ix.index.brotli / 1024 / (ix.text.raw / 1048576);
      md += `\nParallax index alone: ${fmt(ix.index.brotli / 1024, 'KB')} KB brotli = ${fmt(per, 'KB')} KB per MB of article text; `
        + `whole embedded corpus (texts, analysis, index): ${fmt(ix.corpus.brotli / 1024, 'KB')} KB brotli.\n`;
    }
  }
  if (builds.app?.wasm) {
    const w = builds.app.wasm;
    md += `\nThe app alone (release build over the five seeds, without the bench hook): wasm ${fmt(w.raw / 1024, 'KB')} KB raw, `
      + `${fmt(w.gzip / 1024, 'KB')} KB gzip, ${fmt(w.brotli / 1024, 'KB')} KB brotli.\n`;
  }
  return { json, markdown: md };
}
