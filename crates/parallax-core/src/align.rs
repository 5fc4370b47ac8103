//! Passage alignment between articles: which paragraphs two articles share word for word
//! (`verbatim`), as an edited copy (`near`), or as the same facts in other words (`paraphrase`),
//! and which are only in one of them; plus a word-level diff of each aligned pair.
//!
//! Every pair carries its [`Measure`], so a reader can see why it was aligned:
//! - `copied`: share of the shorter paragraph's three-word shingles found in the other (copying);
//! - `dice`: Dice overlap of the two paragraphs' stemmed words (vocabulary in common);
//! - `cover`: share of the shorter paragraph's content words (no stop words) found in the other;
//! - shared names and figures.
//!
//! Thresholds ([`Thresholds`]): verbatim when `copied` ≥ 0.9 both ways; near when `copied` ≥ 0.4
//! or (`dice` ≥ 0.6 and `copied` ≥ 0.2); paraphrase when `cover` ≥ 0.35 with a shared figure or two
//! shared names. Candidates are paired one-to-one, strongest first. Repeats, credit lines and
//! boilerplate are never aligned.

use crate::ingest::{Article, Role};
use crate::text::names::name_key;
use crate::text::normalise::fold_char;
use crate::text::stem::stem;
use crate::text::tokenize::{is_stopword, tokens, words};
use crate::Span;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// How two aligned passages relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Near-identical text.
    Verbatim,
    /// An edited copy: long runs of the same words.
    Near,
    /// The same facts in other words.
    Paraphrase,
}

impl Kind {
    /// Lower-case name used in JSON and the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Verbatim => "verbatim",
            Kind::Near => "near",
            Kind::Paraphrase => "paraphrase",
        }
    }
}

/// Why two passages were aligned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    /// Share (0–1) of the shorter passage's three-word shingles found in the other.
    pub copied: f32,
    /// Share of `a`'s shingles found in `b`.
    pub copied_a_in_b: f32,
    /// Share of `b`'s shingles found in `a`.
    pub copied_b_in_a: f32,
    /// Dice overlap (0–1) of the stemmed words.
    pub dice: f32,
    /// Share of the shorter passage's content words found in the other.
    pub cover: f32,
    /// Names (capitalised words) both passages use.
    pub shared_names: Vec<String>,
    /// Figures both passages state.
    pub shared_figures: Vec<String>,
}

/// Alignment thresholds; see the module documentation.
#[derive(Clone, Copy, Debug)]
pub struct Thresholds {
    /// `copied` (both ways) at or above which a pair is verbatim.
    pub verbatim: f32,
    /// `copied` at or above which a pair is near.
    pub near_copied: f32,
    /// `dice` at or above which a pair with some copying (`near_dice_copied`) is near.
    pub near_dice: f32,
    /// The copying that `near_dice` needs.
    pub near_dice_copied: f32,
    /// `cover` at or above which a pair with shared figures or names is a paraphrase.
    pub paraphrase_cover: f32,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            verbatim: 0.9,
            near_copied: 0.4,
            near_dice: 0.6,
            near_dice_copied: 0.2,
            paraphrase_cover: 0.35,
        }
    }
}

/// Two aligned paragraphs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    /// Paragraph index in the first article.
    pub a: usize,
    /// Paragraph index in the second article.
    pub b: usize,
    /// How they relate.
    pub kind: Kind,
    /// Why.
    pub measure: Measure,
}

/// The alignment of two articles.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// Aligned pairs, in the first article's order.
    pub pairs: Vec<Pair>,
    /// Paragraphs only in the first article.
    pub only_a: Vec<usize>,
    /// Paragraphs only in the second article.
    pub only_b: Vec<usize>,
}

/// What alignment needs of one paragraph.
#[derive(Clone, Debug)]
pub struct Features {
    /// Paragraph index.
    pub para: usize,
    /// Stem hashes with their counts, sorted by hash.
    stems: Vec<(u64, u32)>,
    /// Content-word stem hashes (no stop words, no numbers), sorted and distinct.
    content: Vec<u64>,
    shingles: HashSet<u64>,
    names: HashSet<String>,
    figures: HashSet<String>,
    words: usize,
}

