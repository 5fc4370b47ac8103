//! Stemming stage: the Porter (1980) algorithm for English, on folded ASCII words.
//!
//! `protesters`, `protests` and `protested` all become `protest`; `sanctions` → `sanction`. Words
//! with anything but ASCII letters (numbers, other scripts) are left as they are. The index and the
//! query go through the same function, so only consistency matters, not linguistic perfection.

/// The Porter stem of a lower-case word.
pub fn stem(word: &str) -> String {
    if word.len() <= 2 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word.to_string();
    }
    let mut s = Stemmer {
        b: word.as_bytes().to_vec(),
        k: word.len(),
    };
    s.step1ab();
    if s.k > 1 {
        s.step1c();
        s.step2();
        s.step3();
        s.step4();
        s.step5();
    }
    String::from_utf8_lossy(&s.b[..s.k]).into_owned()
}

struct Stemmer {
    b: Vec<u8>,
    /// Length of the current stem.
    k: usize,
}

impl Stemmer {
    fn cons(&self, i: usize) -> bool {
        match self.b[i] {
            b'a' | b'e' | b'i' | b'o' | b'u' => false,
            b'y' => i == 0 || !self.cons(i - 1),
            _ => true,
        }
    }

    /// Number of VC sequences in b[..j].
    fn m(&self, j: usize) -> usize {
        let mut n = 0;
        let mut i = 0;
        while i < j && self.cons(i) {
            i += 1;
        }
        loop {
            while i < j && !self.cons(i) {
                i += 1;
            }
            if i >= j {
                return n;
            }
            while i < j && self.cons(i) {
                i += 1;
            }
            n += 1;
            if i >= j {
                return n;
            }
        }
    }

    fn has_vowel(&self, j: usize) -> bool {
        (0..j).any(|i| !self.cons(i))
    }

    fn double_cons(&self, j: usize) -> bool {
        j >= 2 && self.b[j - 1] == self.b[j - 2] && self.cons(j - 1)
    }

    /// cvc where the last c is not w, x or y (b[..j]).
    fn cvc(&self, j: usize) -> bool {
        if j < 3 || !self.cons(j - 1) || self.cons(j - 2) || !self.cons(j - 3) {
            return false;
        }
        !matches!(self.b[j - 1], b'w' | b'x' | b'y')
    }

    fn ends(&self, suffix: &str) -> bool {
        let s = suffix.as_bytes();
        self.k >= s.len() && &self.b[self.k - s.len()..self.k] == s
    }

    fn set_to(&mut self, from: usize, to: &str) {
        self.b.truncate(self.k - from);
        self.b.extend_from_slice(to.as_bytes());
        self.k = self.b.len();
    }

    /// Replaces `suffix` with `to` if the stem before it has measure > `min_m`.
    fn r(&mut self, suffix: &str, to: &str, min_m: usize) -> bool {
        if self.ends(suffix) {
            if self.m(self.k - suffix.len()) > min_m {
                self.set_to(suffix.len(), to);
            }
            return true;
        }
        false
    }

    fn step1ab(&mut self) {
        if self.ends("sses") || self.ends("ies") {
            self.set_to(2, "");
        } else if self.ends("ss") {
        } else if self.ends("s") {
            self.set_to(1, "");
        }
        if self.ends("eed") {
            if self.m(self.k - 3) > 0 {
                self.set_to(1, "");
            }
        } else if (self.ends("ed") && self.has_vowel(self.k - 2))
            || (self.ends("ing") && self.has_vowel(self.k - 3))
        {
            let n = if self.ends("ed") { 2 } else { 3 };
            self.set_to(n, "");
            if self.ends("at") || self.ends("bl") || self.ends("iz") {
                self.set_to(0, "e");
            } else if self.double_cons(self.k) {
                if !matches!(self.b[self.k - 1], b'l' | b's' | b'z') {
                    self.set_to(1, "");
                }
            } else if self.m(self.k) == 1 && self.cvc(self.k) {
                self.set_to(0, "e");
            }
        }
    }

    fn step1c(&mut self) {
        if self.ends("y") && self.has_vowel(self.k - 1) {
            self.set_to(1, "i");
        }
    }

    fn step2(&mut self) {
        const RULES: &[(&str, &str)] = &[
            ("ational", "ate"),
            ("tional", "tion"),
            ("enci", "ence"),
            ("anci", "ance"),
            ("izer", "ize"),
            ("bli", "ble"),
            ("alli", "al"),
            ("entli", "ent"),
            ("eli", "e"),
            ("ousli", "ous"),
            ("ization", "ize"),
            ("ation", "ate"),
            ("ator", "ate"),
            ("alism", "al"),
            ("iveness", "ive"),
            ("fulness", "ful"),
            ("ousness", "ous"),
            ("aliti", "al"),
            ("iviti", "ive"),
            ("biliti", "ble"),
            ("logi", "log"),
        ];
        for (suffix, to) in RULES {
            if self.r(suffix, to, 0) {
                return;
            }
        }
    }

    fn step3(&mut self) {
        const RULES: &[(&str, &str)] = &[
            ("icate", "ic"),
            ("ative", ""),
            ("alize", "al"),
            ("iciti", "ic"),
            ("ical", "ic"),
            ("ful", ""),
            ("ness", ""),
        ];
        for (suffix, to) in RULES {
            if self.r(suffix, to, 0) {
                return;
            }
        }
    }

    fn step4(&mut self) {
        const SUFFIXES: &[&str] = &[
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion",
            "ou", "ism", "ate", "iti", "ous", "ive", "ize",
        ];
        for suffix in SUFFIXES {
            if self.ends(suffix) {
                let j = self.k - suffix.len();
                let ok = *suffix != "ion" || (j > 0 && matches!(self.b[j - 1], b's' | b't'));
                if ok && self.m(j) > 1 {
                    self.set_to(suffix.len(), "");
                }
                return;
            }
        }
    }

    fn step5(&mut self) {
        if self.ends("e") {
            let m = self.m(self.k - 1);
            if m > 1 || (m == 1 && !self.cvc(self.k - 1)) {
                self.set_to(1, "");
            }
        }
        if self.ends("ll") && self.m(self.k) > 1 {
            self.set_to(1, "");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn classic_vocabulary() {
        // Pairs from Porter's published vocabulary, plus news words.
        let cases = [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("sing", "sing"),
            ("conflated", "conflat"),
            ("hopping", "hop"),
            ("falling", "fall"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("generalization", "gener"),
            ("electrical", "electr"),
            ("hopefulness", "hope"),
            ("revival", "reviv"),
            ("adjustment", "adjust"),
            ("adoption", "adopt"),
            ("controll", "control"),
            ("roll", "roll"),
            ("protesters", "protest"),
            ("protests", "protest"),
            ("protested", "protest"),
            ("sanctions", "sanction"),
            ("elections", "elect"),
            ("dialogue", "dialogu"),
            ("is", "is"),
            ("80", "80"),
            ("tsikhanouskaya", "tsikhanouskaya"),
        ];
        for (word, want) in cases {
            assert_eq!(stem(word), want, "{word}");
        }
    }
}
