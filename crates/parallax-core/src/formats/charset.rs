//! The text of a saved web page: UTF-8 (with or without a byte-order mark); a page that declares
//! `windows-1252`/`iso-8859-1`, or declares nothing and is not UTF-8, is read as Windows-1252; a
//! page declared UTF-8 with bad bytes has them replaced (and says so); other encodings are refused
//! with a sentence saying how to fix the file. No tables beyond Windows-1252's 32 letters.

use crate::error::{CorpusError, ErrorKind};
use std::path::Path;

/// Reads a page's bytes as text (see the module's notes on encodings).
pub fn decode(name: &Path, bytes: &[u8]) -> Result<(String, Option<String>), CorpusError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let declared = declared_charset(bytes);
    let latin = is_latin;
    match (std::str::from_utf8(bytes), declared.as_deref()) {
        (Ok(s), _) => Ok((s.to_string(), None)),
        (Err(_), None) => Ok((
            windows_1252(bytes),
            Some(
                "the page is not UTF-8 and declares no encoding; it was read as Windows-1252"
                    .into(),
            ),
        )),
        (Err(_), Some(c)) if latin(c) => Ok((windows_1252(bytes), None)),
        (Err(e), Some("utf-8" | "utf8")) => {
            let bad = String::from_utf8_lossy(bytes);
            let n = bad.matches('\u{FFFD}').count();
            Ok((
                bad.into_owned(),
                Some(format!(
                    "the page declares UTF-8 but has {n} invalid byte sequence{} (the first at byte {}); they were replaced with �",
                    if n == 1 { "" } else { "s" },
                    e.valid_up_to()
                )),
            ))
        }
        (Err(_), Some(other)) => Err(CorpusError::new(
            ErrorKind::NotUtf8,
            name,
            None,
            format!("the page is encoded as “{other}”, which Parallax does not read"),
            "Save the page as UTF-8 (your browser's “Save page as…” or `iconv -t UTF-8`)",
        )),
    }
}

/// Whether a charset name (lower case) is one Parallax reads: UTF-8, or Windows-1252 and the
/// names browsers read as it.
pub fn reads(charset: &str) -> bool {
    matches!(charset, "utf-8" | "utf8") || is_latin(charset)
}

fn is_latin(c: &str) -> bool {
    matches!(
        c,
        "windows-1252" | "cp1252" | "iso-8859-1" | "latin1" | "iso8859-1" | "us-ascii" | "ascii"
    )
}

/// The charset a page declares in its first kilobytes (`<meta charset=…>` or `content="…;
/// charset=…"`), lower case.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let value: String = lower[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        .map(|&b| char::from(b))
        .collect();
    (!value.is_empty()).then_some(value)
}

/// Windows-1252 (which browsers use for ISO-8859-1 too) to text.
fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_charsets() {
        let cases: [(&[u8], Option<&str>); 4] = [
            (b"<meta charset=\"UTF-8\">", Some("utf-8")),
            (
                b"<meta http-equiv=Content-Type content='text/html; charset=ISO-8859-1'>",
                Some("iso-8859-1"),
            ),
            (b"<meta charset=windows-1252>", Some("windows-1252")),
            (b"<p>no charset</p>", None),
        ];
        for (html, want) in cases {
            assert_eq!(declared_charset(html).as_deref(), want);
        }
        assert_eq!(windows_1252(b"\x93Caf\xe9\x94 \x80"), "“Café” €");
    }
}