fn hash_words<S: AsRef<str>>(ws: &[S]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in ws {
        for b in w.as_ref().bytes().chain([0]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Counts of the values two sorted, distinct slices share.
fn shared_sorted(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Figures in a text: runs of digits with inner `,` or `.` (`6,700`, `80.1`), normalised without
/// thousands separators.
pub fn figures(text: &str) -> Vec<(String, Span)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            let start = i;
            while i < b.len()
                && (b[i].is_ascii_digit()
                    || ((b[i] == b',' || b[i] == b'.')
                        && i + 1 < b.len()
                        && b[i + 1].is_ascii_digit()))
            {
                i += 1;
            }
            let raw = &text[start..i];
            out.push((raw.replace(',', ""), Span::new(start, i)));
        } else {
            i += 1;
        }
    }
    out
}

/// The paragraphs of an article that alignment considers: standfirst and body, not repeats.
pub fn alignable(a: &Article) -> impl Iterator<Item = usize> + '_ {
    a.paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| matches!(p.role, Role::Body | Role::Standfirst) && p.repeat_of.is_none())
        .map(|(i, _)| i)
}

/// Features of one paragraph.
pub fn features(a: &Article, para: usize) -> Features {
    features_with(a, para, &mut Stems::default())
}

/// What one folded word contributes: the hash of its stem, and whether it is a content word.
type StemEntry = (u64, bool);

/// A cache of stems by folded word, shared by the paragraphs of one alignment: most words recur,
/// and stemming is the costly part of reading a paragraph.
#[derive(Default)]
pub struct Stems(HashMap<String, StemEntry>);

/// Mixes three word hashes into a shingle hash.
fn mix(a: u64, b: u64, c: u64) -> u64 {
    let k = 0x9e37_79b9_7f4a_7c15u64;
    (a.wrapping_mul(k).rotate_left(23) ^ b)
        .wrapping_mul(k)
        .rotate_left(23)
        ^ c
}

/// Features of one paragraph, with a stem cache.
pub fn features_with(a: &Article, para: usize, cache: &mut Stems) -> Features {
    let text = a.paragraphs.get(para).map_or("", |p| a.slice(p.span));
    let mut stems: Vec<u64> = Vec::new();
    let mut content = Vec::new();
    let mut names = HashSet::new();
    let mut word_hashes: Vec<u64> = Vec::new();
    let mut folded = String::new();
    for span in words(text) {
        let surface = &text[span.start..span.end];
        folded.clear();
        for c in surface.chars() {
            fold_char(c, &mut folded);
        }
        if folded.ends_with("'s") {
            folded.truncate(folded.len() - 2);
        }
        folded.retain(|c| c != '\'');
        if folded.is_empty() {
            continue;
        }
        let (h, is_content) = match cache.0.get(folded.as_str()) {
            Some(e) => *e,
            None => {
                let e = (
                    hash_words(&[stem(&folded)]),
                    !is_stopword(&folded) && !folded.bytes().all(|b| b.is_ascii_digit()),
                );
                cache.0.insert(folded.clone(), e);
                e
            }
        };
        stems.push(h);
        if is_content {
            content.push(h);
        }
        if surface.starts_with(char::is_uppercase) {
            if let Some(k) = name_key(&folded) {
                names.insert(k);
            }
        }
        word_hashes.push(hash_words(&[folded.as_str()]));
    }
    let words = stems.len();
    stems.sort_unstable();
    let mut counted: Vec<(u64, u32)> = Vec::new();
    for h in stems {
        match counted.last_mut() {
            Some((last, n)) if *last == h => *n += 1,
            _ => counted.push((h, 1)),
        }
    }
    content.sort_unstable();
    content.dedup();
    // Three-word runs of the folded words (case and accents do not hide a copy).
    let shingles = word_hashes
        .windows(3)
        .map(|w| mix(w[0], w[1], w[2]))
        .collect();
    Features {
        para,
        stems: counted,
        content,
        shingles,
        names,
        figures: figures(text).into_iter().map(|f| f.0).collect(),
        words,
    }
}

