//! Deterministic synthetic corpora for benchmarks and scale tests.
//!
//! The statistics aim at real news prose rather than at the template's sentences:
//! - **Vocabulary**: a Zipf–Mandelbrot distribution (exponent 1.2) over a large word pool. The pool
//!   starts with the template's own words, most frequent first (so `the`, `of`, `opposition`,
//!   `Lukashenko` keep realistic ranks), and continues with invented words, longer as they get
//!   rarer — 250,000 types in all, so the vocabulary keeps growing with the corpus (Heaps' law).
//! - **Collocations**: two words in five follow the previous word the way the template does (a
//!   bigram model), so phrases such as `European Union` or `political prisoners` recur.
//! - **Sentences** of 6 to 44 words (mean about 25), one to three per paragraph, 4 to 14
//!   paragraphs per article (about 470 words, 3 KB); names (the template's and invented
//!   `Firstname Lastname` pairs), figures (`6,700`, `80.1%`), dates and places are mixed in.
//! - **Wire copies**: about one article in five copies one to three paragraphs from an earlier
//!   "wire" article — verbatim, or edited by a word or two — recorded in [`Generated::copies`] and
//!   [`Generated::truth`] as ground truth for reuse detection.
//!
//! The same seed always gives the same files.

use crate::Corpus;
use std::collections::HashMap;

/// A small xorshift generator: deterministic, no dependencies.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is replaced by a fixed constant).
    pub fn new(seed: u64) -> Rng {
        Rng(if seed == 0 {
            0x9e37_79b9_7f4a_7c15
        } else {
            seed
        })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// A uniform number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A Zipf-like pick in `0..n`: small indices are much more likely.
    pub fn zipf(&mut self, n: usize) -> usize {
        let u = self.unit();
        ((n as f64).powf(u) - 1.0).floor().min(n as f64 - 1.0) as usize
    }
}

/// A Zipf–Mandelbrot distribution over ranks `0..n`, sampled by inverting its cumulative
/// table (binary search).
#[derive(Clone, Debug)]
pub struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    /// The distribution over `n` ranks (`n` > 0), P(rank k) ∝ 1 / (k + 1 + q)^s: `s` about 1–1.2
    /// for word frequencies, `q` flattens the head (the commonest word near 6% of the text).
    pub fn new(n: usize, s: f64, q: f64) -> Zipf {
        let mut total = 0.0;
        let cumulative = (0..n.max(1))
            .map(|k| {
                total += 1.0 / ((k + 1) as f64 + q).powf(s);
                total
            })
            .collect();
        Zipf { cumulative }
    }

    /// A rank.
    pub fn sample(&self, rng: &mut Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = rng.unit() * total;
        self.cumulative
            .partition_point(|&c| c <= x)
            .min(self.cumulative.len() - 1)
    }
}

/// One generated article file.
#[derive(Clone, Debug)]
pub struct GeneratedFile {
    /// File name (`00042.txt`).
    pub name: String,
    /// File content.
    pub text: String,
}

/// One planted copy of a wire paragraph: ground truth for reuse detection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlantedCopy {
    /// The copying article (index in [`Generated::files`]).
    pub article: usize,
    /// Paragraph index in the copying article's body (0 is the lead, after the dateline).
    pub paragraph: usize,
    /// The source article.
    pub source: usize,
    /// Paragraph index in the source article's body.
    pub source_paragraph: usize,
    /// Whether the copy is verbatim (otherwise a word or two were changed).
    pub verbatim: bool,
}

/// A generated corpus.
#[derive(Clone, Debug)]
pub struct Generated {
    /// The files.
    pub files: Vec<GeneratedFile>,
    /// (copying article, source article, paragraphs copied).
    pub copies: Vec<(usize, usize, usize)>,
    /// Every copied paragraph, in the order planted.
    pub truth: Vec<PlantedCopy>,
}

