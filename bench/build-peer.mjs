// Builds one peer engine's index over a generated corpus, the way a static site would ship it.
// Usage: node bench/build-peer.mjs ENGINE CORPUS_DIR OUT_DIR   (ENGINE: minisearch, lunr, flexsearch, pagefind)
// Prints one JSON line: {engine, ms, files}. Each engine indexes the headline and the body;
// Pagefind also gets outlet and month filters and the headline as metadata.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCorpus } from './lib/corpus.mjs';

const [engine, corpusDir, outDir] = process.argv.slice(2);
const docs = readCorpus(corpusDir);
mkdirSync(outDir, { recursive: true });
const t0 = performance.now();
const files = [];
const write = (name, text) => {
  writeFileSync(join(outDir, name), text);
  files.push(name);
};

if (engine === 'minisearch') {
  const { default: MiniSearch } = await import('minisearch');
  const ms = new MiniSearch({ fields: ['title', 'body'], idField: 'id' });
  ms.addAll(docs);
  write('minisearch.json', JSON.stringify(ms));
} else if (engine === 'lunr') {
  const { default: lunr } = await import('lunr');
  const ix = lunr(function build() {
    this.ref('id');
    this.field('title', { boost: 3 });
    this.field('body');
    for (const d of docs) this.add(d);
  });
  write('lunr.json', JSON.stringify(ix));
} else if (engine === 'flexsearch') {
  const { default: FlexSearch } = await import('flexsearch');
  const ix = new FlexSearch.Index({});
  docs.forEach((d, i) => ix.add(i, `${d.title}\n${d.body}`));
  const parts = {};
  await ix.export((key, data) => {
    parts[key] = data;
  });
  write('flexsearch.json', JSON.stringify({ ids: docs.map((d) => d.id), parts }));
} else if (engine === 'pagefind') {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (errors.length) throw new Error(errors.join('; '));
  for (const d of docs) {
    const r = await index.addCustomRecord({
      url: `/doc/${d.id}`,
      content: `${d.title}\n${d.body}`,
      language: 'en',
      meta: { title: d.title },
      filters: { outlet: [d.outlet], month: [d.month] },
    });
    if (r.errors.length) throw new Error(r.errors.join('; '));
  }
  rmSync(join(outDir, 'pagefind'), { recursive: true, force: true });
  const w = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
  if (w.errors.length) throw new Error(w.errors.join('; '));
  await pagefind.close();
  files.push('pagefind/');
} else {
  throw new Error(`unknown engine ${engine}`);
}
console.log(JSON.stringify({ engine, ms: Math.round(performance.now() - t0), files }));
