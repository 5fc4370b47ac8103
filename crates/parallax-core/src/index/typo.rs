//! Typo tolerance: terms by length with their letter masks, and a bounded edit distance.

/// Words grouped by byte length, each with its letter mask: a typo search reads only the lengths
/// it can reach.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ByLength {
    /// `starts[n]..starts[n + 1]` are the entries of words of `n` bytes.
    starts: Vec<u32>,
    /// (letter mask, index of the word in its list), by length.
    entries: Vec<(u32, u32)>,
}

impl ByLength {
    pub(super) fn new<'a>(words: impl Iterator<Item = &'a str>) -> ByLength {
        let mut entries: Vec<(usize, u32, u32)> = words
            .enumerate()
            .map(|(i, w)| (w.len(), letter_mask(w), i as u32))
            .collect();
        entries.sort_by_key(|e| e.0);
        let longest = entries.last().map_or(0, |e| e.0);
        let mut starts = vec![0u32; longest + 2];
        for e in &entries {
            starts[e.0 + 1] += 1;
        }
        for n in 1..starts.len() {
            starts[n] += starts[n - 1];
        }
        ByLength {
            starts,
            entries: entries.into_iter().map(|(_, m, i)| (m, i)).collect(),
        }
    }

    pub(super) fn scan<'a>(
        &self,
        typed: &str,
        max: usize,
        word: impl Fn(usize) -> &'a str,
        mut found: impl FnMut(usize),
    ) {
        let mask = letter_mask(typed);
        let lo = typed.len().saturating_sub(max).min(self.starts.len() - 1);
        let hi = (typed.len() + max + 1).min(self.starts.len() - 1);
        let range = self.starts[lo] as usize..self.starts[hi] as usize;
        for &(m, i) in &self.entries[range] {
            if (m ^ mask).count_ones() as usize <= 2 * max
                && edit_distance(typed, word(i as usize), max) <= max
            {
                found(i as usize);
            }
        }
    }
}

/// Terms and their written forms, each by length, for [`scan_words`].
pub(super) fn by_length(terms: &[String], surfaces: &[(String, u32)]) -> [ByLength; 2] {
    [
        ByLength::new(terms.iter().map(String::as_str)),
        ByLength::new(surfaces.iter().map(|(s, _)| s.as_str())),
    ]
}

/// Calls `found` with the id of each term within `max` edits of `stem`, and of each term whose
/// written form is within `max` edits of `folded` (`lengths` is [`by_length`] of the two lists).
pub(super) fn scan_words(
    lengths: &[ByLength; 2],
    terms: &[String],
    surfaces: &[(String, u32)],
    (stem, folded, max): (&str, &str, usize),
    mut found: impl FnMut(u32),
) {
    lengths[0].scan(stem, max, |i| &terms[i], |i| found(i as u32));
    lengths[1].scan(folded, max, |i| &surfaces[i].0, |i| found(surfaces[i].1));
}

/// Which ASCII letters a word has, as bits; other characters share bit 26. Each edit changes at
/// most two bits, so words `k` edits apart differ in at most `2k` bits — a cheap filter before
/// [`edit_distance`].
pub fn letter_mask(word: &str) -> u32 {
    word.bytes().fold(0, |m, b| {
        m | if b.is_ascii_lowercase() {
            1 << (b - b'a')
        } else {
            1 << 26
        }
    })
}

/// Restricted Damerau–Levenshtein (optimal string alignment) distance, stopping early once it
/// must exceed `max`; returns `max + 1` then.
pub fn edit_distance(a: &str, b: &str, max: usize) -> usize {
    if a.is_ascii() && b.is_ascii() {
        osa(a.as_bytes(), b.as_bytes(), max)
    } else {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        osa(&a, &b, max)
    }
}

fn osa<T: PartialEq>(a: &[T], b: &[T], max: usize) -> usize {
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    // Three rows on the stack for the short words that typo tolerance compares.
    const W: usize = 48;
    if b.len() + 1 > W {
        return max + 1;
    }
    let w = b.len() + 1;
    let mut prev2 = [0usize; W];
    let mut prev = [0usize; W];
    let mut cur = [0usize; W];
    for (j, p) in prev.iter_mut().enumerate().take(w) {
        *p = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..w {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return max + 1;
        }
        prev2 = prev;
        prev = cur;
    }
    prev[b.len()].min(max + 1)
}
