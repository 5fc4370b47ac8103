//! Words of a sentence for the suggester, and the word tables its rules read.
//! (The tables are in [`super::phrases`], for targets, and [`super::names`], for actors.)

pub(crate) use super::names::*;
pub(crate) use super::phrases::*;

/// One token of a sentence: a word (letters, digits, inner apostrophes, hyphens and dots) or one
/// punctuation character.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Tok<'a> {
    /// The text as written.
    pub text: &'a str,
    /// Lower case, curly apostrophes straightened, diacritics kept.
    pub lower: String,
    /// Whether it is a word (else punctuation).
    pub word: bool,
}

impl Tok<'_> {
    /// Starts with an upper-case letter.
    pub fn cap(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Two or more letters, all upper case (`ECOWAS`, `UN`).
    pub fn acronym(&self) -> bool {
        let letters: Vec<char> = self.text.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2
            && letters.iter().all(|c| c.is_uppercase())
            && self.text.chars().all(|c| c.is_alphabetic() || c == '.')
    }

    /// A possessive (`Freedonia's`, `ministers'`): the word without its ending.
    pub fn possessive(&self) -> Option<&str> {
        for end in ["'s", "’s", "'", "’"] {
            if let Some(w) = self.text.strip_suffix(end) {
                if !w.is_empty() && (end.len() > 1 || w.ends_with('s')) {
                    return Some(w);
                }
            }
        }
        None
    }

    /// Is this punctuation `c`?
    pub fn is(&self, c: &str) -> bool {
        !self.word && self.text == c
    }
}

/// Splits a sentence into tokens.
pub(crate) fn tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                let inner = matches!(d, '\'' | '’' | '-' | '.')
                    && chars.get(j + 1).is_some_and(|n| n.1.is_alphanumeric());
                // `ministers'` keeps its apostrophe.
                let plural_possessive = matches!(d, '\'' | '’')
                    && chars[j - 1].1 == 's'
                    && chars.get(j + 1).is_none_or(|n| !n.1.is_alphanumeric());
                if d.is_alphanumeric() || inner || plural_possessive {
                    j += 1;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(s.len(), |x| x.0);
            let text = &s[at..end];
            out.push(Tok {
                text,
                lower: text.to_lowercase().replace('’', "'"),
                word: true,
            });
            i = j;
        } else {
            let end = chars.get(i + 1).map_or(s.len(), |x| x.0);
            out.push(Tok {
                text: &s[at..end],
                lower: s[at..end].to_string(),
                word: false,
            });
            i += 1;
        }
    }
    out
}

/// Lower-case ASCII-folded form for matching cues the way the stance tagger does.
pub(crate) fn fold_lower(s: &str) -> String {
    s.to_ascii_lowercase().replace('’', "'")
}

/// Whether `needle` (lower case; a trailing `*` matches any ending) occurs in `hay` (lower case)
/// on word boundaries, and how often.
pub(crate) fn count_cue(hay: &str, needle: &str) -> usize {
    if needle.strip_suffix('*').unwrap_or(needle).is_empty() {
        return 0;
    }
    crate::stance::matches_of(hay, needle).count()
}

/// A slug for an id: lower-case ASCII letters and digits joined by `_`.
pub(crate) fn slug(s: &str) -> String {
    let mut folded = String::new();
    for c in s.chars() {
        crate::text::normalise::fold_char(c, &mut folded);
    }
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}

/// The documents' folded texts with an index of their words, so that counting a cue through a
/// large corpus reads only the documents that hold its first word.
pub(crate) struct Texts {
    /// Lower-case ASCII-folded text per document.
    pub folded: Vec<String>,
    /// Word (a run of ASCII letters and digits) → (document, occurrences).
    vocab: std::collections::BTreeMap<String, Vec<(usize, usize)>>,
    /// [`Texts::docs_with`]'s answers so far.
    counted: std::cell::RefCell<std::collections::HashMap<String, usize>>,
}

