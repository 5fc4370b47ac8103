//! How a corpus stores its stance tags: every actor id, surface, target id and rule once, in a
//! table of strings, and each tag as numbers (indexes into that table, its sentence's span as a
//! start and a length, its cues relative to that start). A corpus has tens of tags per article
//! with the same few hundred strings in all of them: over the benchmark's 10,000 articles this
//! is about a quarter of the bytes of writing each tag's strings out (two thirds once brotli
//! has compressed both), and the head of a corpus in static files, which the page fetches
//! first, shrinks by as much. Decoding checks every index, so damaged bytes are refused, never
//! read out of bounds.
//!
//! Used as `#[serde(with = "crate::stance::packed")]` on [`crate::Corpus::stances`].

use super::{Polarity, Tag, Voice, HEADLINE};
use crate::Span;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::HashMap;

/// The stored form.
#[derive(Serialize, Deserialize)]
struct Packed {
    strings: Vec<String>,
    articles: Vec<Vec<PackedTag>>,
}

/// Offsets are `u64` (postcard writes small numbers in as few bytes whatever the type), so
/// any tag packs and writing a corpus cannot fail.
#[derive(Clone, Serialize, Deserialize)]
struct PackedTag {
    paragraph: u64,
    /// 0 for the headline, else the sentence's index plus one.
    sentence: u64,
    start: u64,
    len: u64,
    actor: u32,
    actor_surface: u32,
    target: u32,
    stance: Polarity,
    voice: Voice,
    /// Each cue as (its start minus the sentence's start, its length).
    cues: Vec<(i64, u64)>,
    rule: u32,
    confidence: f32,
}

/// Interns strings in the order they are first seen.
#[derive(Default)]
struct Table<'a> {
    ids: HashMap<&'a str, u32>,
    strings: Vec<String>,
}

impl<'a> Table<'a> {
    fn id(&mut self, s: &'a str) -> u32 {
        let next = self.strings.len() as u32;
        *self.ids.entry(s).or_insert_with(|| {
            self.strings.push(s.to_string());
            next
        })
    }
}

/// Writes the tags in their packed form.
pub fn serialize<S: Serializer>(tags: &[Vec<Tag>], s: S) -> Result<S::Ok, S::Error> {
    let mut table = Table::default();
    let mut articles = Vec::with_capacity(tags.len());
    for article in tags {
        let mut packed = Vec::with_capacity(article.len());
        for t in article {
            let start = t.span.start as u64;
            packed.push(PackedTag {
                paragraph: t.paragraph as u64,
                sentence: if t.sentence == HEADLINE {
                    0
                } else {
                    (t.sentence as u64).saturating_add(1)
                },
                start,
                len: t.span.end.saturating_sub(t.span.start) as u64,
                actor: table.id(&t.actor),
                actor_surface: table.id(&t.actor_surface),
                target: table.id(&t.target),
                stance: t.stance,
                voice: t.voice,
                cues: t
                    .cues
                    .iter()
                    .map(|c| {
                        (
                            c.start as i64 - start as i64,
                            c.end.saturating_sub(c.start) as u64,
                        )
                    })
                    .collect(),
                rule: table.id(&t.rule),
                confidence: t.confidence,
            });
        }
        articles.push(packed);
    }
    Packed {
        strings: table.strings,
        articles,
    }
    .serialize(s)
}

