//! Matching cue words and triggers through the text pipeline: words compared by their Porter stem
//! ([`crate::text::stem`]) after US/UK spellings are made one (`-ise`/`-ize`, `-our`/`-or`,
//! `-ogue`/`-og`, `-tre`/`-ter`), so `sanctioned` matches `sanction`, `condemnation` matches
//! `condemn`, `criticized` matches `criticise`; a trailing `*` matches any ending; the words of a
//! multi-word cue may have a few words between them (`release all the prisoners` for `release
//! prisoners`), but not a clause break.

use crate::text::stem::stem;
use crate::Span;

/// Most words allowed between two words of a multi-word cue.
pub const CUE_GAP: usize = 3;
/// Most words allowed between two words of a trigger: none, a trigger is a fixed phrase.
pub const TRIGGER_GAP: usize = 0;
/// The shortest stem that may match a longer stem it begins (`interven` ~ `intervent`).
const FAMILY_PREFIX: usize = 6;

/// One spelling for words written two ways: British `-ise`, `-our`, `-ogue`, `-tre` become the
/// American form, both in cues and in the text.
pub fn spelling(word: &str) -> String {
    let mut w = word.to_string();
    {
        for (uk, us) in [
            ("isation", "ization"),
            ("isations", "izations"),
            ("ising", "izing"),
            ("ised", "ized"),
            ("ises", "izes"),
            ("iser", "izer"),
            ("ise", "ize"),
            ("yse", "yze"),
            ("ysed", "yzed"),
            ("ogue", "og"),
            ("ogues", "ogs"),
            ("tre", "ter"),
            ("tres", "ters"),
        ] {
            if let Some(stem) = w.strip_suffix(uk) {
                w = format!("{stem}{us}");
                break;
            }
        }
    }
    if w.len() >= 6 && w.is_char_boundary(3) {
        if let Some(i) = w[3..].find("our").map(|i| i + 3) {
            w.replace_range(i..i + 3, "or");
        }
    }
    w
}

/// A word's comparison key: its stem after [`spelling`].
pub fn key(word: &str) -> String {
    stem(&spelling(word))
}

/// The words of a lower-cased sentence with their keys.
#[derive(Debug, Default)]
pub struct Words {
    spans: Vec<Span>,
    plain: Vec<String>,
    keys: Vec<String>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

impl Words {
    /// Splits `lower` (the sentence, ASCII lower-cased) into words: runs of letters and digits.
    pub fn new(lower: &str) -> Words {
        let mut w = Words::default();
        let mut start: Option<usize> = None;
        for (i, c) in lower
            .char_indices()
            .chain(std::iter::once((lower.len(), ' ')))
        {
            match (is_word_char(c), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    let text = &lower[s..i];
                    w.spans.push(Span::new(s, i));
                    w.plain.push(spelling(text));
                    w.keys.push(key(text));
                    start = None;
                }
                _ => {}
            }
        }
        w
    }

    /// The word spans.
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// Index of the word starting at or after byte `at`.
    pub fn index_at(&self, at: usize) -> usize {
        self.spans.partition_point(|s| s.start < at)
    }

    /// The spelling-normalised word `i`.
    pub fn plain(&self, i: usize) -> &str {
        &self.plain[i]
    }

    /// Every match of `pattern` in the sentence `lower`, as a byte span from its first word to
    /// its last.
    pub fn find(&self, lower: &str, pattern: &Pattern) -> Vec<Span> {
        let mut out = Vec::new();
        if pattern.words.is_empty() {
            return out;
        }
        for i in 0..self.spans.len() {
            if let Some(end) = self.match_from(lower, pattern, 0, i) {
                out.push(Span::new(self.spans[i].start, self.spans[end].end));
            }
        }
        out
    }

    fn match_from(&self, lower: &str, p: &Pattern, k: usize, i: usize) -> Option<usize> {
        if !p.words[k].matches(&self.plain[i], &self.keys[i]) {
            return None;
        }
        if k + 1 == p.words.len() {
            return Some(i);
        }
        // An optional word left out: go on with the one after it.
        if p.optional[k + 1] {
            let skip = Pattern {
                words: p.words[..=k]
                    .iter()
                    .chain(&p.words[k + 2..])
                    .cloned()
                    .collect(),
                optional: p.optional[..=k]
                    .iter()
                    .chain(&p.optional[k + 2..])
                    .copied()
                    .collect(),
                joined: p.joined[..=k]
                    .iter()
                    .chain(&p.joined[k + 2..])
                    .copied()
                    .collect(),
                gap: p.gap,
            };
            if let Some(end) = self.match_from(lower, &skip, k, i) {
                return Some(end);
            }
        }
        let gap = if p.joined[k + 1] { 0 } else { p.gap };
        for j in i + 1..=(i + 1 + gap).min(self.spans.len().saturating_sub(1)) {
            if j >= self.spans.len() {
                break;
            }
            let between = &lower[self.spans[i].end..self.spans[j].start];
            if p.joined[k + 1] && between.contains(' ') {
                break;
            }
            if j > i + 1 && between.contains([',', ';', ':', '.', '"', '“', '”', '(', ')']) {
                break;
            }
            if let Some(end) = self.match_from(lower, p, k + 1, j) {
                return Some(end);
            }
        }
        None
    }
}