fn share(a: &HashSet<u64>, b: &HashSet<u64>) -> f32 {
    if a.is_empty() {
        0.0
    } else {
        a.iter().filter(|x| b.contains(x)).count() as f32 / a.len() as f32
    }
}

/// Measures a pair of paragraphs.
pub fn measure(a: &Features, b: &Features) -> Measure {
    let copied_a_in_b = share(&a.shingles, &b.shingles);
    let copied_b_in_a = share(&b.shingles, &a.shingles);
    let shorter_is_a = a.words <= b.words;
    let copied = if shorter_is_a {
        copied_a_in_b
    } else {
        copied_b_in_a
    };
    let (mut i, mut j, mut shared) = (0, 0, 0u32);
    while i < a.stems.len() && j < b.stems.len() {
        let (x, y) = (a.stems[i], b.stems[j]);
        match x.0.cmp(&y.0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += x.1.min(y.1);
                i += 1;
                j += 1;
            }
        }
    }
    let total: u32 =
        a.stems.iter().map(|s| s.1).sum::<u32>() + b.stems.iter().map(|s| s.1).sum::<u32>();
    let dice = if total == 0 {
        0.0
    } else {
        2.0 * shared as f32 / total as f32
    };
    let small = a.content.len().min(b.content.len());
    let cover = if small == 0 {
        0.0
    } else {
        shared_sorted(&a.content, &b.content) as f32 / small as f32
    };
    let mut shared_names: Vec<String> = a.names.intersection(&b.names).cloned().collect();
    shared_names.sort();
    let mut shared_figures: Vec<String> = a.figures.intersection(&b.figures).cloned().collect();
    shared_figures.sort();
    Measure {
        copied,
        copied_a_in_b,
        copied_b_in_a,
        dice,
        cover,
        shared_names,
        shared_figures,
    }
}

/// The kind of a measured pair, if it is aligned at all.
pub fn classify(m: &Measure, t: &Thresholds) -> Option<Kind> {
    if m.copied_a_in_b >= t.verbatim && m.copied_b_in_a >= t.verbatim {
        Some(Kind::Verbatim)
    } else if m.copied >= t.near_copied || (m.dice >= t.near_dice && m.copied >= t.near_dice_copied)
    {
        Some(Kind::Near)
    } else if m.cover >= t.paraphrase_cover
        && (!m.shared_figures.is_empty() || m.shared_names.len() >= 2)
    {
        Some(Kind::Paraphrase)
    } else {
        None
    }
}

/// Share of the smaller paragraph's content words two paragraphs must share to be measured: a
/// paraphrase needs 0.35 of them (`cover`), and copies share far more.
const PREFILTER: f32 = 0.3;

/// Aligns two articles paragraph by paragraph.
pub fn align(a: &Article, b: &Article, t: &Thresholds) -> Alignment {
    let mut cache = Stems::default();
    let fa = article_features(a, &mut cache);
    let fb = article_features(b, &mut cache);
    align_features(&fa, &fb, t)
}

/// The features of an article's alignable paragraphs, in order.
pub fn article_features(a: &Article, cache: &mut Stems) -> Vec<Features> {
    alignable(a).map(|p| features_with(a, p, cache)).collect()
}

