//! How a corpus keeps its stance tags ([`Stances`]): every actor id, surface, target id and
//! rule once, in a table of strings, and each tag as numbers (indexes into that table, its
//! sentence's span as a start and a length, its cues relative to that start). A corpus has tens
//! of tags per article with the same few hundred strings in all of them: over the benchmark's
//! 10,000 articles this is about a quarter of the bytes of writing each tag's strings out.
//!
//! Each tag is stored in two halves. Its **key** — who (actor id and how the sentence names
//! them), about what (target), which way (polarity) and in whose voice — is what the search
//! filters, facets and coverage counts read, for every article at once. The **rest** — the
//! paragraph and sentence, the cues, the rule and its confidence — is only read beside the
//! article's text, so a corpus in static files keeps it in the article's text part and its head
//! holds the keys alone ([`crate::static_corpus`]). Decoding checks every index, so damaged bytes
//! are refused, never read out of bounds.

use super::{Polarity, Sym, Tag, Voice, HEADLINE};
use crate::ingest::text::Deferred;
use crate::Span;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::HashMap;

/// The key of a stance tag: who took which stance on what, in whose voice.
#[derive(Clone, Debug, PartialEq)]
pub struct TagKey {
    /// Actor id.
    pub actor: Sym,
    /// How the sentence names the actor.
    pub actor_surface: Sym,
    /// Target id.
    pub target: Sym,
    /// Polarity.
    pub stance: Polarity,
    /// Voice.
    pub voice: Voice,
}

impl Tag {
    /// The tag's key.
    pub fn key(&self) -> TagKey {
        TagKey {
            actor: self.actor.clone(),
            actor_surface: self.actor_surface.clone(),
            target: self.target.clone(),
            stance: self.stance,
            voice: self.voice,
        }
    }
}

/// The stance tags of a corpus, article by article: their keys, always held, and the tags
/// themselves, held or (in the head of a corpus in static files) in the article's text part.
#[derive(Clone, Debug, Default)]
pub struct Stances {
    /// Every string the tags use (actors, surfaces, targets, rules), once.
    strings: Vec<Sym>,
    /// Per article, its tags' keys.
    keys: Vec<Vec<TagKey>>,
    /// Per article, its tags.
    tags: Vec<Deferred<Vec<Tag>>>,
}

impl std::ops::Index<usize> for Stances {
    type Output = [Tag];
    /// The tags of article `d`; panics when there is no such article, as a slice does.
    fn index(&self, d: usize) -> &[Tag] {
        &self.tags[d]
    }
}

impl PartialEq for Stances {
    fn eq(&self, other: &Stances) -> bool {
        self.keys == other.keys && self.tags == other.tags
    }
}

