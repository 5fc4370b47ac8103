//! Output shapes of `parallax articles` and `parallax search`.

use parallax_core::ingest::{Article, Role};
use parallax_core::{Corpus, Span};
use serde::Serialize;
use std::io::{self, Write};

/// One article as printed by `parallax articles --json`.
#[derive(Serialize)]
pub struct ArticleJson<'a> {
    id: &'a str,
    file: &'a str,
    title: &'a str,
    title_provenance: &'a str,
    outlets: Vec<OutletJson<'a>>,
    mentioned: Vec<OutletJson<'a>>,
    url: Option<&'a str>,
    outlet_label: String,
    date: String,
    date_precision: &'static str,
    date_provenance: &'a str,
    date_reason: &'a str,
    not_before: Option<String>,
    dateline: Option<&'a str>,
    authors: Vec<AuthorJson<'a>>,
    paragraphs: usize,
    sentences: usize,
    words: usize,
    paragraph_roles: Vec<&'static str>,
    boilerplate: Vec<[usize; 2]>,
    chrome: Vec<ChromeJson<'a>>,
    paragraph_text: Vec<&'a str>,
    repeats: Vec<RepeatJson>,
    notes: &'a [String],
}

#[derive(Serialize)]
struct OutletJson<'a> {
    name: &'a str,
    role: &'static str,
    provenance: &'static str,
    rule: &'static str,
    evidence: Option<&'a str>,
}

#[derive(Serialize)]
struct ChromeJson<'a> {
    text: &'a str,
    reason: &'a str,
}

fn outlet_json<'a>(a: &'a Article, o: &'a parallax_core::ingest::Outlet) -> OutletJson<'a> {
    OutletJson {
        name: &o.name,
        role: o.role.as_str(),
        provenance: o.provenance.as_str(),
        rule: o.rule.as_str(),
        evidence: o.evidence.map(|s| a.slice(s)),
    }
}

#[derive(Serialize)]
struct AuthorJson<'a> {
    name: &'a str,
    role: String,
}

#[derive(Serialize)]
struct RepeatJson {
    start: usize,
    end: usize,
    paragraph: usize,
    repeat_of: usize,
    repeat_of_start: usize,
    repeat_of_end: usize,
    containment: f32,
}

fn range(s: Span) -> [usize; 2] {
    [s.start, s.end]
}

impl<'a> ArticleJson<'a> {
    /// The JSON view of `a`.
    pub fn new(a: &'a Article) -> ArticleJson<'a> {
        ArticleJson {
            id: &a.id,
            file: &a.file_name,
            title: &a.title.text,
            title_provenance: a.title.provenance.as_str(),
            outlets: a.outlets.iter().map(|o| outlet_json(a, o)).collect(),
            mentioned: a.mentioned.iter().map(|o| outlet_json(a, o)).collect(),
            url: a.url.as_deref(),
            outlet_label: a.outlet_label(),
            date: a.date.iso(),
            date_precision: match a.date.precision {
                parallax_core::ingest::Precision::Day => "day",
                parallax_core::ingest::Precision::Month => "month",
                parallax_core::ingest::Precision::Year => "year",
            },
            date_provenance: a.date.provenance.as_str(),
            date_reason: &a.date.reason,
            not_before: a.date.not_before.map(|d| d.to_string()),
            dateline: a.dateline.as_ref().map(|d| d.place.as_str()),
            authors: a
                .authors
                .iter()
                .map(|x| AuthorJson {
                    name: &x.name,
                    role: format!("{:?}", x.role).to_lowercase(),
                })
                .collect(),
            paragraphs: a
                .paragraphs
                .iter()
                .filter(|p| p.role != Role::Credit)
                .count(),
            sentences: a
                .paragraphs
                .iter()
                .filter(|p| p.role != Role::Credit)
                .map(|p| p.sentences.len())
                .sum(),
            words: a.word_count(),
            paragraph_roles: a.paragraphs.iter().map(|p| p.role.as_str()).collect(),
            boilerplate: a.boilerplate.iter().map(|b| range(b.span)).collect(),
            chrome: a
                .boilerplate
                .iter()
                .map(|b| ChromeJson {
                    text: a.slice(b.span),
                    reason: &b.reason,
                })
                .collect(),
            paragraph_text: a.paragraphs.iter().map(|p| a.slice(p.span)).collect(),
            repeats: a
                .paragraphs
                .iter()
                .enumerate()
                .filter_map(|(i, p)| {
                    let r = p.repeat_of?;
                    let o = &a.paragraphs[r.paragraph];
                    Some(RepeatJson {
                        start: p.span.start,
                        end: p.span.end,
                        paragraph: i,
                        repeat_of: r.paragraph,
                        repeat_of_start: o.span.start,
                        repeat_of_end: o.span.end,
                        containment: (r.containment * 1000.0).round() / 1000.0,
                    })
                })
                .collect(),
            notes: &a.notes,
        }
    }
}

/// A plain table for people.
pub fn table(corpus: &Corpus, out: &mut impl Write) -> io::Result<()> {
    writeln!(
        out,
        "{:<24} {:<12} {:<9} {:<26} TITLE",
        "ID", "DATE", "(SOURCE)", "OUTLET"
    )?;
    for a in &corpus.articles {
        let date = a.date.iso();
        writeln!(
            out,
            "{:<24} {:<12} {:<9} {:<26} {}",
            a.id,
            if date.is_empty() { "-".into() } else { date },
            format!("({})", a.date.provenance.as_str()),
            a.outlet_label(),
            a.title.text
        )?;
    }
    let s = corpus.summary();
    writeln!(
        out,
        "{} articles, {} outlets, corpus version {}",
        s.articles,
        s.outlets.len(),
        corpus.version
    )
}

#[derive(Serialize)]
struct PassageJson<'a> {
    paragraph: Option<usize>,
    start: usize,
    end: usize,
    snippet: &'a str,
    highlights: &'a [parallax_core::search::Highlight],
}