/// Aligns two articles from their paragraphs' features ([`article_features`]): what [`align`]
/// does, without reading the texts again.
pub fn align_features(fa: &[Features], fb: &[Features], t: &Thresholds) -> Alignment {
    // Only pairs sharing 30% of the smaller paragraph's content words are measured: every
    // kind of alignment needs far more than that, and most pairs share almost nothing.
    let mut by_word: HashMap<u64, Vec<usize>> = HashMap::new();
    for (j, y) in fb.iter().enumerate() {
        for w in &y.content {
            by_word.entry(*w).or_default().push(j);
        }
    }
    let mut candidates: Vec<Pair> = Vec::new();
    let mut shared = vec![0usize; fb.len()];
    for x in fa {
        shared.iter_mut().for_each(|c| *c = 0);
        for w in &x.content {
            for &j in by_word.get(w).map_or(&[][..], Vec::as_slice) {
                shared[j] += 1;
            }
        }
        for (j, y) in fb.iter().enumerate() {
            let small = x.content.len().min(y.content.len());
            if shared[j] == 0 || (shared[j] as f32) < PREFILTER * small as f32 {
                continue;
            }
            let m = measure(x, y);
            if let Some(kind) = classify(&m, t) {
                candidates.push(Pair {
                    a: x.para,
                    b: y.para,
                    kind,
                    measure: m,
                });
            }
        }
    }
    // Strongest first: verbatim, near, paraphrase; then by copying and overlap.
    candidates.sort_by(|p, q| {
        p.kind
            .cmp(&q.kind)
            .then(q.measure.copied.total_cmp(&p.measure.copied))
            .then(q.measure.dice.total_cmp(&p.measure.dice))
    });
    let (mut used_a, mut used_b) = (HashSet::new(), HashSet::new());
    let mut pairs = Vec::new();
    for c in candidates {
        if used_a.contains(&c.a) || used_b.contains(&c.b) {
            continue;
        }
        used_a.insert(c.a);
        used_b.insert(c.b);
        pairs.push(c);
    }
    pairs.sort_by_key(|p| (p.a, p.b));
    Alignment {
        only_a: fa
            .iter()
            .map(|f| f.para)
            .filter(|p| !used_a.contains(p))
            .collect(),
        only_b: fb
            .iter()
            .map(|f| f.para)
            .filter(|p| !used_b.contains(p))
            .collect(),
        pairs,
    }
}

/// One step of a word-level diff. Spans are byte ranges in the two paragraph texts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum DiffOp {
    /// The same words.
    Equal {
        /// In the first text.
        a: Span,
        /// In the second text.
        b: Span,
    },
    /// Words only in the first text.
    Delete {
        /// In the first text.
        a: Span,
    },
    /// Words only in the second text.
    Insert {
        /// In the second text.
        b: Span,
    },
    /// Words of the first text replaced by words of the second.
    Replace {
        /// In the first text.
        a: Span,
        /// In the second text.
        b: Span,
    },
}

/// Word-level diff of two texts (longest common subsequence of lower-cased words); runs of the
/// same operation are merged, and a deletion next to an insertion becomes a replacement.
pub fn diff(a: &str, b: &str) -> Vec<DiffOp> {
    let ta = tokens(a);
    let tb = tokens(b);
    let (n, m) = (ta.len(), tb.len());
    // lcs[i][j] = LCS length of ta[i..] and tb[j..].
    let mut lcs = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[at(i, j)] = if ta[i].text == tb[j].text {
                lcs[at(i + 1, j + 1)] + 1
            } else {
                lcs[at(i + 1, j)].max(lcs[at(i, j + 1)])
            };
        }
    }
    #[derive(PartialEq, Clone, Copy)]
    enum Step {
        Eq(usize, usize),
        Del(usize),
        Ins(usize),
    }
    let mut steps = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && ta[i].text == tb[j].text {
            steps.push(Step::Eq(i, j));
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[at(i, j + 1)] >= lcs[at(i + 1, j)]) {
            steps.push(Step::Ins(j));
            j += 1;
        } else {
            steps.push(Step::Del(i));
            i += 1;
        }
    }
    let span_a = |s: usize, e: usize| Span::new(ta[s].span.start, ta[e].span.end);
    let span_b = |s: usize, e: usize| Span::new(tb[s].span.start, tb[e].span.end);
    let mut out: Vec<DiffOp> = Vec::new();
    let mut k = 0;
    while k < steps.len() {
        match steps[k] {
            Step::Eq(i0, j0) => {
                let mut e = k;
                while e + 1 < steps.len() && matches!(steps[e + 1], Step::Eq(..)) {
                    e += 1;
                }
                let Step::Eq(i1, j1) = steps[e] else {
                    unreachable!()
                };
                out.push(DiffOp::Equal {
                    a: span_a(i0, i1),
                    b: span_b(j0, j1),
                });
                k = e + 1;
            }
            _ => {
                let mut dels = Vec::new();
                let mut ins = Vec::new();
                while k < steps.len() {
                    match steps[k] {
                        Step::Del(i) => dels.push(i),
                        Step::Ins(j) => ins.push(j),
                        Step::Eq(..) => break,
                    }
                    k += 1;
                }
                let a = dels.first().zip(dels.last()).map(|(s, e)| span_a(*s, *e));
                let b = ins.first().zip(ins.last()).map(|(s, e)| span_b(*s, *e));
                out.push(match (a, b) {
                    (Some(a), Some(b)) => DiffOp::Replace { a, b },
                    (Some(a), None) => DiffOp::Delete { a },
                    (None, Some(b)) => DiffOp::Insert { b },
                    (None, None) => continue,
                });
            }
        }
    }
    out
}

