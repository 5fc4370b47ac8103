//! Name-variant folding: a transliteration-aware skeleton key for proper names, so that spellings
//! no table lists still meet (`Tsikhanouskaya`, `Tikhanovskaya`, `Takhanovskaya`, `Tkhanovskaya`,
//! `Tikhanovsky` → `tknsk`; `Lukashenka`, `Lukashenko` → `lksnk`; `Kalesnikava`, `Kolesnikova` →
//! `klsnk`).
//!
//! On a folded word: digraphs of the common romanisations are merged (`ts`→t, `kh`→k, `sh`/`zh`/
//! `ch`/`shch`→one letter, `x`→ks, `w`→v, `ph`→f, `ck`/`q`→k, `c`→k), then vowels and the
//! semivowels `v`, `y`, `h` (Belarusian `ў` and `г` drift to `u` and `h` in transliteration) are
//! dropped except a leading vowel, and doubled letters collapsed. Keys shorter than
//! [`MIN_KEY_LEN`] are not used: they collide too easily.

/// Keys shorter than this are never produced.
pub const MIN_KEY_LEN: usize = 4;

/// The skeleton key of a folded word, if it is long enough to be useful.
pub fn name_key(folded: &str) -> Option<String> {
    if !folded
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b == b'-' || b == b'\'')
    {
        return None;
    }
    let w: Vec<u8> = folded.bytes().filter(u8::is_ascii_lowercase).collect();
    let mut merged = Vec::with_capacity(w.len());
    let mut i = 0;
    while i < w.len() {
        let rest = &w[i..];
        let (out, used): (&[u8], usize) = if rest.starts_with(b"shch") {
            (b"s", 4)
        } else if rest.starts_with(b"sch") || rest.starts_with(b"tsch") {
            (b"s", if rest[0] == b't' { 4 } else { 3 })
        } else if rest.starts_with(b"ts") || rest.starts_with(b"tz") {
            (b"t", 2)
        } else if rest.starts_with(b"kh") || rest.starts_with(b"ck") {
            (b"k", 2)
        } else if rest.starts_with(b"ch") || rest.starts_with(b"sh") || rest.starts_with(b"zh") {
            (&rest[..1], 2)
        } else if rest.starts_with(b"ph") {
            (b"f", 2)
        } else {
            match rest[0] {
                b'x' => (b"ks", 1),
                b'w' => (b"v", 1),
                b'q' | b'c' => (b"k", 1),
                b'j' => (b"y", 1),
                _ => (&rest[..1], 1),
            }
        };
        merged.extend_from_slice(out);
        i += used;
    }
    let mut key = String::new();
    for (i, &c) in merged.iter().enumerate() {
        let vowelish = matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'v' | b'h');
        if vowelish {
            if i == 0 && !matches!(c, b'v' | b'h' | b'y') {
                key.push('a');
            }
            continue;
        }
        if key.as_bytes().last() != Some(&c) {
            key.push(c as char);
        }
    }
    (key.len() >= MIN_KEY_LEN).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::name_key;
    use crate::text::normalise::fold;

    #[test]
    fn variants_meet() {
        let groups: &[&[&str]] = &[
            &[
                "Tsikhanouskaya",
                "Tikhanovskaya",
                "Takhanovskaya",
                "Tkhanovskaya",
                "Tikhanovsky",
                "Tsikhanovskaya",
                "Ціханоўская",
                "Тихановская",
            ],
            &["Lukashenko", "Lukashenka", "Лукашэнка", "Łukašenka"],
            &["Kolesnikova", "Kalesnikava", "Калеснікава"],
            &["Alexievich", "Alekseevich"],
            &["Sviatlana", "Svetlana"],
        ];
        let mut keys = Vec::new();
        for group in groups {
            let key = name_key(&fold(group[0])).unwrap();
            for name in *group {
                assert_eq!(
                    name_key(&fold(name)).as_deref(),
                    Some(key.as_str()),
                    "{name} vs {}",
                    group[0]
                );
            }
            keys.push(key);
        }
        keys.sort();
        keys.dedup();
        assert_eq!(
            keys.len(),
            groups.len(),
            "different people must not share a key: {keys:?}"
        );
    }

    #[test]
    fn short_or_odd_words_have_no_key() {
        for w in ["eu", "putin", "minsk", "80", "αθήνα"] {
            let k = name_key(&fold(w));
            assert!(
                k.is_none() || k.as_ref().is_some_and(|k| k.len() >= 4),
                "{w}: {k:?}"
            );
        }
        assert_eq!(name_key("putin"), None); // p t n: three letters
    }
}
