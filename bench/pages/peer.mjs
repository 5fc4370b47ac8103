// One peer engine in a page: loads its prebuilt index from /data/SIZE/, answers the first query
// (`q`, with `prefix`/`fuzzy`/`kind` as the harness translated it), paints its top ten, then
// records `window.__searchable` (ms since navigation start) and exposes `window.__engine`.
const params = new URLSearchParams(location.search);
const engine = params.get('engine');
const data = `/data/${params.get('size')}/`;

// WebAssembly memory is not in measureUserAgentSpecificMemory here: note every wasm memory the
// engine creates (Pagefind's) so the harness can add it.
const memories = [];
for (const f of ['instantiate', 'instantiateStreaming']) {
  const original = WebAssembly[f];
  WebAssembly[f] = async (...args) => {
    const r = await original.apply(WebAssembly, args);
    const instance = r.instance ?? r;
    for (const v of Object.values(instance.exports ?? {})) if (v instanceof WebAssembly.Memory) memories.push(v);
    return r;
  };
}
window.__wasmMemory = () => memories.reduce((a, m) => a + m.buffer.byteLength, 0);

const getJson = async (name) => (await fetch(data + name)).json();
const loadScript = (src) => new Promise((resolve, reject) => {
  const s = document.createElement('script');
  s.src = src;
  s.onload = resolve;
  s.onerror = reject;
  document.head.append(s);
});

const adapters = {
  async minisearch() {
    const { default: MiniSearch } = await import('/lib/minisearch/index.js');
    const ms = MiniSearch.loadJSON(await (await fetch(`${data}minisearch.json`)).text(), { fields: ['title', 'body'], idField: 'id' });
    const run = (q) => ms.search(q.text, { prefix: q.prefix, fuzzy: q.fuzzy, boost: { title: 3 } });
    return { sync: true, search: (q) => run(q).length, top: (q, k) => run(q).slice(0, k).map((r) => r.id) };
  },
  async lunr() {
    await loadScript('/lib/lunr.js');
    const ix = window.lunr.Index.load(await getJson('lunr.json'));
    const run = (q) => {
      try {
        return ix.search(q.text);
      } catch {
        return []; // lunr rejects some query strings
      }
    };
    return { sync: true, search: (q) => run(q).length, top: (q, k) => run(q).slice(0, k).map((r) => r.ref) };
  },
  async flexsearch() {
    const { default: FlexSearch } = await import('/lib/flexsearch.js');
    const { ids, parts } = await getJson('flexsearch.json');
    const ix = new FlexSearch.Index({});
    for (const [key, value] of Object.entries(parts)) await ix.import(key, value);
    const run = (q, k = 100) => ix.search(q.text, { limit: k });
    return { sync: true, search: (q) => run(q).length, top: (q, k) => run(q, k).map((i) => ids[i]) };
  },
  async pagefind() {
    const pf = await import(`${data}pagefind/pagefind.js`);
    await pf.options({ basePath: `${data}pagefind/` });
    await pf.init();
    return {
      sync: false,
      search: async (q) => (await pf.search(q.text)).results.length,
      // Its UI loads each shown result's fragment for the title and URL; so does this.
      top: async (q, k) => {
        const r = await pf.search(q.text);
        const shown = await Promise.all(r.results.slice(0, k).map((x) => x.data()));
        return shown.map((d) => d.url.replace(/^.*\/doc\//, '').replace(/\/$/, ''));
      },
    };
  },
};

const first = { text: params.get('q') ?? '', prefix: params.get('prefix') === '1', fuzzy: Number(params.get('fuzzy') ?? 0), kind: params.get('kind') };
const e = await adapters[engine]();
const ids = await e.top(first, 10);
const list = document.getElementById('hits');
list.replaceChildren(...ids.map((id) => Object.assign(document.createElement('li'), { textContent: id })));
requestAnimationFrame(() => {
  window.__searchable = performance.now();
  window.__engine = e;
});
