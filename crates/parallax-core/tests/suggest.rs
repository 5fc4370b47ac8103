//! The build's fallback: a folder with no story.toml that the built-in profile does not fit is
//! tagged with a profile suggested from its articles, and the corpus says so.

use parallax_core::fs::load_dir;
use parallax_core::ProfileSource;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn seeds() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

#[test]
fn the_seeds_keep_the_built_in_profile() {
    let c = load_dir(&seeds()).unwrap().corpus;
    assert_eq!(c.profile_source, ProfileSource::Builtin);
    // The corpus profile is the built-in one plus the actors found in the text.
    let mut listed = c.profile.clone();
    listed.actors.retain(|a| !a.discovered);
    assert_eq!(listed, parallax_core::stance::Profile::builtin());
    let fit = parallax_core::suggest::fit(&c.profile, &c.articles);
    assert!(fit.fits() && fit.per_thousand_words() > 35.0, "{fit:?}");
}

#[test]
fn another_story_without_a_profile_gets_a_suggested_one() {
    let c = load_dir(&fixture("suggest")).unwrap().corpus;
    let ProfileSource::Suggested {
        builtin_hits_per_thousand_words,
    } = c.profile_source
    else {
        panic!("{:?}", c.profile_source);
    };
    assert!(builtin_hits_per_thousand_words < parallax_core::suggest::FIT_THRESHOLD);
    let targets: Vec<&str> = c.profile.targets.iter().map(|t| t.id.as_str()).collect();
    assert!(
        targets.contains(&"tariffs") && targets.contains(&"dam"),
        "{targets:?}"
    );
    // The stances are tagged with it.
    assert!(c.stances.iter().flatten().any(|t| t.target == "dam"));
    // It is recorded in the encoded corpus and in the summary.
    let back = parallax_core::Corpus::decode(&c.encode()).unwrap();
    assert_eq!(back.profile_source, c.profile_source);
    let lines = parallax_core::summary::lines(&c, 0);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("stance profile: suggested from the articles")),
        "{lines:?}"
    );
}

#[test]
fn a_story_toml_wins() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(fixture("suggest")).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    std::fs::write(
        dir.path().join("story.toml"),
        "[[target]]\nid = \"dam\"\nlabel = \"The dam\"\ncues = [\"dam\"]\nvalence = \"for\"\n",
    )
    .unwrap();
    let c = load_dir(dir.path()).unwrap().corpus;
    assert_eq!(c.profile_source, ProfileSource::Story);
    assert_eq!(c.profile.targets.len(), 1);
}
