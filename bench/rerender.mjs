// Re-renders the Markdown table of a finished run without running it again (after a change to
// the report): `node bench/rerender.mjs bench/results/RUN.json` rewrites bench/results/latest.md.
// The query mix and the reference ranking are recomputed from the corpora (they are seeded).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bm25 } from './lib/bm25.mjs';
import { readCorpus } from './lib/corpus.mjs';
import { makeQueries } from './lib/queries.mjs';
import { report } from './lib/report.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const file = process.argv[2];
const run = JSON.parse(readFileSync(file, 'utf8'));
const mixes = {};
for (const size of run.sizes) {
  const docs = readCorpus(join(HERE, 'corpora', String(size)));
  const ref = new Bm25(docs);
  const queries = makeQueries(ref);
  mixes[size] = { queries, reference: queries.map((q) => ref.top(q.intent)), text_bytes: docs.reduce((a, d) => a + d.title.length + d.body.length, 0) };
}
const out = report({ ...run, mixes, browserVersion: run.machine.chromium, repo: join(HERE, '..'), machine: run.machine });
writeFileSync(join(HERE, 'results', 'latest.md'), out.markdown);
process.stdout.write(out.markdown);
