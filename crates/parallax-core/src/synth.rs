//! Deterministic synthetic corpora for benchmarks and scale tests.
//!
//! Articles are recombined from the sentences of a template corpus (the seeds) with people,
//! places, outlets and figures varied, plus a long tail of invented words so the vocabulary grows
//! with the corpus the way real news vocabularies do (Zipf-like). About one article in five copies
//! one to three paragraphs verbatim from an earlier "wire" article, so reuse detection has ground
//! truth ([`Generated::copies`]). The same seed always gives the same files.

use crate::Corpus;

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

    /// A Zipf-like pick in `0..n`: small indices are much more likely.
    pub fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) - 1.0).floor().min(n as f64 - 1.0) as usize
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

/// A generated corpus.
#[derive(Clone, Debug)]
pub struct Generated {
    /// The files.
    pub files: Vec<GeneratedFile>,
    /// (copying article, source article, paragraphs copied verbatim).
    pub copies: Vec<(usize, usize, usize)>,
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

/// Generates `n` articles from the sentences of `template`.
pub fn generate(template: &Corpus, n: usize, seed: u64) -> Generated {
    let mut rng = Rng::new(seed);
    let sentences: Vec<String> = template
        .articles
        .iter()
        .flat_map(|a| {
            a.main_paragraphs()
                .flat_map(|(_, p)| p.sentences.iter().map(|s| a.slice(*s).to_string()))
                .collect::<Vec<_>>()
        })
        .filter(|s| s.split_whitespace().count() >= 6)
        .collect();
    let mut files = Vec::with_capacity(n);
    let mut copies = Vec::new();
    let mut paragraphs_of: Vec<Vec<String>> = Vec::with_capacity(n);
    for i in 0..n {
        let year = 2019 + rng.below(4);
        let day = 1 + rng.below(28);
        let month = MONTHS[rng.below(12)];
        let outlet = OUTLETS[rng.zipf(OUTLETS.len())];
        let place = PLACES[rng.below(PLACES.len())];
        let mut paras: Vec<String> = Vec::new();
        let count = 5 + rng.below(10);
        for _ in 0..count {
            let k = 1 + rng.below(3);
            let mut para = Vec::new();
            for _ in 0..k {
                let mut s = sentences[rng.below(sentences.len())].clone();
                // Vary figures and add words from the long tail.
                if let Some(pos) = s.find(|c: char| c.is_ascii_digit()) {
                    let end = s[pos..]
                        .find(|c: char| !c.is_ascii_digit())
                        .map_or(s.len(), |e| pos + e);
                    s.replace_range(pos..end, &(1 + rng.below(9000)).to_string());
                }
                for _ in 0..rng.below(3) {
                    let word = pseudo_word(rng.zipf(60_000));
                    let at = s.rfind(' ').unwrap_or(0);
                    s.insert_str(at, &format!(" {word}"));
                }
                para.push(s);
            }
            paras.push(para.join(" "));
        }
        // Copy wire paragraphs from an earlier article.
        if i > 10 && rng.below(5) == 0 {
            let src = rng.below(i);
            let take = (1 + rng.below(3)).min(paragraphs_of[src].len());
            for copied in paragraphs_of[src].iter().take(take) {
                let at = rng.below(paras.len());
                paras.insert(at, copied.clone());
            }
            copies.push((i, src, take));
        }
        let title = {
            let words: Vec<&str> = paras[0].split_whitespace().take(10).collect();
            words
                .join(" ")
                .trim_end_matches([',', '.', ';'])
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
    Generated { files, copies }
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
}