const OUTLETS: &[&str] = &[
    "Reuters",
    "TASS",
    "Sputnik",
    "AFP",
    "AP",
    "Interfax",
    "BelTA",
    "Euronews",
    "Harbour Daily",
    "Coast Wire",
];
const PLACES: &[&str] = &[
    "MINSK", "MOSCOW", "BRUSSELS", "VILNIUS", "WARSAW", "KYIV", "ROME", "BERLIN", "GENEVA", "RIGA",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const SYLLABLES: &[&str] = &[
    "ka", "lo", "ven", "tra", "mi", "sor", "del", "an", "ust", "rin", "pe", "zha", "ko", "vy",
    "ler", "mon", "ta", "bri", "gal", "ost", "ne", "shi", "dor", "val", "ru", "im", "ek", "sa",
    "ton", "ber",
];
/// Types in the word pool (template words first, invented words after).
const POOL: usize = 250_000;
/// Invented people's names, on top of the template's names.
const PEOPLE: usize = 3_000;

fn pseudo_word(mut k: usize) -> String {
    let mut w = String::new();
    loop {
        w.push_str(SYLLABLES[k % SYLLABLES.len()]);
        k /= SYLLABLES.len();
        if k == 0 {
            break;
        }
    }
    w
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// What the generator learns from the template: words by frequency, which words follow which,
/// and the names (words written with a capital inside a sentence).
struct Model {
    pool: Vec<String>,
    zipf: Zipf,
    next: HashMap<String, Vec<String>>,
    names: Vec<String>,
}

impl Model {
    fn new(template: &Corpus) -> Model {
        let mut counts: HashMap<String, usize> = HashMap::new();
        let mut next: HashMap<String, Vec<String>> = HashMap::new();
        let mut names: Vec<String> = Vec::new();
        for a in &template.articles {
            for (_, p) in a.main_paragraphs() {
                for s in &p.sentences {
                    let words: Vec<&str> = a
                        .slice(*s)
                        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
                        .map(|w| w.trim_matches(['\'', '-']))
                        .filter(|w| !w.is_empty() && !w.chars().any(|c| c.is_ascii_digit()))
                        .collect();
                    for (i, w) in words.iter().enumerate() {
                        let capital = w.chars().next().is_some_and(char::is_uppercase);
                        let w = if capital && i > 0 {
                            if !names.iter().any(|n| n == w) {
                                names.push(w.to_string());
                            }
                            w.to_string()
                        } else {
                            w.to_lowercase()
                        };
                        *counts.entry(w.clone()).or_default() += 1;
                        if let Some(prev) = i.checked_sub(1).map(|j| words[j]) {
                            let prev = if i == 1 {
                                prev.to_lowercase()
                            } else {
                                prev.to_string()
                            };
                            next.entry(prev).or_default().push(w);
                        }
                    }
                }
            }
        }
        let mut ranked: Vec<(String, usize)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut pool: Vec<String> = ranked.into_iter().map(|(w, _)| w).collect();
        if pool.is_empty() {
            pool.push("news".into());
        }
        // Invented words fill the tail; they get longer as they get rarer.
        let mut k = 0;
        while pool.len() < POOL {
            pool.push(pseudo_word(k + SYLLABLES.len() * 2));
            k += 7;
        }
        if names.is_empty() {
            names.push("Capital".into());
        }
        Model {
            zipf: Zipf::new(pool.len(), 1.2, 1.7),
            pool,
            next,
            names,
        }
    }

    fn word(&self, rng: &mut Rng, prev: Option<&str>) -> String {
        if let Some(follow) = prev.and_then(|p| self.next.get(p)) {
            if rng.below(5) < 2 {
                return follow[rng.below(follow.len())].clone();
            }
        }
        self.pool[self.zipf.sample(rng)].clone()
    }

    fn person(&self, rng: &mut Rng) -> String {
        let k = rng.zipf(PEOPLE);
        format!(
            "{} {}",
            capitalise(&pseudo_word(k * 13 + 31)),
            capitalise(&pseudo_word(k * 101 + 977))
        )
    }

    fn figure(rng: &mut Rng) -> String {
        match rng.below(6) {
            0 => format!("{}.{}%", rng.below(100), rng.below(10)),
            1 => format!("{},{:03}", 1 + rng.below(99), rng.below(1000)),
            2 => format!("{} {}", 1 + rng.below(28), MONTHS[rng.below(12)]),
            _ => (1 + rng.below(500)).to_string(),
        }
    }

    fn sentence(&self, rng: &mut Rng) -> String {
        let len = 6 + rng.below(20) + rng.below(20);
        let mut out: Vec<String> = Vec::with_capacity(len + 2);
        let mut prev: Option<String> = None;
        while out.len() < len {
            let w = match rng.below(40) {
                0 => self.person(rng),
                1 | 2 => self.names[rng.zipf(self.names.len())].clone(),
                3 => Self::figure(rng),
                _ => self.word(rng, prev.as_deref()),
            };
            prev = Some(w.clone());
            out.push(w);
            if rng.below(12) == 0 && out.len() < len {
                out.last_mut().expect("a word was pushed").push(',');
                prev = None;
            }
        }
        let mut s = out.join(" ");
        s = capitalise(s.trim_end_matches(','));
        s.push(if rng.below(25) == 0 { '?' } else { '.' });
        s
    }

    fn paragraph(&self, rng: &mut Rng) -> String {
        let k = 1 + rng.below(2) + rng.below(2);
        (0..k)
            .map(|_| self.sentence(rng))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Changes a word or two of a paragraph (an edited wire copy).
fn edit(paragraph: &str, rng: &mut Rng, model: &Model) -> String {
    let mut words: Vec<String> = paragraph.split(' ').map(str::to_string).collect();
    for _ in 0..1 + rng.below(2) {
        let at = rng.below(words.len());
        if words[at].chars().all(char::is_alphabetic) {
            words[at] = model.word(rng, None);
        }
    }
    words.join(" ")
}

/// Generates `n` articles whose vocabulary starts from the words of `template` (see the module
/// documentation for the statistics).
pub fn generate(template: &Corpus, n: usize, seed: u64) -> Generated {
    let model = Model::new(template);
    let mut rng = Rng::new(seed);
    let mut files = Vec::with_capacity(n);
    let mut copies = Vec::new();
    let mut truth = Vec::new();
    let mut paragraphs_of: Vec<Vec<String>> = Vec::with_capacity(n);
    for i in 0..n {
        let year = 2019 + rng.below(4);
        let day = 1 + rng.below(28);
        let month = MONTHS[rng.below(12)];
        let outlet = OUTLETS[rng.zipf(OUTLETS.len())];
        let place = PLACES[rng.below(PLACES.len())];
        let count = 4 + rng.below(6) + rng.below(6);
        let mut paras: Vec<String> = (0..count).map(|_| model.paragraph(&mut rng)).collect();
        // Copy wire paragraphs from an earlier article.
        if i > 10 && rng.below(5) == 0 {
            let src = rng.below(i);
            let take = (1 + rng.below(3)).min(paragraphs_of[src].len());
            let first = rng.below(paragraphs_of[src].len() - take + 1);
            let mut planted = Vec::new();
            for (k, original) in paragraphs_of[src].iter().enumerate().skip(first).take(take) {
                let verbatim = rng.below(2) == 0;
                let text = if verbatim {
                    original.clone()
                } else {
                    edit(original, &mut rng, &model)
                };
                // Not the lead paragraph: that one follows the dateline.
                let at = 1 + rng.below(paras.len());
                paras.insert(at, text);
                for p in &mut planted {
                    let p: &mut (usize, usize, bool) = p;
                    if p.1 >= at {
                        p.1 += 1;
                    }
                }
                planted.push((k, at, verbatim));
            }
            for (k, at, verbatim) in planted {
                truth.push(PlantedCopy {
                    article: i,
                    paragraph: at,
                    source: src,
                    source_paragraph: k,
                    verbatim,
                });
            }
            copies.push((i, src, take));
        }
        let title = {
            let words: Vec<&str> = paras[0].split_whitespace().take(10).collect();
            words
                .join(" ")
                .trim_end_matches([',', '.', ';', '?'])
                .to_string()
        };
        let mut text = format!("{title}\n\n{place} ({outlet} - {day} {month}, {year}) ");
        text.push_str(&paras.join("\n\n"));
        text.push('\n');
        files.push(GeneratedFile {
            name: format!("{i:05}.txt"),
            text,
        });
        paragraphs_of.push(paras);
    }
    Generated {
        files,
        copies,
        truth,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::ingest_text;

    #[test]
    fn deterministic_and_well_formed() {
        let seed_text = "A headline\n\nROME (Sputnik - 1st May, 2020) Italy calls for a genuine dialogue between the sides, the minister said on Thursday. More than 6,700 people were detained during the protests in the city.\n";
        let template = Corpus::from_articles(
            "t",
            vec![ingest_text("a", "a.txt", seed_text, &Default::default())],
        );
        let a = generate(&template, 50, 7);
        let b = generate(&template, 50, 7);
        assert_eq!(a.files.len(), 50);
        assert_eq!(
            a.files.iter().map(|f| &f.text).collect::<Vec<_>>(),
            b.files.iter().map(|f| &f.text).collect::<Vec<_>>()
        );
        let articles: Vec<_> = a
            .files
            .iter()
            .map(|f| ingest_text(&f.name, &f.name, &f.text, &Default::default()))
            .collect();
        assert!(articles
            .iter()
            .all(|x| x.dateline.is_some() && x.date.date.is_some() && !x.outlets.is_empty()));
    }

    fn seeds() -> Corpus {
        crate::fs::load_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds"))
            .expect("seeds")
            .corpus
    }

    #[test]
    fn planted_copies_are_where_the_truth_says() {
        let seeds = seeds();
        let g = generate(&seeds, 200, 3);
        assert!(g.truth.len() >= 20, "{} copies", g.truth.len());
        let body = |i: usize| -> Vec<String> {
            let text = &g.files[i].text;
            let after_title = &text[text.find("\n\n").expect("title") + 2..];
            let lead = after_title.find(") ").expect("dateline") + 2;
            after_title[lead..]
                .trim_end()
                .split("\n\n")
                .map(str::to_string)
                .collect()
        };
        for c in &g.truth {
            let (a, b) = (body(c.article), body(c.source));
            let (x, y) = (&a[c.paragraph], &b[c.source_paragraph]);
            if c.verbatim {
                assert_eq!(x, y, "{c:?}");
            } else {
                let same = x
                    .split(' ')
                    .zip(y.split(' '))
                    .filter(|(p, q)| p == q)
                    .count();
                assert!(same + 2 >= y.split(' ').count(), "{c:?}");
            }
        }
    }

    #[test]
    fn vocabulary_is_zipfian_and_keeps_growing() {
        let seeds = seeds();
        let g = generate(&seeds, 400, 11);
        let mut counts: HashMap<String, usize> = HashMap::new();
        let mut tokens = 0;
        let mut types_at_half = 0;
        for (i, f) in g.files.iter().enumerate() {
            for w in f
                .text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                *counts.entry(w.to_lowercase()).or_default() += 1;
                tokens += 1;
            }
            if i == 199 {
                types_at_half = counts.len();
            }
        }
        let words = tokens as f64 / g.files.len() as f64;
        assert!((300.0..700.0).contains(&words), "{words} words per article");
        // Heaps' law: doubling the text adds many new words (a recombined template would not).
        assert!(counts.len() as f64 > 1.3 * types_at_half as f64);
        // Zipf: the commonest word is a function word near 5% of the text; most types are rare.
        let mut freq: Vec<usize> = counts.values().copied().collect();
        freq.sort_unstable_by(|a, b| b.cmp(a));
        let top = freq[0] as f64 / tokens as f64;
        assert!((0.02..0.12).contains(&top), "{top}");
        let once = freq.iter().filter(|&&f| f == 1).count() as f64 / freq.len() as f64;
        assert!(once > 0.3, "hapax share {once}");
    }
}
