// The reference ranking for result quality: plain BM25 (k1 1.2, b 0.75, Lucene's idf) over each
// article's headline and body as one field, words lower-cased, split at anything that is not a
// letter or digit and Porter-stemmed (lunr's implementation of Porter), no stop words removed — the
// textbook baseline. Quality = top-10 overlap with it, so an engine that answers fast without
// ranking does not win on speed alone.
import lunr from 'lunr';

export const tokenize = (s) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

const stems = new Map();
export function stem(word) {
  let s = stems.get(word);
  if (s === undefined) {
    s = lunr.stemmer(new lunr.Token(word)).toString();
    stems.set(word, s);
  }
  return s;
}

export class Bm25 {
  constructor(docs, { k1 = 1.2, b = 0.75 } = {}) {
    this.k1 = k1;
    this.b = b;
    this.ids = docs.map((d) => d.id);
    this.postings = new Map(); // stem → Map(doc → tf)
    this.len = new Float64Array(docs.length);
    this.words = []; // surface word of each id (for drawing queries)
    const wordId = new Map();
    this.tokens = []; // per doc, the surface words as ids (phrases and query drawing)
    docs.forEach((d, i) => {
      const words = tokenize(`${d.title} ${d.body}`);
      const ids = new Int32Array(words.length);
      words.forEach((w, k) => {
        let id = wordId.get(w);
        if (id === undefined) {
          id = this.words.length;
          wordId.set(w, id);
          this.words.push(w);
        }
        ids[k] = id;
        const t = stem(w);
        let p = this.postings.get(t);
        if (!p) this.postings.set(t, (p = new Map()));
        p.set(i, (p.get(i) ?? 0) + 1);
      });
      this.tokens.push(ids);
      this.len[i] = words.length;
    });
    this.avg = this.len.reduce((a, x) => a + x, 0) / Math.max(1, docs.length);
    this.vocabulary = [...this.words].sort();
  }

  // The surface words of article `d`.
  docWords(d) {
    return Array.from(this.tokens[d], (id) => this.words[id]);
  }

  df(word) {
    return this.postings.get(stem(word))?.size ?? 0;
  }

  idf(t) {
    const n = this.postings.get(t)?.size ?? 0;
    return Math.log(1 + (this.ids.length - n + 0.5) / (n + 0.5));
  }

  // Words starting with `prefix` (binary search over the sorted vocabulary).
  completions(prefix) {
    let lo = 0;
    let hi = this.vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.vocabulary[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out = [];
    for (let i = lo; i < this.vocabulary.length && this.vocabulary[i].startsWith(prefix); i++) out.push(this.vocabulary[i]);
    return out;
  }

  // Scores of the words (OR, by stem); `phrase` keeps only articles with the words in a row.
  scores(words, phrase = false) {
    const acc = new Map();
    for (const t of new Set(words.map(stem))) {
      const p = this.postings.get(t);
      if (!p) continue;
      const idf = this.idf(t);
      for (const [d, tf] of p) {
        const norm = tf + this.k1 * (1 - this.b + (this.b * this.len[d]) / this.avg);
        acc.set(d, (acc.get(d) ?? 0) + (idf * tf * (this.k1 + 1)) / norm);
      }
    }
    if (phrase) {
      const want = words.map(stem);
      for (const d of [...acc.keys()]) if (!this.hasPhrase(d, want)) acc.delete(d);
    }
    return acc;
  }

  hasPhrase(d, want) {
    const w = this.tokens[d];
    outer: for (let i = 0; i + want.length <= w.length; i++) {
      for (let k = 0; k < want.length; k++) if (stem(this.words[w[i + k]]) !== want[k]) continue outer;
      return true;
    }
    return false;
  }

  // The best `k` ids for an intent, plus every id tied with the k-th (ties are all correct).
  top(intent, k = 10) {
    const words = intent.prefix ? this.completions(intent.prefix) : intent.terms;
    const ranked = [...this.scores(words, intent.phrase)].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    if (ranked.length <= k) return { top: ranked.map(([d]) => this.ids[d]), accepted: new Set(ranked.map(([d]) => this.ids[d])) };
    const cut = ranked[k - 1][1];
    const accepted = new Set(ranked.filter(([, s], i) => i < k || Math.abs(s - cut) < 1e-9).map(([d]) => this.ids[d]));
    return { top: ranked.slice(0, k).map(([d]) => this.ids[d]), accepted };
  }
}

// Share of the reference's top 10 (ties at the cut count as correct) in an engine's top 10;
// null when the reference finds nothing (not-found queries are scored by `falseHits` instead).
export function overlap(reference, engineTop) {
  if (reference.top.length === 0) return null;
  const got = engineTop.slice(0, 10).filter((id) => reference.accepted.has(id)).length;
  return Math.min(1, got / reference.top.length);
}