/// Text one article shares with another, corpus-wide.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reuse {
    /// Index of the first article in the corpus.
    pub a: usize,
    /// Index of the second article.
    pub b: usize,
    /// The verbatim and near pairs.
    pub pairs: Vec<Pair>,
    /// Share (0–1) of the first article's words in paragraphs it shares with the second.
    pub share_of_a: f32,
    /// Share of the second article's words in paragraphs it shares with the first.
    pub share_of_b: f32,
}

/// (article, index into its alignable paragraphs).
type ParaRef = (u32, u32);

/// Every pair of articles that share verbatim or near-copied paragraphs. Candidates come from an
/// index of three-word shingles, so unrelated articles are never compared.
pub fn reuse(articles: &[Article], t: &Thresholds) -> Vec<Reuse> {
    let mut cache = Stems::default();
    let feats: Vec<Vec<Features>> = articles
        .iter()
        .map(|a| article_features(a, &mut cache))
        .collect();
    let mut by_shingle: HashMap<u64, Vec<(u32, u32)>> = HashMap::new();
    for (d, fs) in feats.iter().enumerate() {
        for (k, f) in fs.iter().enumerate() {
            for &s in &f.shingles {
                by_shingle.entry(s).or_default().push((d as u32, k as u32));
            }
        }
    }
    // Paragraph pairs across articles with at least three shingles in common.
    let mut counts: HashMap<(ParaRef, ParaRef), u32> = HashMap::new();
    for list in by_shingle.values() {
        if list.len() > 50 {
            continue; // boilerplate-like phrases everyone uses
        }
        for (x, p) in list.iter().enumerate() {
            for q in &list[x + 1..] {
                if p.0 != q.0 {
                    let key = if p < q { (*p, *q) } else { (*q, *p) };
                    *counts.entry(key).or_default() += 1;
                }
            }
        }
    }
    let mut per_docs: HashMap<(u32, u32), Vec<Pair>> = HashMap::new();
    for ((p, q), n) in counts {
        if n < 3 {
            continue;
        }
        let (fa, fb) = (
            &feats[p.0 as usize][p.1 as usize],
            &feats[q.0 as usize][q.1 as usize],
        );
        let m = measure(fa, fb);
        if let Some(kind @ (Kind::Verbatim | Kind::Near)) = classify(&m, t) {
            per_docs.entry((p.0, q.0)).or_default().push(Pair {
                a: fa.para,
                b: fb.para,
                kind,
                measure: m,
            });
        }
    }
    let words = |d: usize, paras: &mut dyn Iterator<Item = usize>| -> f32 {
        let total: usize = feats[d].iter().map(|f| f.words).sum();
        let mut seen = HashSet::new();
        let shared: usize = paras
            .filter(|p| seen.insert(*p))
            .map(|p| feats[d].iter().find(|f| f.para == p).map_or(0, |f| f.words))
            .sum();
        if total == 0 {
            0.0
        } else {
            shared as f32 / total as f32
        }
    };
    let mut out: Vec<Reuse> = per_docs
        .into_iter()
        .map(|((a, b), mut pairs)| {
            pairs.sort_by_key(|p| (p.a, p.b));
            let (a, b) = (a as usize, b as usize);
            Reuse {
                share_of_a: words(a, &mut pairs.iter().map(|p| p.a)),
                share_of_b: words(b, &mut pairs.iter().map(|p| p.b)),
                a,
                b,
                pairs,
            }
        })
        .collect();
    out.sort_by_key(|r| (r.a, r.b));
    out
}