impl Stances {
    /// The tags of each article, in corpus order.
    pub fn new(tags: Vec<Vec<Tag>>) -> Stances {
        let mut seen: std::collections::HashSet<Sym> = std::collections::HashSet::new();
        let mut strings = Vec::new();
        let mut intern = |s: &Sym| {
            if seen.insert(s.clone()) {
                strings.push(s.clone());
            }
        };
        for t in tags.iter().flatten() {
            for s in [&t.actor, &t.actor_surface, &t.target, &t.rule] {
                intern(s);
            }
        }
        Stances {
            strings,
            keys: tags
                .iter()
                .map(|ts| ts.iter().map(Tag::key).collect())
                .collect(),
            tags: tags.into_iter().map(Deferred::new).collect(),
        }
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether there are no articles.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The tags of article `d` (none while they are in a text part not fetched yet, which
    /// [`crate::index::shards::with_misses`] records).
    pub fn get(&self, d: usize) -> Option<&[Tag]> {
        self.tags.get(d).map(|t| t.as_slice())
    }

    /// The tags of article `d` when they are held (without counting a miss).
    pub fn get_held(&self, d: usize) -> Option<&[Tag]> {
        self.tags.get(d)?.get_held().map(Vec::as_slice)
    }

    /// The keys of article `d`'s tags (none for an unknown article), always held.
    pub fn keys(&self, d: usize) -> &[TagKey] {
        self.keys.get(d).map_or(&[], Vec::as_slice)
    }

    /// Every article's tags, in corpus order.
    pub fn iter(&self) -> impl Iterator<Item = &[Tag]> + '_ {
        self.tags.iter().map(|t| t.as_slice())
    }

    /// Keeps article `d`'s tags in text part `part` (for the head of a corpus in static files).
    pub(crate) fn move_to_part(&mut self, d: usize, part: u32) {
        if let Some(t) = self.tags.get_mut(d) {
            *t = Deferred::in_part(part);
        }
    }

    /// The string table's ids, for [`Stances::rest_of`].
    pub(crate) fn ids(&self) -> HashMap<&str, u32> {
        self.strings
            .iter()
            .enumerate()
            .map(|(i, s)| (&**s, i as u32))
            .collect()
    }

    /// What a text part keeps of article `d`'s tags: all but their keys.
    pub(crate) fn rest_of(&self, ids: &HashMap<&str, u32>, d: usize) -> Vec<Rest> {
        self.get(d)
            .unwrap_or_default()
            .iter()
            .map(|t| rest(t, ids))
            .collect()
    }

    /// Gives article `d` its tags from what its text part kept; `Err` when that does not fit
    /// its keys or the string table. Tags already held stay as they are.
    pub(crate) fn fill(&self, d: usize, rests: Vec<Rest>) -> Result<(), &'static str> {
        let (Some(keys), Some(cell)) = (self.keys.get(d), self.tags.get(d)) else {
            return Err("a text part names an article the head does not have");
        };
        if rests.len() != keys.len() {
            return Err("a text part's stance tags do not match the head's");
        }
        let tags = keys
            .iter()
            .zip(rests)
            .map(|(k, r)| whole(k, r, &self.strings))
            .collect::<Result<Vec<Tag>, _>>()?;
        cell.fill(tags);
        Ok(())
    }
}

/// A tag's key as stored: indexes into the string table.
#[derive(Clone, Serialize, Deserialize)]
struct PackedKey {
    actor: u32,
    actor_surface: u32,
    target: u32,
    stance: Polarity,
    voice: Voice,
}

/// The rest of a tag as stored. Offsets are `u64` (postcard writes small numbers in as few
/// bytes whatever the type), so any tag packs and writing a corpus cannot fail.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Rest {
    paragraph: u64,
    /// 0 for the headline, else the sentence's index plus one.
    sentence: u64,
    start: u64,
    len: u64,
    /// Each cue as (its start minus the sentence's start, its length).
    cues: Vec<(i64, u64)>,
    rule: u32,
    confidence: f32,
}

/// An article's tags as stored: the rest of each tag, or the text part keeping them.
#[derive(Serialize, Deserialize)]
enum Rests {
    Held(Vec<Rest>),
    InPart(u32),
}

/// The stored form.
#[derive(Serialize, Deserialize)]
struct Packed {
    strings: Vec<String>,
    keys: Vec<Vec<PackedKey>>,
    rests: Vec<Rests>,
}

fn rest(t: &Tag, ids: &HashMap<&str, u32>) -> Rest {
    let start = t.span.start as u64;
    Rest {
        paragraph: t.paragraph as u64,
        sentence: if t.sentence == HEADLINE {
            0
        } else {
            (t.sentence as u64).saturating_add(1)
        },
        start,
        len: t.span.end.saturating_sub(t.span.start) as u64,
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
        rule: ids.get(&*t.rule).copied().unwrap_or(u32::MAX),
        confidence: t.confidence,
    }
}

