// The fixed, seeded query mix, drawn from the corpus itself so every size gets queries of the
// same kinds: rare, common, stopword-heavy, multi-term, phrase, prefix, typo and not-found.
// Each query has the text a person types (`text`) and what they mean (`intent`), which the
// reference BM25 ranks: a typo means the word spelt right, a prefix all its completions.
import { tokenize } from './bm25.mjs';
import { rng } from './rng.mjs';

const STOP = new Set(('a an and are as at be but by for from had has have he her his i if in into is it its no not of on or ' +
  'she so such than that the their them then there these they this to was we were which who will with would').split(' '));
export const KINDS = ['rare', 'common', 'stopword-heavy', 'multi-term', 'phrase', 'prefix', 'typo', 'not-found'];

const content = (w) => !STOP.has(w) && /^[a-z]{4,}$/.test(w);

export function makeQueries(ref, { perKind = 30, notFound = 20, seed = 9 } = {}) {
  const r = rng(seed);
  const n = ref.ids.length;
  const vocab = ref.vocabulary.filter(content);
  const byDf = [...vocab].sort((a, b) => ref.df(b) - ref.df(a) || (a < b ? -1 : 1));
  const mid = vocab.filter((w) => ref.df(w) >= Math.max(3, n * 0.002) && ref.df(w) <= n * 0.08);
  const rare = vocab.filter((w) => ref.df(w) >= 2 && ref.df(w) <= 5 && w.length >= 5);
  const out = [];
  const seen = new Set();
  const add = (kind, text, intent) => {
    if (seen.has(text)) return false;
    seen.add(text);
    out.push({ kind, text, intent });
    return true;
  };
  const docWords = () => ref.docWords(r.below(n));
  const fill = (kind, count, make) => {
    for (let tries = 0, made = 0; made < count && tries < count * 200; tries++) if (make()) made++;
  };
  fill('rare', perKind, () => { const w = r.pick(rare); return w && add('rare', w, { terms: [w] }); });
  const common = byDf.slice(0, 300);
  fill('common', perKind, () => { const w = r.pick(common); return add('common', w, { terms: [w] }); });
  fill('stopword-heavy', perKind, () => {
    const w = docWords();
    const len = 4 + r.below(2);
    const at = r.below(Math.max(1, w.length - len));
    const run = w.slice(at, at + len);
    const stops = run.filter((x) => STOP.has(x)).length;
    if (run.length < len || stops < 2 || stops === len || !run.every((x) => /^[a-z]+$/.test(x))) return false;
    return add('stopword-heavy', run.join(' '), { terms: run });
  });
  fill('multi-term', perKind, () => {
    const w = [...new Set(docWords().filter((x) => content(x) && ref.df(x) <= n * 0.2))];
    if (w.length < 3) return false;
    const k = 2 + r.below(2);
    const picked = r.shuffle(w).slice(0, k);
    return add('multi-term', picked.join(' '), { terms: picked });
  });
  fill('phrase', perKind, () => {
    const w = docWords();
    const len = 2 + r.below(2);
    const at = r.below(Math.max(1, w.length - len));
    const run = w.slice(at, at + len);
    if (run.length < len || !content(run[0]) || !content(run[len - 1]) || !run.every((x) => /^[a-z]+$/.test(x))) return false;
    if (ref.df(run[0]) > n * 0.3 && ref.df(run[len - 1]) > n * 0.3) return false;
    return add('phrase', `"${run.join(' ')}"`, { terms: run, phrase: true, words: run });
  });
  fill('prefix', perKind, () => {
    const w = r.pick(mid.filter((x) => x.length >= 7));
    if (!w) return false;
    const p = w.slice(0, 4 + r.below(2));
    return add('prefix', p, { prefix: p, terms: [w] });
  });
  const known = new Set(ref.vocabulary);
  fill('typo', perKind, () => {
    const w = r.pick(mid.filter((x) => x.length >= 6));
    if (!w) return false;
    const i = 1 + r.below(w.length - 3);
    const typo = r.below(2) === 0
      ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) // two letters swapped
      : w.slice(0, i) + 'aeiou'[r.below(5)] + w.slice(i + 1); // one letter changed
    if (typo === w || known.has(typo)) return false;
    return add('typo', typo, { terms: [w] });
  });
  fill('not-found', notFound, () => {
    const word = () => Array.from({ length: 7 + r.below(3) }, () => 'bcdfghjklmnpqrstvwxz'[r.below(20)]).join('');
    const text = r.below(2) === 0 ? word() : `${word()} ${word()}`;
    if (tokenize(text).some((x) => known.has(x))) return false;
    return add('not-found', text, { terms: tokenize(text) });
  });
  return out;
}

// What each engine is sent for a query, in its own syntax, using the features it has.
// Options: `prefix` / `fuzzy` turn on MiniSearch's prefix and typo matching for those kinds.
export function translate(engine, q) {
  const words = q.intent.words ?? tokenize(q.text);
  switch (engine) {
    case 'parallax':
      return { text: q.kind === 'prefix' ? `${q.text}*` : q.text };
    case 'pagefind': // quoted phrases; prefixes are matched anyway; no typo tolerance
      return { text: q.text };
    case 'minisearch':
      return { text: words.join(' '), prefix: q.kind === 'prefix', fuzzy: q.kind === 'typo' ? 0.2 : 0 };
    case 'lunr': // no phrases (all words required instead); `*` prefix, `~1` one edit
      if (q.kind === 'phrase') return { text: words.map((w) => `+${w}`).join(' ') };
      if (q.kind === 'prefix') return { text: `${q.text}*` };
      if (q.kind === 'typo') return { text: `${q.text}~1` };
      return { text: words.join(' ') };
    case 'flexsearch': // word queries only: no phrases, prefixes or typo tolerance in the default index
      return { text: words.join(' ') };
    default:
      throw new Error(`unknown engine ${engine}`);
  }
}