#[derive(Serialize)]
struct HitJson<'a> {
    doc: &'a str,
    score: f32,
    title: &'a str,
    passages: Vec<PassageJson<'a>>,
    matched_terms: &'a [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    missing: &'a [String],
}

/// Search hits: JSON lines (`doc`, `score`, `passages`, `matched_terms`) or a readable list.
pub fn search(
    corpus: &Corpus,
    results: &parallax_core::search::Results,
    json: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    for hit in &results.hits {
        let a = &corpus.articles[hit.doc];
        let passages: Vec<PassageJson> = hit
            .passages
            .iter()
            .map(|p| PassageJson {
                paragraph: p.paragraph,
                start: p.start,
                end: p.end,
                snippet: if p.paragraph.is_some() {
                    &a.text[p.start..p.end]
                } else {
                    &a.title.text[p.start..p.end]
                },
                highlights: &p.highlights,
            })
            .collect();
        if json {
            let line = HitJson {
                doc: &hit.id,
                score: (hit.score * 1000.0).round() / 1000.0,
                title: &a.title.text,
                passages,
                matched_terms: &hit.matched_terms,
                missing: &hit.missing,
            };
            writeln!(out, "{}", serde_json::to_string(&line).unwrap_or_default())?;
        } else {
            writeln!(
                out,
                "{:>7.3}  {}  {}  [{}]",
                hit.score,
                hit.id,
                a.title.text,
                hit.matched_terms.join(", ")
            )?;
            if !hit.missing.is_empty() {
                writeln!(out, "         missing: {}", hit.missing.join(", "))?;
            }
            for p in &passages {
                let where_ = p
                    .paragraph
                    .map_or("headline".to_string(), |i| format!("¶{}", i + 1));
                writeln!(out, "         {where_}: {}", p.snippet.replace('\n', " "))?;
            }
        }
    }
    if !json {
        writeln!(
            out,
            "{} article{} for {}",
            results.total,
            if results.total == 1 { "" } else { "s" },
            results.understood
        )?;
        if results.partial > 0 && !results.fallback_any {
            writeln!(out, "{} more with some of the words", results.partial)?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct PairJson<'a> {
    a_paragraph: usize,
    b_paragraph: usize,
    a_start: usize,
    a_end: usize,
    b_start: usize,
    b_end: usize,
    kind: &'static str,
    score: f32,
    measure: &'a parallax_core::align::Measure,
}

fn pair_json<'a>(x: &Article, y: &Article, p: &'a parallax_core::align::Pair) -> PairJson<'a> {
    let (sa, sb) = (x.paragraphs[p.a].span, y.paragraphs[p.b].span);
    PairJson {
        a_paragraph: p.a,
        b_paragraph: p.b,
        a_start: sa.start,
        a_end: sa.end,
        b_start: sb.start,
        b_end: sb.end,
        kind: p.kind.as_str(),
        score: (p.measure.copied.max(p.measure.cover) * 1000.0).round() / 1000.0,
        measure: &p.measure,
    }
}

