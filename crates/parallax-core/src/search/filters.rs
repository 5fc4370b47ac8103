//! Field filters (`outlet:`, `date:`) and the facets that count them, over per-article facts
//! worked out once per corpus ([`Facts`]) so a query allocates nothing per article.

use crate::ingest::{Article, Precision};
use crate::query::Field;
use crate::stance::Polarity;
use crate::text::normalise::fold;
use crate::Corpus;
use std::fmt;

/// A filter of a query that cannot be used: the search leaves it out and says why in a
/// [`Hint`](super::Hint).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FilterError {
    /// A `date:` value that is neither a date nor a range of dates.
    NotADate {
        /// The value as typed.
        value: String,
    },
    /// A `stance:target=word` whose word names no polarity ([`Polarity::from_keyword`]).
    NotAStance {
        /// The target, as typed (folded to lower case).
        target: String,
        /// The word after `=`.
        word: String,
    },
    /// A field other than `actor:` or `stance:` read as a stance filter.
    NotAStanceField {
        /// The field.
        field: Field,
    },
}

impl fmt::Display for FilterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FilterError::NotADate { value } => write!(
                f,
                "“date:{value}” is not a date; write date:2020, date:2020-08, date:2020-08-14 or a range like date:2020-08-01..2020-08-20."
            ),
            FilterError::NotAStance { target, word } => {
                let [a, b, c] = Polarity::ALL.map(Polarity::keyword);
                write!(
                    f,
                    "“{word}” is not a stance; write stance:{target}={a}, ={b} or ={c}."
                )
            }
            FilterError::NotAStanceField { field } => {
                write!(f, "“{}:” is not a stance filter.", field.as_str())
            }
        }
    }
}

impl std::error::Error for FilterError {}

/// The date bucket of an article for the date facet.
pub fn date_bucket(a: &Article) -> String {
    match (a.date.date, a.date.precision) {
        (None, _) => "undated".into(),
        (Some(d), Precision::Year) => format!("{:04}", d.year),
        (Some(d), _) => format!("{:04}-{:02}", d.year, d.month),
    }
}

/// First and last day an article can have been published on, as ISO dates.
fn article_interval(a: &Article) -> Option<(String, String)> {
    let d = a.date.date?;
    Some(match a.date.precision {
        Precision::Day => (d.to_string(), d.to_string()),
        Precision::Month => (
            format!("{:04}-{:02}-01", d.year, d.month),
            format!("{:04}-{:02}-31", d.year, d.month),
        ),
        Precision::Year => (
            a.date.not_before.unwrap_or(d).to_string(),
            format!("{:04}-12-31", d.year),
        ),
    })
}

/// What filters and facets need of each article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    /// Distinct outlet names, sorted.
    pub outlets: Vec<String>,
    /// The same, folded, for matching filter values.
    outlets_folded: Vec<String>,
    /// Per article, ids into `outlets` (empty: unknown outlet).
    pub doc_outlets: Vec<Vec<u16>>,
    /// Distinct date buckets, sorted.
    pub buckets: Vec<String>,
    /// Per article, its bucket id.
    pub doc_bucket: Vec<u16>,
    /// Per article, first and last possible day.
    doc_interval: Vec<Option<(String, String)>>,
    /// Per index unit: 0 body, 1 headline, 2 caption (which field weight applies).
    pub unit_class: Vec<u8>,
    /// Distinct actor ids of the stance tags (not the outlet's own voice), sorted.
    pub actors: Vec<String>,
    /// Per article, ids into `actors` of the actors its tags name, sorted and distinct.
    pub doc_actors: Vec<Vec<u32>>,
    /// Distinct target ids of the stance tags, sorted.
    pub targets: Vec<String>,
    /// Per article, ids into `targets` of the targets its tags take a position on.
    pub doc_targets: Vec<Vec<u32>>,
}

/// Distinct values per article, as ids into the sorted list of all of them.
fn ids_per_doc(per_doc: Vec<Vec<&str>>) -> (Vec<String>, Vec<Vec<u32>>) {
    let mut all: Vec<&str> = per_doc.iter().flatten().copied().collect();
    all.sort_unstable();
    all.dedup();
    let ids = per_doc
        .into_iter()
        .map(|vs| {
            let mut ids: Vec<u32> = vs
                .into_iter()
                .filter_map(|v| all.binary_search(&v).ok().map(|i| i as u32))
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        })
        .collect();
    (all.into_iter().map(String::from).collect(), ids)
}