/// A tag from its key and its rest; refuses an index past the table or a span past what this
/// machine can address.
fn whole(k: &TagKey, r: Rest, strings: &[Sym]) -> Result<Tag, &'static str> {
    const RANGE: &str = "a stance tag's span is out of range";
    let index = |n: u64| usize::try_from(n).map_err(|_| RANGE);
    let span = |start: u64, len: u64| {
        let end = start.checked_add(len).ok_or(RANGE)?;
        Ok::<_, &'static str>(Span::new(index(start)?, index(end)?))
    };
    let offset = |from: u64, delta: i64| {
        u64::try_from(i128::from(from) + i128::from(delta)).map_err(|_| RANGE)
    };
    let cues = r
        .cues
        .iter()
        .map(|&(rel, len)| span(offset(r.start, rel)?, len))
        .collect::<Result<_, _>>()?;
    Ok(Tag {
        paragraph: index(r.paragraph)?,
        sentence: match r.sentence {
            0 => HEADLINE,
            n => index(n - 1)?,
        },
        span: span(r.start, r.len)?,
        actor: k.actor.clone(),
        actor_surface: k.actor_surface.clone(),
        target: k.target.clone(),
        stance: k.stance,
        voice: k.voice,
        cues,
        rule: strings
            .get(r.rule as usize)
            .cloned()
            .ok_or("a stance tag names a rule its table does not have")?,
        confidence: r.confidence,
    })
}

