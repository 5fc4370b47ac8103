// One measured run of one engine over one corpus size in a fresh browser context (cold cache):
// time to searchable, bytes transferred, query latency per query, and — for Parallax — keystroke
// to painted results and the alignment of two 5,000-word articles; memory at the end.
import { transferSizes } from './server.mjs';
import { translate } from './queries.mjs';

// Parallax: the page counts as searchable when the first results are in the DOM and the frame
// that shows them is about to be painted (the same rule as the peer page).
function watchFirstResults() {
  new MutationObserver((_, obs) => {
    if (document.querySelector('[data-testid="hit"], [data-testid="results"] .empty')) {
      obs.disconnect();
      requestAnimationFrame(() => {
        window.__searchable = performance.now();
      });
    }
  }).observe(document, { childList: true, subtree: true });
}

// Times each query: one warm-up, then repetitions until `minMs` have passed (at least 3), so the
// browser's timer resolution does not matter; the figure is the mean time of one query.
async function timeQueries({ qs, minMs, maxReps }) {
  const e = window.__engine;
  const out = [];
  for (const q of qs) {
    let reps = 0;
    let t = 0;
    if (e.sync) {
      e.search(q);
      const t0 = performance.now();
      do {
        e.search(q);
        reps++;
        t = performance.now() - t0;
      } while ((t < minMs || reps < 3) && reps < maxReps);
    } else {
      await e.search(q);
      const t0 = performance.now();
      do {
        await e.search(q);
        reps++;
        t = performance.now() - t0;
      } while ((t < minMs || reps < 3) && reps < maxReps);
    }
    out.push(t / reps);
  }
  return out;
}