#[derive(Serialize)]
struct UniqueJson {
    paragraph: usize,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct CompareJson<'a> {
    a: &'a str,
    b: &'a str,
    pairs: Vec<PairJson<'a>>,
    only_a: Vec<UniqueJson>,
    only_b: Vec<UniqueJson>,
}

/// `parallax compare`: aligned pairs with byte spans, and unique paragraphs.
pub fn compare(
    x: &Article,
    y: &Article,
    al: &parallax_core::align::Alignment,
    json: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    let unique = |a: &Article, ps: &[usize]| -> Vec<UniqueJson> {
        ps.iter()
            .map(|&p| UniqueJson {
                paragraph: p,
                start: a.paragraphs[p].span.start,
                end: a.paragraphs[p].span.end,
            })
            .collect()
    };
    if json {
        let c = CompareJson {
            a: &x.id,
            b: &y.id,
            pairs: al.pairs.iter().map(|p| pair_json(x, y, p)).collect(),
            only_a: unique(x, &al.only_a),
            only_b: unique(y, &al.only_b),
        };
        return writeln!(out, "{}", serde_json::to_string(&c).unwrap_or_default());
    }
    for p in &al.pairs {
        let m = &p.measure;
        writeln!(
            out,
            "¶{} ~ ¶{}  {:<10} copied {:.2}  dice {:.2}  cover {:.2}",
            p.a + 1,
            p.b + 1,
            p.kind.as_str(),
            m.copied,
            m.dice,
            m.cover
        )?;
    }
    writeln!(
        out,
        "only in {}: {} paragraphs; only in {}: {}",
        x.id,
        al.only_a.len(),
        y.id,
        al.only_b.len()
    )
}

#[derive(Serialize)]
struct ReuseJson<'a> {
    a: &'a str,
    b: &'a str,
    share_of_a: f32,
    share_of_b: f32,
    pairs: Vec<PairJson<'a>>,
}

