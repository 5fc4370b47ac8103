//! The `parallax` binary over the seeds and over bad folders.

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn parallax(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the binary runs")
}

/// Each line of a command's output, parsed as JSON.
fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn articles_json_prints_one_object_per_seed() {
    let out = parallax(&["articles", "--corpus", "seeds", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = json_lines(&out.stdout);
    assert_eq!(lines.len(), 5);
    // (id, outlet label, date, provenance, dateline, boilerplate spans, repeats)
    let want = [
        (
            "000_8ab391a8a651fb65",
            "UrduPoint / Sputnik",
            "2020-08-27",
            "header",
            Some("ROME"),
            0,
            0,
        ),
        (
            "001_9c6dd14e164684d3",
            "UrduPoint / Sputnik",
            "2020-08-24",
            "text",
            Some("MOSCOW"),
            0,
            1,
        ),
        (
            "002_41439f313bc3004e",
            "TASS",
            "2020-08-14",
            "header",
            Some("BRUSSELS"),
            0,
            0,
        ),
        (
            "003_fa59a08e2227003b",
            "Unknown outlet",
            "2020-08-18",
            "inferred",
            None,
            0,
            4,
        ),
        (
            "004_9c538ca53b92ee9e",
            "Reuters via inkl",
            "2021",
            "inferred",
            None,
            2,
            0,
        ),
    ];
    for (line, (id, outlet, date, prov, dateline, boiler, repeats)) in lines.iter().zip(want) {
        assert_eq!(line["id"], id);
        assert_eq!(line["outlet_label"], outlet, "{id}");
        assert_eq!(line["date"], date, "{id}");
        assert_eq!(line["date_provenance"], prov, "{id}");
        assert_eq!(line["dateline"].as_str(), dateline, "{id}");
        assert_eq!(
            line["boilerplate"].as_array().unwrap().len(),
            boiler,
            "{id}"
        );
        assert_eq!(line["repeats"].as_array().unwrap().len(), repeats, "{id}");
        for key in [
            "title",
            "outlets",
            "authors",
            "paragraphs",
            "sentences",
            "date_reason",
        ] {
            assert!(!line[key].is_null(), "{id} lacks {key}");
        }
    }
    // Byte ranges point into the file.
    let reuters = &lines[4];
    let text = std::fs::read_to_string(root().join("seeds/004_9c538ca53b92ee9e.txt")).unwrap();
    let first = &reuters["boilerplate"][0];
    let (s, e) = (
        first[0].as_u64().unwrap() as usize,
        first[1].as_u64().unwrap() as usize,
    );
    assert!(text[s..e].starts_with("Get all your news in one place."));
    assert_eq!(reuters["outlets"][1]["role"], "aggregator");
    assert_eq!(lines[0]["authors"][0]["name"], "@ChaudhryMAli88");
}

#[test]
fn articles_table_for_people() {
    let out = parallax(&["articles", "--corpus", "seeds"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Reuters via inkl"));
    assert!(text.contains("5 articles, 5 outlets"));
}

#[test]
fn articles_summary_sums_up_the_corpus() {
    let out = parallax(&["articles", "--corpus", "seeds", "--summary"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "corpus “seeds”: 5 articles (5 .txt), 5 outlets, dated 14 Aug 2020 to 13 Jul 2021 (1 with no known outlet)\n\
         outlets: Sputnik 2, UrduPoint 2, Reuters 1, TASS 1, inkl 1\n\
         dates: 3 stated in the files, 0 set in corpus.toml, 2 inferred, 0 unknown\n\
         stance profile: the built-in profile (the seed story)\n\
         warnings: none\n"
    );
}

#[test]
fn another_folder_works_too() {
    let out = parallax(&[
        "articles",
        "--corpus",
        "crates/parallax-core/tests/fixtures/other",
        "--json",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 2);
    assert!(text.contains("\"outlet_label\":\"Coast Wire\""));
}

#[test]
fn a_bad_folder_exits_non_zero_with_the_reason_on_stderr() {
    let dir = std::env::temp_dir().join(format!("parallax-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("bad.txt"), b"caf\xe9").unwrap();
    let out = parallax(&["articles", "--corpus", dir.to_str().unwrap(), "--json"]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("bad.txt:1: the file is not valid UTF-8"),
        "{err}"
    );

    let out = parallax(&["articles", "--corpus", "/no/such/dir"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a folder"));
}

/// The ranking the page shows for this query (pinned in e2e/search-finds-what-you-mean.spec.mjs too).
const TSIKHANOUSKAYA_RANKING: [&str; 5] = [
    "003_fa59a08e2227003b",
    "004_9c538ca53b92ee9e",
    "001_9c6dd14e164684d3",
    "000_8ab391a8a651fb65",
    "002_41439f313bc3004e",
];

#[test]
fn search_json_ranks_like_the_page() {
    let out = parallax(&["search", "--corpus", "seeds", "--json", "Tsikhanouskaya"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = json_lines(&out.stdout);
    let docs: Vec<&str> = lines.iter().map(|l| l["doc"].as_str().unwrap()).collect();
    assert_eq!(docs, TSIKHANOUSKAYA_RANKING);
    let reuters = &lines[1];
    assert_eq!(reuters["matched_terms"][0], "Tsikhanouskaya");
    let p = &reuters["passages"][0];
    for key in ["start", "end", "snippet", "highlights"] {
        assert!(!p[key].is_null(), "passage lacks {key}");
    }
    assert!(p["snippet"]
        .as_str()
        .unwrap()
        .contains("Sviatlana Tsikhanouskaya"));
    assert!(reuters["score"].as_f64().unwrap() > 0.0);
}

#[test]
fn search_hints_go_to_stderr() {
    let out = parallax(&["search", "--corpus", "seeds", "\"political prisoners"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not closed"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 articles"));
}

#[test]
fn compare_and_reuse_print_spans_into_the_files() {
    let out = parallax(&[
        "compare",
        "--corpus",
        "seeds",
        "--json",
        "000_8ab391a8a651fb65",
        "001_9c6dd14e164684d3",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["pairs"].as_array().unwrap().len(), 2);
    let p = &v["pairs"][1];
    assert_eq!(p["kind"], "near");
    let a = std::fs::read_to_string(root().join("seeds/000_8ab391a8a651fb65.txt")).unwrap();
    let (s, e) = (
        p["a_start"].as_u64().unwrap() as usize,
        p["a_end"].as_u64().unwrap() as usize,
    );
    assert!(a[s..e].starts_with("Police cracked down"));
    assert_eq!(v["only_a"].as_array().unwrap().len(), 5);

    let out = parallax(&["reuse", "--corpus", "seeds", "--json"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1);
    assert!(text.contains("\"a\":\"000_8ab391a8a651fb65\",\"b\":\"001_9c6dd14e164684d3\""));

    let out = parallax(&[
        "compare",
        "--corpus",
        "seeds",
        "000_8ab391a8a651fb65",
        "nope",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no article “nope”"));
}

#[test]
fn figures_json_per_article() {
    let out = parallax(&["figures", "--corpus", "seeds", "--json"]);
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = json_lines(&out.stdout);
    assert_eq!(lines.len(), 5);
    let deaths_003: Vec<f64> = lines[3]["figures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["measure"] == "deaths")
        .map(|f| f["value"].as_f64().unwrap())
        .collect();
    assert_eq!(deaths_003, [2.0]);
    let f = &lines[0]["figures"][0];
    assert_eq!(f["measure"], "vote_share");
    assert_eq!(f["approx"], "more_than");
    assert_eq!(f["text"], "over 80 percent");
}

#[test]
fn stance_json_one_line_per_tag() {
    let out = parallax(&["stance", "--corpus", "seeds", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = json_lines(&out.stdout);
    assert!(lines.len() > 20);
    for key in [
        "doc",
        "sentence",
        "start",
        "end",
        "actor",
        "actor_surface",
        "target",
        "stance",
        "voice",
        "cues",
        "rule",
        "confidence",
    ] {
        assert!(!lines[0][key].is_null(), "a tag lacks {key}");
    }
    assert!(lines.iter().any(|l| l["actor"] == "kremlin"
        && l["target"] == "foreign_interference"
        && l["stance"] == "oppose"));
    let bad = parallax(&["stance", "--corpus", "seeds", "--profile", "/no/such.toml"]);
    assert!(!bad.status.success());
}

#[test]
fn coverage_prints_roll_ups_as_csv_and_json() {
    let out = parallax(&["coverage", "--corpus", "seeds", "--by", "actor"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8_lossy(&out.stdout);
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with("actor,group,target,"));
    assert!(
        csv.lines()
            .any(|l| l.starts_with("Vladimir Putin,Russia,dialogue,")),
        "{csv}"
    );

    let out = parallax(&[
        "coverage",
        "--table",
        "names",
        "--json",
        "--from",
        "2021-01-01",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(v["table"], "name-spellings");
    // Only the 2021 Reuters story is in range: one spelling per name, so nothing to show.
    assert_eq!(v["rows"].as_array().unwrap().len(), 0);

    let out = parallax(&["coverage", "--to", "2020-13-45"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a date"));
}

#[test]
fn profile_suggest_writes_a_story_toml_the_tagger_reads() {
    let fixture = "crates/parallax-core/tests/fixtures/suggest";
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("suggest-cli");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("story.toml");
    let out = parallax(&[
        "profile",
        "suggest",
        "--corpus",
        fixture,
        "--out",
        file.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(out.stdout.is_empty());
    assert!(
        err.contains("built-in profile:") && err.contains("targets:"),
        "{err}"
    );
    let text = std::fs::read_to_string(&file).unwrap();
    let profile = parallax_core::stance::Profile::from_toml(&text).expect("the file parses");
    let targets: Vec<&str> = profile.targets.iter().map(|t| t.id.as_str()).collect();
    let actors: Vec<&str> = profile.actors.iter().map(|a| a.id.as_str()).collect();
    for t in ["tariffs", "dam", "talks"] {
        assert!(targets.contains(&t), "{t} in {targets:?}");
    }
    for a in ["marrow", "grell", "cl"] {
        assert!(actors.contains(&a), "{a} in {actors:?}");
    }

    // The tagger reads it: positions on the suggested targets.
    let out = parallax(&[
        "stance",
        "--corpus",
        fixture,
        "--json",
        "--profile",
        file.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let tags = json_lines(&out.stdout);
    assert!(
        tags.iter()
            .any(|t| t["actor"] == "grell" && t["target"] == "tariffs" && t["stance"] == "oppose"),
        "{tags:?}"
    );

    // Without --out, the profile goes to stdout.
    let out = parallax(&["profile", "suggest", "--corpus", fixture]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), text);
}

#[test]
fn search_reads_a_corpus_kept_in_static_files_as_the_page_does() {
    let seeds = parallax_core::fs::load_dir(&root().join("seeds"))
        .unwrap()
        .corpus;
    let split = seeds.to_static(parallax_core::index::shards::ShardOptions {
        postings_bytes: 512,
        part_bytes: 4096,
    });
    assert!(split.parts.len() > 1, "the seeds' articles come in parts");
    let dist = tempfile::tempdir().unwrap();
    let folder = dist.path().join("corpus");
    std::fs::create_dir(&folder).unwrap();
    for f in split.files() {
        std::fs::write(folder.join(&f.name), &f.bytes).unwrap();
    }
    let query = "sanctions dialogue";
    let whole = parallax(&["search", "--corpus", "seeds", "--json", query]);
    for dir in [dist.path(), folder.as_path()] {
        let out = parallax(&["search", "--corpus", dir.to_str().unwrap(), "--json", query]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            json_lines(&out.stdout),
            json_lines(&whole.stdout),
            "{}",
            dir.display()
        );
    }
    // A shard missing from the folder: the command says which and fails.
    std::fs::remove_file(folder.join(&split.shards[0].name)).unwrap();
    let out = parallax(&["search", "--corpus", dist.path().to_str().unwrap(), query]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&split.shards[0].name), "{err}");
    // So does an article part.
    std::fs::remove_file(folder.join(&split.parts[1].name)).unwrap();
    let out = parallax(&["search", "--corpus", dist.path().to_str().unwrap(), query]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&split.parts[1].name), "{err}");
}