impl Facts {
    /// Works the facts out for a corpus.
    pub fn of(corpus: &Corpus) -> Facts {
        let mut outlets: Vec<String> = corpus
            .articles
            .iter()
            .flat_map(|a| a.outlets.iter().map(|o| o.name.clone()))
            .collect();
        outlets.sort();
        outlets.dedup();
        let mut buckets: Vec<String> = corpus.articles.iter().map(date_bucket).collect();
        buckets.sort();
        buckets.dedup();
        // The tags' keys: held for every article, even in the head of a corpus in static files.
        let tags = |d: usize| corpus.stances.keys(d);
        let (actors, doc_actors) = ids_per_doc(
            (0..corpus.articles.len())
                .map(|d| {
                    tags(d)
                        .iter()
                        .filter(|t| t.actor != crate::stance::OUTLET_ACTOR)
                        .map(|t| t.actor.as_str())
                        .collect()
                })
                .collect(),
        );
        let (targets, doc_targets) = ids_per_doc(
            (0..corpus.articles.len())
                .map(|d| tags(d).iter().map(|t| t.target.as_str()).collect())
                .collect(),
        );
        Facts {
            actors,
            doc_actors,
            targets,
            doc_targets,
            outlets_folded: outlets.iter().map(|o| fold(o)).collect(),
            doc_outlets: corpus
                .articles
                .iter()
                .map(|a| {
                    let mut ids: Vec<u16> = a
                        .outlets
                        .iter()
                        .filter_map(|o| outlets.binary_search(&o.name).ok().map(|i| i as u16))
                        .collect();
                    ids.sort_unstable();
                    ids.dedup();
                    ids
                })
                .collect(),
            doc_bucket: corpus
                .articles
                .iter()
                .map(|a| {
                    buckets
                        .binary_search(&date_bucket(a))
                        .map_or(0, |i| i as u16)
                })
                .collect(),
            doc_interval: corpus.articles.iter().map(article_interval).collect(),
            unit_class: {
                let index = &corpus.index;
                let mut class: Vec<u8> = index
                    .units
                    .iter()
                    .map(|u| u8::from(u.kind == crate::index::UnitKind::Title))
                    .collect();
                for &u in &index.captions {
                    if let Some(c) = class.get_mut(u as usize) {
                        *c = 2;
                    }
                }
                class
            },
            outlets,
            buckets,
        }
    }
}

/// A parsed `outlet:` filter.
pub(super) struct OutletFilter {
    ids: Vec<u16>,
    unknown: bool,
    negated: bool,
}

impl OutletFilter {
    pub(super) fn new(facts: &Facts, value: &str, negated: bool) -> OutletFilter {
        let v = fold(value.trim());
        OutletFilter {
            ids: (0..facts.outlets.len())
                .filter(|&i| facts.outlets_folded[i] == v)
                .map(|i| i as u16)
                .collect(),
            unknown: matches!(v.as_str(), "unknown" | "unknown outlet" | "none"),
            negated,
        }
    }

    fn admits(&self, facts: &Facts, d: usize) -> bool {
        let ids = &facts.doc_outlets[d];
        ids.iter().any(|i| self.ids.contains(i)) || (self.unknown && ids.is_empty())
    }
}

/// A parsed `date:` filter: `2020`, `2020-08`, `2020-08-14`, ranges `A..B`, `..B`, `A..`, or
/// `undated`.
pub(super) struct DateFilter {
    range: Option<(String, String)>,
    negated: bool,
}

impl DateFilter {
    /// [`FilterError::NotADate`] when the value is not a date or a range of dates.
    pub(super) fn new(value: &str, negated: bool) -> Result<DateFilter, FilterError> {
        let v = value.trim();
        if matches!(v, "undated" | "none" | "unknown") {
            return Ok(DateFilter {
                range: None,
                negated,
            });
        }
        let valid = |s: &str| {
            s.is_empty()
                || (s.len() == 4 || s.len() == 7 || s.len() == 10)
                    && s.bytes().all(|b| b.is_ascii_digit() || b == b'-')
        };
        let (lo, hi) = v.split_once("..").unwrap_or((v, v));
        if !valid(lo) || !valid(hi) || (lo.is_empty() && hi.is_empty()) {
            return Err(FilterError::NotADate {
                value: value.to_string(),
            });
        }
        Ok(DateFilter {
            range: Some((lo.to_string(), hi.to_string())),
            negated,
        })
    }

    fn admits(&self, facts: &Facts, d: usize) -> bool {
        let interval = facts.doc_interval[d].as_ref();
        match (&self.range, interval) {
            (None, i) => i.is_none(),
            (Some(_), None) => false,
            // As strings: a shorter bound covers every date it prefixes.
            (Some((lo, hi)), Some((start, end))) => {
                (lo.is_empty() || start >= lo)
                    && (hi.is_empty() || end <= hi || end.starts_with(hi.as_str()))
            }
        }
    }
}

/// Positive filters of one field: any may admit; negated ones: none may.
fn admitted<F>(filters: &[F], admits: impl Fn(&F) -> bool, negated: impl Fn(&F) -> bool) -> bool {
    let mut any_positive = false;
    let mut positive_ok = false;
    for f in filters {
        if negated(f) {
            if admits(f) {
                return false;
            }
        } else {
            any_positive = true;
            positive_ok |= admits(f);
        }
    }
    !any_positive || positive_ok
}

