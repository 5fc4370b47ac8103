// `make lighthouse`: Lighthouse (pinned in this folder's package.json) over the built page, mobile
// preset (a mid-range phone on a slow 4G line, simulated), in the system Chromium. The page is served
// the way a static host serves it: brotli for text and wasm, long-lived cache for hashed files.
// Prints the median of RUNS runs: the performance score and the metrics it is made of.
// Usage: node bench/lighthouse/run.mjs [DIST=dist] [RUNS=5]
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { brotli, listen, staticServer } from '../../scripts/static-server.mjs';

const [dist = 'dist', runsArg = '5'] = process.argv.slice(2);
const runs = Math.max(1, Number(runsArg) || 5);
const root = resolve(dist);
const server = staticServer(root, { asHost: true });
const url = `${await listen(server)}/`;

const firstViewWasm = readdirSync(root)
  .filter((f) => f.endsWith('.wasm'))
  .map((f) => ({ f, br: brotli(readFileSync(join(root, f))).length }));

const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'interactive'];
const results = [];
for (let i = 0; i < runs; i++) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const r = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] });
    const lhr = r.lhr;
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    results.push({
      perf: lhr.categories.performance.score,
      a11y: lhr.categories.accessibility.score,
      bp: lhr.categories['best-practices'].score,
      ...Object.fromEntries(metrics.map((m) => [m, lhr.audits[m].numericValue])),
    });
  } finally {
    await chrome.kill();
  }
}
server.close();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const m = (k) => median(results.map((r) => r[k]));
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`Lighthouse 12.2.3, mobile (simulated slow 4G, 4x CPU), system Chromium, ${dist}/ served with brotli; median of ${runs} runs`);
console.log(`| metric | value | target |`);
console.log(`|---|---:|---:|`);
console.log(`| performance score | ${m('perf').toFixed(2)} (runs: ${results.map((r) => r.perf.toFixed(2)).join(', ')}) | ≥ 0.95 |`);
console.log(`| first contentful paint | ${s(m('first-contentful-paint'))} | |`);
console.log(`| largest contentful paint | ${s(m('largest-contentful-paint'))} | ≤ 2.0 s |`);
console.log(`| total blocking time | ${Math.round(m('total-blocking-time'))} ms | |`);
console.log(`| cumulative layout shift | ${m('cumulative-layout-shift').toFixed(3)} | |`);
console.log(`| speed index | ${s(m('speed-index'))} | |`);
console.log(`| time to interactive | ${s(m('interactive'))} | |`);
console.log(`| accessibility score | ${m('a11y').toFixed(2)} | |`);
console.log(`| best-practices score | ${m('bp').toFixed(2)} | |`);
for (const { f, br } of firstViewWasm) console.log(`| wasm ${f.replace(/-[0-9a-f]{16}/, '')}, brotli (the whole app: the first view loads all of it) | ${(br / 1024).toFixed(0)} KB | first view ≤ 150 KB |`);