impl Serialize for Stances {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let ids = self.ids();
        let id = |x: &Sym| ids.get(&**x).copied().unwrap_or(u32::MAX);
        Packed {
            strings: self.strings.iter().map(|x| x.to_string()).collect(),
            keys: self
                .keys
                .iter()
                .map(|ks| {
                    ks.iter()
                        .map(|k| PackedKey {
                            actor: id(&k.actor),
                            actor_surface: id(&k.actor_surface),
                            target: id(&k.target),
                            stance: k.stance,
                            voice: k.voice,
                        })
                        .collect()
                })
                .collect(),
            rests: self
                .tags
                .iter()
                .map(|t| match (t.get_held(), t.part()) {
                    (Some(tags), _) => Rests::Held(tags.iter().map(|t| rest(t, &ids)).collect()),
                    (None, part) => Rests::InPart(part.unwrap_or_default() as u32),
                })
                .collect(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Stances {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Stances, D::Error> {
        let Packed {
            strings,
            keys,
            rests,
        } = Packed::deserialize(d)?;
        // Every tag shares its table's copy of each string.
        let strings: Vec<Sym> = strings.into_iter().map(Sym::from).collect();
        let string = |i: u32| {
            strings.get(i as usize).cloned().ok_or_else(|| {
                D::Error::custom("a stance tag names a string its table does not have")
            })
        };
        if keys.len() != rests.len() {
            return Err(D::Error::custom(
                "the stance tags' keys and the tags do not match",
            ));
        }
        let keys = keys
            .into_iter()
            .map(|ks| {
                ks.into_iter()
                    .map(|k| {
                        Ok(TagKey {
                            actor: string(k.actor)?,
                            actor_surface: string(k.actor_surface)?,
                            target: string(k.target)?,
                            stance: k.stance,
                            voice: k.voice,
                        })
                    })
                    .collect::<Result<Vec<TagKey>, D::Error>>()
            })
            .collect::<Result<Vec<_>, _>>()?;
        let stances = Stances {
            tags: rests
                .iter()
                .map(|r| match r {
                    Rests::Held(_) => Deferred::in_part(u32::MAX),
                    Rests::InPart(k) => Deferred::in_part(*k),
                })
                .collect(),
            keys,
            strings,
        };
        for (d, r) in rests.into_iter().enumerate() {
            if let Rests::Held(rests) = r {
                stances.fill(d, rests).map_err(D::Error::custom)?;
            }
        }
        Ok(stances)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    fn cases() -> Vec<(&'static str, Vec<Vec<Tag>>)> {
        vec![
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
        ]
    }

    #[test]
    fn tags_come_back_as_they_were() {
        for (name, tags) in cases() {
            let stances = Stances::new(tags.clone());
            let bytes = postcard::to_allocvec(&stances).unwrap();
            let back: Stances = postcard::from_bytes(&bytes).unwrap();
            assert_eq!(back, stances, "{name}");
            assert_eq!(
                back.iter().map(<[Tag]>::to_vec).collect::<Vec<_>>(),
                tags,
                "{name}"
            );
            for (d, ts) in tags.iter().enumerate() {
                let keys: Vec<TagKey> = ts.iter().map(Tag::key).collect();
                assert_eq!(back.keys(d), keys.as_slice(), "{name}");
            }
        }
    }

    #[test]
    fn tags_kept_in_a_part_keep_their_keys_and_come_back_whole() {
        for (name, tags) in cases() {
            let whole = Stances::new(tags.clone());
            let ids = whole.ids();
            let mut head = whole.clone();
            for d in 0..tags.len() {
                head.move_to_part(d, d as u32 + 5);
            }
            let bytes = postcard::to_allocvec(&head).unwrap();
            let head: Stances = postcard::from_bytes(&bytes).unwrap();
            for (d, ts) in tags.iter().enumerate() {
                assert_eq!(head.keys(d), whole.keys(d), "{name}: keys at once");
                let (got, misses) =
                    crate::index::shards::with_misses(|| head.get(d).map(<[Tag]>::len));
                assert_eq!(got, Some(0), "{name}: no tags before the part");
                assert_eq!(
                    misses,
                    vec![(crate::index::shards::PartKind::Texts, d + 5)],
                    "{name}"
                );
                if !ts.is_empty() {
                    assert!(head.fill(d, Vec::new()).is_err(), "{name}: tags missing");
                }
                assert!(
                    head.fill(99, Vec::new()).is_err(),
                    "{name}: no such article"
                );
                head.fill(d, whole.rest_of(&ids, d)).unwrap();
                assert_eq!(head.get(d), Some(ts.as_slice()), "{name}");
            }
            assert_eq!(head, whole, "{name}");
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
        let size = |t: Vec<Vec<Tag>>| postcard::to_allocvec(&Stances::new(t)).unwrap().len();
        let (one, many) = (size(one), size(many));
        // Each further article costs its numbers, not the strings again.
        assert!(
            many < one + 49 * 20,
            "{one} bytes for one article, {many} for 50"
        );
    }

    #[test]
    fn damaged_tables_are_refused() {
        let key = PackedKey {
            actor: 0,
            actor_surface: 0,
            target: 0,
            stance: Polarity::Oppose,
            voice: Voice::Outlet,
        };
        let rest = Rest {
            paragraph: 0,
            sentence: 1,
            start: 10,
            len: 5,
            cues: vec![(0, 2)],
            rule: 0,
            confidence: 1.0,
        };
        let packed = |key: PackedKey, rest: Rest| Packed {
            strings: vec!["x".into()],
            keys: vec![vec![key]],
            rests: vec![Rests::Held(vec![rest])],
        };
        let bytes = |p: &Packed| postcard::to_allocvec(p).unwrap();
        assert!(
            postcard::from_bytes::<Stances>(&bytes(&packed(key.clone(), rest.clone()))).is_ok()
        );
        type Damage = fn(&mut PackedKey, &mut Rest);
        let cases: Vec<(&str, Damage)> = vec![
            ("actor past the table", |k, _| k.actor = 1),
            ("target past the table", |k, _| k.target = 4),
            ("rule past the table", |_, r| r.rule = 9),
            ("cue before the text", |_, r| r.cues = vec![(-11, 1)]),
            ("cue past the address space", |_, r| {
                r.cues = vec![(i64::MAX, u64::MAX)]
            }),
            ("span past the address space", |_, r| r.len = u64::MAX),
        ];
        for (name, damage) in cases {
            let (mut k, mut r) = (key.clone(), rest.clone());
            damage(&mut k, &mut r);
            assert!(
                postcard::from_bytes::<Stances>(&bytes(&packed(k, r))).is_err(),
                "{name}"
            );
        }
        // Keys and tags that do not pair up.
        let mut p = packed(key.clone(), rest.clone());
        p.rests = vec![Rests::Held(vec![rest.clone(), rest])];
        assert!(
            postcard::from_bytes::<Stances>(&bytes(&p)).is_err(),
            "more tags than keys"
        );
        let mut p = packed(
            key,
            Rest {
                rule: 0,
                ..p_rest()
            },
        );
        p.rests.push(Rests::InPart(0));
        assert!(
            postcard::from_bytes::<Stances>(&bytes(&p)).is_err(),
            "an article without keys"
        );
    }

    fn p_rest() -> Rest {
        Rest {
            paragraph: 0,
            sentence: 0,
            start: 0,
            len: 0,
            cues: vec![],
            rule: 0,
            confidence: 0.5,
        }
    }
}