/// `parallax reuse`: every article pair sharing copied paragraphs.
pub fn reuse(
    corpus: &Corpus,
    found: &[parallax_core::align::Reuse],
    json: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    for r in found {
        let (x, y) = (&corpus.articles[r.a], &corpus.articles[r.b]);
        if json {
            let line = ReuseJson {
                a: &x.id,
                b: &y.id,
                share_of_a: (r.share_of_a * 1000.0).round() / 1000.0,
                share_of_b: (r.share_of_b * 1000.0).round() / 1000.0,
                pairs: r.pairs.iter().map(|p| pair_json(x, y, p)).collect(),
            };
            writeln!(out, "{}", serde_json::to_string(&line).unwrap_or_default())?;
        } else {
            writeln!(
                out,
                "{} ~ {}: {} shared paragraphs ({:.0}% of the first, {:.0}% of the second)",
                x.id,
                y.id,
                r.pairs.len(),
                r.share_of_a * 100.0,
                r.share_of_b * 100.0
            )?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct FigureJson<'a> {
    paragraph: usize,
    start: usize,
    end: usize,
    text: &'a str,
    measure: parallax_core::figures::Measure,
    value: f64,
    approx: parallax_core::figures::Approx,
    normalised: String,
    subject: Option<&'a str>,
    cue: &'a str,
}

#[derive(Serialize)]
struct FiguresJson<'a> {
    doc: &'a str,
    figures: Vec<FigureJson<'a>>,
}

/// `parallax figures`: each article's numeric claims.
pub fn figures(corpus: &Corpus, json: bool, out: &mut impl Write) -> io::Result<()> {
    for a in &corpus.articles {
        let figs = parallax_core::figures::extract(a);
        if json {
            let line = FiguresJson {
                doc: &a.id,
                figures: figs
                    .iter()
                    .map(|f| FigureJson {
                        paragraph: f.paragraph,
                        start: f.span.start,
                        end: f.span.end,
                        text: a.slice(f.span),
                        measure: f.measure,
                        value: f.value,
                        approx: f.approx,
                        normalised: f.normalised(),
                        subject: f.subject.as_deref(),
                        cue: &f.cue,
                    })
                    .collect(),
            };
            writeln!(out, "{}", serde_json::to_string(&line).unwrap_or_default())?;
        } else {
            for f in &figs {
                writeln!(
                    out,
                    "{}  ¶{:<3} {:<18} {:<12} “{}”",
                    a.id,
                    f.paragraph + 1,
                    f.measure.label(),
                    f.normalised(),
                    a.slice(f.span)
                )?;
            }
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct TagJson<'a> {
    doc: &'a str,
    paragraph: usize,
    sentence: usize,
    start: usize,
    end: usize,
    actor: &'a str,
    actor_surface: &'a str,
    target: &'a str,
    stance: parallax_core::stance::Polarity,
    voice: parallax_core::stance::Voice,
    cues: Vec<&'a str>,
    rule: &'a str,
    confidence: f32,
}

/// `parallax stance`: one line per tag.
pub fn stance(
    corpus: &Corpus,
    profile: &parallax_core::stance::Profile,
    json: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    for a in &corpus.articles {
        for t in parallax_core::stance::tag_article(a, profile) {
            if json {
                let line = TagJson {
                    doc: &a.id,
                    paragraph: t.paragraph,
                    sentence: t.sentence,
                    start: t.span.start,
                    end: t.span.end,
                    actor: &t.actor,
                    actor_surface: &t.actor_surface,
                    target: &t.target,
                    stance: t.stance,
                    voice: t.voice,
                    cues: t.cues.iter().map(|c| a.slice(*c)).collect(),
                    rule: &t.rule,
                    confidence: t.confidence,
                };
                writeln!(out, "{}", serde_json::to_string(&line).unwrap_or_default())?;
            } else {
                writeln!(
                    out,
                    "{}  ¶{:<3} {:<14} {} {:<26} {}",
                    a.id,
                    t.paragraph + 1,
                    t.actor,
                    t.stance.name(),
                    t.target,
                    t.voice.name()
                )?;
            }
        }
    }
    Ok(())
}

/// What `parallax profile suggest` found, for stderr: the fit of the built-in profile and of the
/// suggestion, then one line per target and per actor.
pub fn suggestion(
    s: &parallax_core::suggest::Suggestion,
    builtin: &parallax_core::suggest::Fit,
    own: &parallax_core::suggest::Fit,
) -> Vec<String> {
    let mut lines = vec![format!(
        "built-in profile: {:.1} cue hits per 1,000 words, {:.1} per article ({}; without a story.toml the build uses the suggestion below {:.0} per 1,000 words); suggested: {:.1} per 1,000 words",
        builtin.per_thousand_words(),
        builtin.per_article(),
        if builtin.fits() { "fits" } else { "does not fit" },
        parallax_core::suggest::FIT_THRESHOLD,
        own.per_thousand_words()
    )];
    lines.push(format!("{} targets:", s.targets.len()));
    for t in &s.targets {
        lines.push(format!(
            "  {:<28} {:<7} {} outlets, {} articles, {} triggers  cues: {}",
            t.target.id,
            match t.target.valence {
                parallax_core::stance::Valence::For => "for",
                parallax_core::stance::Valence::Against => "against",
            },
            t.outlets,
            t.articles,
            t.triggered,
            t.target.cues.join(", ")
        ));
    }
    lines.push(format!("{} actors:", s.actors.len()));
    for a in &s.actors {
        lines.push(format!(
            "  {:<20} {:<12} {:<18} {:<2} {} articles  aliases: {}",
            a.actor.id,
            a.kind,
            a.actor.affiliation,
            a.actor.gender.as_deref().unwrap_or("-"),
            a.articles,
            a.actor.aliases.join(", ")
        ));
    }
    lines
}