/// Reads what [`serialize`] wrote; refuses an index past the table or a span past what this
/// machine can address.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Vec<Tag>>, D::Error> {
    let Packed { strings, articles } = Packed::deserialize(d)?;
    // Every tag shares its table's copy of each string.
    let strings: Vec<super::Sym> = strings.into_iter().map(super::Sym::from).collect();
    let string = |i: u32| {
        strings
            .get(i as usize)
            .cloned()
            .ok_or_else(|| D::Error::custom("a stance tag names a string its table does not have"))
    };
    let range = || D::Error::custom("a stance tag's span is out of range");
    let index = |n: u64| usize::try_from(n).map_err(|_| range());
    let span = |start: u64, len: u64| {
        let end = start.checked_add(len).ok_or_else(range)?;
        Ok::<_, D::Error>(Span::new(index(start)?, index(end)?))
    };
    let offset = |from: u64, delta: i64| {
        u64::try_from(i128::from(from) + i128::from(delta)).map_err(|_| range())
    };
    articles
        .into_iter()
        .map(|tags| {
            tags.into_iter()
                .map(|t| {
                    let cues = t
                        .cues
                        .iter()
                        .map(|&(rel, len)| span(offset(t.start, rel)?, len))
                        .collect::<Result<_, _>>()?;
                    Ok(Tag {
                        paragraph: index(t.paragraph)?,
                        sentence: match t.sentence {
                            0 => HEADLINE,
                            n => index(n - 1)?,
                        },
                        span: span(t.start, t.len)?,
                        actor: string(t.actor)?,
                        actor_surface: string(t.actor_surface)?,
                        target: string(t.target)?,
                        stance: t.stance,
                        voice: t.voice,
                        cues,
                        rule: string(t.rule)?,
                        confidence: t.confidence,
                    })
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Holder(#[serde(with = "super")] Vec<Vec<Tag>>);

    fn tag(sentence: usize, actor: &str, rule: &str, cues: Vec<Span>) -> Tag {
        Tag {
            paragraph: 3,
            sentence,
            span: Span::new(120, 245),
            actor: actor.into(),
            actor_surface: "the minister".into(),
            target: "talks".into(),
            stance: Polarity::Support,
            voice: Voice::Reported,
            cues,
            rule: rule.into(),
            confidence: 0.75,
        }
    }

    #[test]
    fn tags_come_back_as_they_were() {
        let cases: Vec<(&str, Vec<Vec<Tag>>)> = vec![
            ("no articles", vec![]),
            ("an article without tags", vec![vec![]]),
            (
                "headline and body, a cue before the sentence",
                vec![
                    vec![
                        tag(
                            HEADLINE,
                            "ministry",
                            "trigger 'urged'",
                            vec![Span::new(0, 6)],
                        ),
                        tag(0, "ministry", "trigger 'urged'", vec![Span::new(130, 135)]),
                    ],
                    vec![],
                    vec![tag(
                        7,
                        "",
                        "",
                        vec![Span::new(240, 260), Span::new(300, 301)],
                    )],
                ],
            ),
        ];
        for (name, tags) in cases {
            let bytes = postcard::to_allocvec(&Holder(tags.clone())).unwrap();
            let back: Holder = postcard::from_bytes(&bytes).unwrap();
            assert_eq!(back.0, tags, "{name}");
        }
    }

    #[test]
    fn repeated_strings_are_stored_once() {
        let one = vec![vec![tag(
            1,
            "ministry",
            "a long rule text that repeats",
            vec![],
        )]];
        let many = vec![one[0].clone(); 50];
        let size = |t: Vec<Vec<Tag>>| postcard::to_allocvec(&Holder(t)).unwrap().len();
        let (one, many) = (size(one), size(many));
        // Each further article costs its numbers, not the strings again.
        assert!(
            many < one + 49 * 20,
            "{one} bytes for one article, {many} for 50"
        );
    }

    #[test]
    fn damaged_tables_are_refused() {
        let good = Packed {
            strings: vec!["x".into()],
            articles: vec![vec![PackedTag {
                paragraph: 0,
                sentence: 1,
                start: 10,
                len: 5,
                actor: 0,
                actor_surface: 0,
                target: 0,
                stance: Polarity::Oppose,
                voice: Voice::Outlet,
                cues: vec![(0, 2)],
                rule: 0,
                confidence: 1.0,
            }]],
        };
        let bytes = |p: &Packed| postcard::to_allocvec(p).unwrap();
        assert!(postcard::from_bytes::<Holder>(&bytes(&good)).is_ok());
        type Damage = fn(&mut PackedTag);
        let cases: Vec<(&str, Damage)> = vec![
            ("actor past the table", |t| t.actor = 1),
            ("rule past the table", |t| t.rule = 9),
            ("cue before the text", |t| t.cues = vec![(-11, 1)]),
            ("cue past the address space", |t| {
                t.cues = vec![(i64::MAX, u64::MAX)]
            }),
            ("span past the address space", |t| t.len = u64::MAX),
        ];
        for (name, damage) in cases {
            let mut bad = Packed {
                strings: good.strings.clone(),
                articles: vec![vec![good.articles[0][0].clone()]],
            };
            damage(&mut bad.articles[0][0]);
            assert!(
                postcard::from_bytes::<Holder>(&bytes(&bad)).is_err(),
                "{name}"
            );
        }
    }
}