impl Texts {
    /// Indexes the folded texts.
    pub fn new(folded: Vec<String>) -> Texts {
        let mut vocab: std::collections::BTreeMap<String, Vec<(usize, usize)>> =
            std::collections::BTreeMap::new();
        for (d, t) in folded.iter().enumerate() {
            let mut here: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
            for w in t
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                *here.entry(w).or_default() += 1;
            }
            for (w, n) in here {
                vocab.entry(w.to_string()).or_default().push((d, n));
            }
        }
        for v in vocab.values_mut() {
            v.sort_unstable();
        }
        Texts {
            folded,
            vocab,
            counted: Default::default(),
        }
    }

    /// The documents where `cue` (lower case; a trailing `*` matches any ending) occurs on word
    /// boundaries, with how often, in document order.
    pub fn hits(&self, cue: &str) -> Vec<(usize, usize)> {
        let plain = cue.trim_end_matches('*');
        let single = !plain.is_empty() && plain.bytes().all(|b| b.is_ascii_alphanumeric());
        if single {
            let mut out: std::collections::BTreeMap<usize, usize> = Default::default();
            if cue.ends_with('*') {
                for docs in self.starting(plain) {
                    for (d, n) in docs {
                        *out.entry(*d).or_default() += n;
                    }
                }
            } else if let Some(docs) = self.vocab.get(plain) {
                return docs.clone();
            }
            return out.into_iter().collect();
        }
        // A phrase: the documents with its rarest whole word, read through.
        let parts: Vec<&str> = plain
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        // The first and last words may be cut (`…*`, or inside a longer token): only the inner
        // ones, and the ends that the phrase bounds, are whole words.
        let whole = |k: usize| {
            let w = parts[k];
            (k > 0 || plain.starts_with(w)) && (k + 1 < parts.len() || !cue.ends_with('*'))
        };
        // The documents that hold each word the index can answer for: whole words by
        // themselves, a cut last word (`…*`) as every word it begins. Only the documents in all
        // of these lists are read, smallest list first; so a phrase of common words is not read
        // through the whole corpus.
        // A whole word's list is the index's own, borrowed.
        let mut lists: Vec<std::borrow::Cow<[(usize, usize)]>> = (0..parts.len())
            .filter_map(|k| {
                if whole(k) {
                    Some(
                        self.vocab
                            .get(parts[k])
                            .map_or(&[][..], Vec::as_slice)
                            .into(),
                    )
                } else if k > 0 && k + 1 == parts.len() {
                    Some(self.docs_starting(parts[k]).into())
                } else {
                    None
                }
            })
            .collect();
        lists.sort_by_key(|l| l.len());
        let candidates: Vec<usize> = match lists.split_first() {
            Some((first, rest)) => first
                .iter()
                .map(|x| x.0)
                .filter(|d| {
                    rest.iter()
                        .all(|l| l.binary_search_by_key(d, |x| x.0).is_ok())
                })
                .collect(),
            None => (0..self.folded.len()).collect(),
        };
        candidates
            .into_iter()
            .filter_map(|d| {
                let n = count_cue(&self.folded[d], cue);
                (n > 0).then_some((d, n))
            })
            .collect()
    }

    /// The index's lists of the words beginning with `prefix`.
    fn starting<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a Vec<(usize, usize)>> {
        self.vocab
            .range(prefix.to_string()..)
            .take_while(move |(w, _)| w.starts_with(prefix))
            .map(|(_, v)| v)
    }

    /// The documents that hold a word beginning with `prefix`, in order, as (document, 0).
    fn docs_starting(&self, prefix: &str) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = self
            .starting(prefix)
            .flat_map(|v| v.iter().map(|x| (x.0, 0)))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// In how many documents `cue` occurs. The suggesters ask the same question of many
    /// sentences (`the protests` for every headline that names protests), so each answer is
    /// kept.
    pub fn docs_with(&self, cue: &str) -> usize {
        if let Some(&n) = self.counted.borrow().get(cue) {
            return n;
        }
        let n = self.hits(cue).len();
        self.counted.borrow_mut().insert(cue.to_string(), n);
        n
    }
}
