//! A 10,000-article folder with odd encodings, empty files and stray files: the load fails or
//! warns once per bad file, naming it and the reason, and accepts everything else.

mod common;

use parallax_core::fs::load_dir;
use parallax_core::ErrorKind;
use std::collections::BTreeMap;

/// `text` in UTF-16 with its byte-order mark, each unit written by `bytes`.
fn utf16(bom: [u8; 2], text: &str, bytes: fn(u16) -> [u8; 2]) -> Vec<u8> {
    bom.into_iter()
        .chain(text.encode_utf16().flat_map(bytes))
        .collect()
}

#[test]
fn ten_thousand_files_with_odd_ones_are_reported_one_by_one() {
    let generated = parallax_core::synth::generate(&common::SEEDS, 10_000, 7);
    let dir = tempfile::tempdir().unwrap();
    for f in &generated.files {
        std::fs::write(dir.path().join(&f.name), &f.text).unwrap();
    }
    let body = "A headline\n\nROME (Example Daily) - The story begins here and goes on.\n";
    // What each odd file holds, and the kind of error (None: accepted) and the words it must say.
    let odd: &[(&str, Vec<u8>, Option<ErrorKind>, &str)] = &[
        (
            "latin1.txt",
            b"Caf\xe9 society\n\nMore text.\n".to_vec(),
            Some(ErrorKind::NotUtf8),
            "byte 0xE9 at column 4",
        ),
        (
            "cp1252-quotes.txt",
            b"A headline\n\nHe said \x93no\x94.\n".to_vec(),
            Some(ErrorKind::NotUtf8),
            "byte 0x93",
        ),
        (
            "utf16le.txt",
            utf16([0xFF, 0xFE], "Hi\n", u16::to_le_bytes),
            Some(ErrorKind::NotUtf8),
            "is UTF-16LE",
        ),
        (
            "utf16be.txt",
            utf16([0xFE, 0xFF], "Hi\n", u16::to_be_bytes),
            Some(ErrorKind::NotUtf8),
            "is UTF-16BE",
        ),
        (
            "truncated-utf8.txt",
            [body.as_bytes(), &[0xE2, 0x82]].concat(),
            Some(ErrorKind::NotUtf8),
            "not valid UTF-8",
        ),
        (
            "empty.txt",
            Vec::new(),
            Some(ErrorKind::Empty),
            "the file is empty",
        ),
        (
            "blank.txt",
            b" \n\t\r\n\xef\xbb\xbf".to_vec(),
            Some(ErrorKind::Empty),
            "only white space",
        ),
        (
            "nuls.txt",
            vec![0; 64],
            Some(ErrorKind::Empty),
            "only white space",
        ),
        // Accepted: a UTF-8 byte-order mark, CRLF line ends, NUL inside text, no final newline.
        (
            "bom.txt",
            [&b"\xef\xbb\xbf"[..], body.as_bytes()].concat(),
            None,
            "",
        ),
        (
            "crlf.txt",
            body.replace('\n', "\r\n").into_bytes(),
            None,
            "",
        ),
        (
            "nul-inside.txt",
            body.replace("story", "st\0ory").into_bytes(),
            None,
            "",
        ),
    ];
    for (name, bytes, _, _) in odd {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    std::fs::write(dir.path().join("notes.pdf"), "%PDF-1.4 not an article").unwrap();
    std::fs::create_dir(dir.path().join("images")).unwrap();

    let errors = load_dir(dir.path()).expect_err("bad files fail the load").0;
    let by_file: BTreeMap<String, _> = errors
        .iter()
        .map(|e| {
            (
                e.path().file_name().unwrap().to_string_lossy().into_owned(),
                e,
            )
        })
        .collect();
    assert_eq!(
        by_file.len(),
        errors.len(),
        "one error per file: {errors:#?}"
    );
    for (name, _, kind, says) in odd {
        match (kind, by_file.get(*name)) {
            (Some(kind), Some(e)) => {
                assert_eq!(e.kind(), *kind, "{name}");
                assert!(e.to_string().contains(says), "{name}: {e}");
                assert!(
                    e.to_string().contains("Save it as UTF-8")
                        || e.to_string().contains("remove it"),
                    "{name}: {e}"
                );
            }
            (Some(_), None) => panic!("{name} was not reported"),
            (None, Some(e)) => panic!("{name} was refused: {e}"),
            (None, None) => {}
        }
    }
    assert_eq!(errors.len(), odd.iter().filter(|o| o.2.is_some()).count());

    // Without the bad files, the good odd ones load beside generated articles, with one warning
    // per stray file. (500 of them: building the whole index of 10,000 takes minutes in a debug
    // build; the release CLI does it in seconds.)
    for (name, _, kind, _) in odd {
        if kind.is_some() {
            std::fs::remove_file(dir.path().join(name)).unwrap();
        }
    }
    for f in &generated.files[500..] {
        std::fs::remove_file(dir.path().join(&f.name)).unwrap();
    }
    let loaded = load_dir(dir.path()).expect("the rest loads");
    assert_eq!(loaded.corpus.articles.len(), 503);
    assert_eq!(loaded.warnings.len(), 2, "{:?}", loaded.warnings);
    assert!(loaded.warnings.iter().any(|w| w.contains("notes.pdf")));
    assert!(loaded.warnings.iter().any(|w| w.contains("images")));
}