#[derive(Clone, Debug)]
enum WordPattern {
    /// `extend*`: the word begins with it, or has its stem (`urge*` finds `urging`).
    Prefix(String, String),
    /// The word's key equals it (or, for long keys, one begins the other).
    Key(String),
    /// The word as written (after [`spelling`]): for adjectives whose stem is another word
    /// (`timely` is not `time`).
    Exact(String),
}

impl WordPattern {
    fn matches(&self, plain: &str, key: &str) -> bool {
        match self {
            WordPattern::Prefix(p, k) => plain.starts_with(p.as_str()) || key == k,
            WordPattern::Exact(w) => plain == w,
            WordPattern::Key(k) => {
                k == key
                    || (k.len().min(key.len()) >= FAMILY_PREFIX
                        && (key.starts_with(k.as_str()) || k.starts_with(key)))
            }
        }
    }
}

/// Function words a multi-word cue may do without between two of its words (`use of force`
/// finds `use force` and `use military force`).
const OPTIONAL: &[&str] = &["of", "the", "a", "an"];

/// A cue or trigger, compiled.
#[derive(Clone, Debug)]
pub struct Pattern {
    words: Vec<WordPattern>,
    /// Whether word `k` may be left out (a function word inside a cue with a gap).
    optional: Vec<bool>,
    /// Whether word `k` is written joined to the one before (`u.n.`): no gap allowed.
    joined: Vec<bool>,
    gap: usize,
}

impl Pattern {
    /// Compiles `text` (lower case; a trailing `*` on a word matches any ending), allowing up to
    /// `gap` words between its words.
    pub fn new(text: &str, gap: usize) -> Pattern {
        Pattern::compile(text, gap, false)
    }

    /// Compiles `text` to match its words as written (after [`spelling`]), no gap.
    pub fn exact(text: &str) -> Pattern {
        Pattern::compile(text, 0, true)
    }

    fn compile(text: &str, gap: usize, exact: bool) -> Pattern {
        let mut words = Vec::new();
        let mut joined = Vec::new();
        for token in text.split_whitespace() {
            let lower = token.to_ascii_lowercase();
            let (body, prefix) = match lower.strip_suffix('*') {
                Some(b) => (b.to_string(), true),
                None => (lower, false),
            };
            let parts: Vec<&str> = body
                .split(|c: char| !is_word_char(c))
                .filter(|p| !p.is_empty())
                .collect();
            for (n, part) in parts.iter().enumerate() {
                joined.push(n > 0);
                words.push(if prefix && n + 1 == parts.len() {
                    WordPattern::Prefix(spelling(part), key(part))
                } else if exact {
                    WordPattern::Exact(spelling(part))
                } else {
                    WordPattern::Key(key(part))
                });
            }
        }
        let n = words.len();
        let optional = (0..n)
            .map(|k| {
                gap > 0
                    && k > 0
                    && k + 1 < n
                    && matches!(&words[k], WordPattern::Key(w) if OPTIONAL.contains(&w.as_str()))
            })
            .collect();
        Pattern {
            words,
            optional,
            joined,
            gap,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(text: &str, pattern: &str, gap: usize) -> Vec<String> {
        let lower = text.to_ascii_lowercase();
        let w = Words::new(&lower);
        w.find(&lower, &Pattern::new(pattern, gap))
            .into_iter()
            .map(|s| text[s.start..s.end].to_string())
            .collect()
    }

    #[test]
    fn cases() {
        let cases: &[(&str, &str, &str, usize, &[&str])] = &[
            (
                "inflection",
                "Oland sanctioned the firm",
                "sanction*",
                0,
                &["sanctioned"],
            ),
            (
                "stem of a plain cue",
                "They were interfering again",
                "interfere",
                0,
                &["interfering"],
            ),
            (
                "word family",
                "a swift condemnation followed",
                "condemn",
                0,
                &["condemnation"],
            ),
            (
                "uk and us spelling",
                "it does not recognize them",
                "recognise",
                0,
                &["recognize"],
            ),
            ("our and or", "in favor of talks", "favour", 0, &["favor"]),
            ("dialog", "a national dialog", "dialogue", 0, &["dialog"]),
            (
                "gap in a phrase",
                "release all the prisoners",
                "release prisoners",
                3,
                &["release all the prisoners"],
            ),
            (
                "no gap across a comma",
                "release, he said, prisoners",
                "release prisoners",
                3,
                &[],
            ),
            (
                "gap too long",
                "release one two three four prisoners",
                "release prisoners",
                3,
                &[],
            ),
            (
                "joined words",
                "a U.N.-brokered deal",
                "u.n.-brokered",
                3,
                &["U.N.-brokered"],
            ),
            (
                "no match inside a word",
                "the sanctimonious tone",
                "sanction",
                0,
                &[],
            ),
            (
                "non-ascii text",
                "Türkiye urged talks",
                "türkiye",
                0,
                &["Türkiye"],
            ),
        ];
        for (name, text, pattern, gap, want) in cases {
            assert_eq!(hits(text, pattern, *gap), *want, "{name}");
        }
    }
}