// Keystroke to painted results: from the keydown event's time stamp to the animation frame after
// the results changed in the DOM. That frame waits for the display's next refresh, whatever the
// page does; the floor is the same figure for a bare <input> beside the app whose handler only
// echoes the key into one text node (`addFloorField`), typed in the same run.
function watchKeystrokes() {
  window.__keys = [];
  window.__keyRoot = 'main';
  let t0 = null;
  document.addEventListener('keydown', (e) => { t0 = e.timeStamp; }, true);
  new MutationObserver((records) => {
    const root = document.querySelector(window.__keyRoot);
    if (t0 === null || !root || !records.some((r) => root.contains(r.target))) return;
    const start = t0;
    t0 = null;
    requestAnimationFrame(() => window.__keys.push(performance.now() - start));
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}

// A bare text field beside the app, for the floor of the keystroke figures.
function addFloorField() {
  const input = document.createElement('input');
  input.id = 'bench-floor';
  const out = document.createElement('output');
  input.addEventListener('input', () => { out.textContent = input.value; });
  const box = document.createElement('div');
  box.id = 'bench-floor-box';
  box.append(input, out);
  document.body.append(box);
  window.__keyRoot = '#bench-floor-box';
}

const PARALLAX_ENGINE = () => {
  const b = window.wasmBindings;
  window.__engine = {
    sync: true,
    search: (q) => b.bench_search(q.text),
    top: (q, k) => b.bench_top(q.text, k).split('\n').filter(Boolean),
  };
};

async function memory(page, cdp) {
  const ua = await page.evaluate(async () => {
    if (!self.crossOriginIsolated || !performance.measureUserAgentSpecificMemory) return null;
    try {
      return (await performance.measureUserAgentSpecificMemory()).bytes;
    } catch {
      return null;
    }
  });
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const jsHeap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
  return { bytes: ua ?? jsHeap, measured_by: ua ? 'measureUserAgentSpecificMemory' : 'JSHeapUsedSize', js_heap: jsHeap };
}

export async function measureRun({ browser, origin, resolve, engine, size, queries, typed, quality, minMs = 5, maxReps = 300 }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const fetched = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin === origin) fetched.push(u.pathname);
  });
  const bytes = () => {
    const sum = { raw: 0, gzip: 0, brotli: 0, requests: fetched.length };
    for (const p of fetched) {
      const f = resolve(p);
      if (!f) continue;
      const s = transferSizes(f);
      sum.raw += s.raw;
      sum.gzip += s.gzip;
      sum.brotli += s.brotli;
    }
    return sum;
  };
  const first = queries.find((q) => q.kind === 'common');
  const t = translate(engine, first);
  if (engine === 'parallax') {
    await page.addInitScript(watchFirstResults);
    await page.goto(`${origin}/p/${size}/?v=1&q=${encodeURIComponent(t.text)}`);
  } else {
    const qs = new URLSearchParams({ engine, size: String(size), q: t.text, prefix: t.prefix ? '1' : '0', fuzzy: String(t.fuzzy ?? 0) });
    await page.goto(`${origin}/pages/peer.html?${qs}`);
  }
  await page.waitForFunction(() => window.__searchable !== undefined && (window.__engine || window.wasmBindings), null, { timeout: 300_000 });
  const searchable = await page.evaluate(() => window.__searchable);
  const loadBytes = bytes();
  if (engine === 'parallax') await page.evaluate(PARALLAX_ENGINE);

  const sent = queries.map((q) => translate(engine, q));
  // Parallax over a corpus in static files: each query of the mix first fetches the index parts
  // it needs (as the results view does), timed with its search; then the timing below is warm.
  let cold = null;
  if (engine === 'parallax') {
    cold = await page.evaluate(async (qs) => {
      const b = window.wasmBindings;
      const out = [];
      for (const q of qs) {
        const t0 = performance.now();
        const parts = await b.bench_load(q.text);
        b.bench_search(q.text);
        out.push({ ms: performance.now() - t0, parts });
      }
      return out;
    }, sent);
  }
  const latency = await page.evaluate(timeQueries, { qs: sent, minMs, maxReps });

  let tops = null;
  if (quality) tops = await page.evaluate(async (qs) => { const out = []; for (const q of qs) out.push(await window.__engine.top(q, 10)); return out; }, sent);

  // Memory after the queries (before the keystrokes below load more index parts).
  const mem = await memory(page, cdp);
  // measureUserAgentSpecificMemory leaves WebAssembly memory out here: add it (Parallax's from
  // its hook, Pagefind's as the peer page saw it created).
  mem.wasm = await page.evaluate(() => (window.wasmBindings?.bench_wasm_memory ? window.wasmBindings.bench_wasm_memory() : window.__wasmMemory?.() ?? 0));
  mem.bytes += mem.wasm;

  let keys = null;
  let floor = null;
  let fromList = null;
  let align = null;
  if (engine === 'parallax') {
    // Over a corpus in static files, every prefix typed below would first fetch index parts (and
    // the figure would time the loading line): load them first, so keystrokes time warm searches.
    await page.evaluate(async (qs) => {
      for (const q of qs) for (let i = 1; i <= q.length; i++) await window.wasmBindings.bench_load(q.slice(0, i));
    }, typed);
    await page.evaluate(watchKeystrokes);
    const press = async (key) => {
      const before = await page.evaluate(() => window.__keys.length);
      await page.keyboard.press(key);
      try {
        await page.waitForFunction((n) => window.__keys.length > n, before, { timeout: 5000 });
      } catch {
        /* no visible change: nothing to time */
      }
    };
    // Each query typed over the previous one (selected, so the first key replaces it): results to
    // results, key by key.
    const typeAll = async (field) => {
      for (const q of typed) {
        await field.selectText();
        for (const ch of q) {
          if (ch === ' ') await page.keyboard.press('Space');
          else await press(ch);
        }
      }
      const got = await page.evaluate(() => window.__keys);
      await page.evaluate(() => { window.__keys = []; });
      return got;
    };
    const input = page.getByTestId('search-input');
    keys = await typeAll(input);
    // The floor: the same keys into a field that only echoes them.
    await page.evaluate(addFloorField);
    floor = await typeAll(page.locator('#bench-floor'));
    await page.evaluate(() => { document.getElementById('bench-floor-box').remove(); window.__keyRoot = 'main'; });
    // The first key typed on the front page (the article list) is timed apart: it leaves the list.
    await input.fill('');
    await page.waitForTimeout(1500);
    await page.evaluate(() => { window.__keys = []; });
    await press(typed[0][0]);
    fromList = (await page.evaluate(() => window.__keys))[0] ?? null;
    align = await page.evaluate(() => {
      const b = window.wasmBindings;
      const words = b.bench_align_prepare();
      b.bench_align();
      const times = [];
      let pairs = 0;
      for (let i = 0; i < 15; i++) {
        const t0 = performance.now();
        pairs = b.bench_align();
        times.push(performance.now() - t0);
      }
      return { words_a: Math.floor(words / 100000), words_b: words % 100000, pairs, times };
    });
  }
  const totalBytes = bytes();
  await context.close();
  return { engine, size, searchable, loadBytes, totalBytes, latency, cold, tops, keys, floor, fromList, align, memory: mem };
}