impl OutletFilter {
    pub(super) fn all_admit(filters: &[OutletFilter], facts: &Facts, d: usize) -> bool {
        admitted(filters, |f| f.admits(facts, d), |f| f.negated)
    }

    pub(super) fn selects(filters: &[OutletFilter], id: Option<u16>) -> bool {
        filters
            .iter()
            .any(|f| !f.negated && id.map_or(f.unknown, |id| f.ids.contains(&id)))
    }
}

impl DateFilter {
    pub(super) fn all_admit(filters: &[DateFilter], facts: &Facts, d: usize) -> bool {
        admitted(filters, |f| f.admits(facts, d), |f| f.negated)
    }

    pub(super) fn selects(filters: &[DateFilter], bucket: &str) -> bool {
        filters.iter().any(|f| {
            !f.negated
                && f.range
                    .as_ref()
                    .is_some_and(|(lo, hi)| lo == bucket && hi == bucket)
        }) || (bucket == "undated" && filters.iter().any(|f| !f.negated && f.range.is_none()))
    }
}

/// A parsed `actor:` or `stance:` filter: `actor:putin` (id or a word of the name),
/// `stance:sanctions`, `stance:sanctions=support` (`oppose`, `neutral`).
pub(super) struct StanceFilter {
    /// The value as written, folded: what a facet value must equal to show as selected.
    raw: String,
    actor: Option<String>,
    target: Option<String>,
    polarity: Option<crate::stance::Polarity>,
    negated: bool,
}

impl StanceFilter {
    pub(super) fn new(
        field: Field,
        value: &str,
        negated: bool,
    ) -> Result<StanceFilter, FilterError> {
        let v = value.trim().to_lowercase();
        match field {
            Field::Actor => Ok(StanceFilter {
                raw: fold(value),
                actor: Some(v),
                target: None,
                polarity: None,
                negated,
            }),
            Field::Stance => {
                let (target, polarity) = match v.split_once('=') {
                    Some((t, p)) => (t.to_string(), Some(p.to_string())),
                    None => (v.clone(), None),
                };
                let polarity = match polarity.as_deref() {
                    None => None,
                    Some(word) => match Polarity::from_keyword(word) {
                        Some(p) => Some(p),
                        None => {
                            return Err(FilterError::NotAStance {
                                target,
                                word: word.to_string(),
                            })
                        }
                    },
                };
                Ok(StanceFilter {
                    raw: fold(value),
                    actor: None,
                    target: Some(target),
                    polarity,
                    negated,
                })
            }
            _ => Err(FilterError::NotAStanceField { field }),
        }
    }

    /// Whether a tag (its key) is what the filter asks for (ignoring negation).
    pub(super) fn selects(&self, corpus: &Corpus, t: &crate::stance::TagKey) -> bool {
        let actor_ok = self.actor.as_ref().is_none_or(|a| {
            t.actor == *a
                || corpus.profile.actors.iter().any(|x| {
                    x.id == t.actor && fold(&x.name).split_whitespace().any(|w| w == fold(a))
                })
                || fold(&t.actor_surface) == fold(a)
        });
        let target_ok = self.target.as_ref().is_none_or(|g| t.target == *g);
        let polarity_ok = self.polarity.is_none_or(|p| t.stance == p);
        actor_ok && target_ok && polarity_ok
    }

    pub(super) fn all_admit(filters: &[StanceFilter], corpus: &Corpus, d: usize) -> bool {
        StanceFilter::admit_but(filters, None, corpus, d)
    }

    /// Whether the filters admit article `d`, leaving out those of field `but` (`actor:` or
    /// `stance:`), so that a facet counts what the other filters admit.
    pub(super) fn admit_but(
        filters: &[StanceFilter],
        but: Option<Field>,
        corpus: &Corpus,
        d: usize,
    ) -> bool {
        let tags = corpus.stances.keys(d);
        let kept: Vec<&StanceFilter> = filters
            .iter()
            .filter(|f| but.is_none_or(|field| f.field() != field))
            .collect();
        admitted(
            &kept,
            |f| tags.iter().any(|t| f.selects(corpus, t)),
            |f| f.negated,
        )
    }

    /// `actor:` or `stance:`.
    pub(super) fn field(&self) -> Field {
        if self.actor.is_some() {
            Field::Actor
        } else {
            Field::Stance
        }
    }

    /// Whether a positive filter of `field` selects the facet value `value` (an actor or target
    /// id), as written.
    pub(super) fn selects_value(filters: &[StanceFilter], field: Field, value: &str) -> bool {
        filters
            .iter()
            .any(|f| !f.negated && f.field() == field && f.raw == fold(value))
    }
}
