//! Who is heard: the sentences of a matrix cell, and the quote ledger of actors by affiliation.

use super::*;
use crate::export::Table;
use crate::ingest::Article;
use crate::stance::{Polarity, Tag, Voice, OUTLET_ACTOR};
use crate::Corpus;
use std::collections::BTreeMap;

/// A stance statement with its article.
#[derive(Clone, Copy, Debug)]
pub struct Statement<'c> {
    /// Index of the article.
    pub doc: usize,
    /// The article.
    pub article: &'c Article,
    /// The tag.
    pub tag: &'c Tag,
}

/// The statements of one matrix cell, of a whole row (`target` is `None`) or of a whole column
/// (`row` is `None`), in corpus order.
pub fn statements<'c>(
    sel: &Selection<'c>,
    by: Rows,
    row: Option<&str>,
    target: Option<&str>,
) -> Vec<Statement<'c>> {
    let corpus = sel.corpus;
    tags(sel)
        .filter(|(d, t)| {
            target.is_none_or(|x| t.target == x)
                && row.is_none_or(|r| row_key(corpus, by, *d, t) == r)
        })
        .map(|(doc, tag)| Statement {
            doc,
            article: &corpus.articles[doc],
            tag,
        })
        .collect()
}

/// Statements as a table: article, outlet, date, paragraph, actor, target, polarity, voice, the
/// sentence, the cue words and the rule.
pub fn statements_table(corpus: &Corpus, name: &str, list: &[Statement<'_>]) -> Table {
    let columns = [
        "article",
        "outlet",
        "date",
        "paragraph",
        "actor",
        "actor_as_written",
        "target",
        "stance",
        "voice",
        "sentence",
        "cues",
        "rule",
    ];
    let rows = list
        .iter()
        .map(|s| {
            let a = s.article;
            let cues: Vec<&str> = s.tag.cues.iter().map(|c| a.slice(*c)).collect();
            vec![
                a.id.clone().into(),
                a.outlet_label().into(),
                a.date.iso().into(),
                (s.tag.paragraph + 1).into(),
                corpus.profile.actor_name(&s.tag.actor).into(),
                s.tag.actor_surface.clone().into(),
                s.tag.target.clone().into(),
                s.tag.stance.name().into(),
                s.tag.voice.name().into(),
                a.slice(s.tag.span).trim().to_string().into(),
                cues.join(" | ").into(),
                s.tag.rule.clone().into(),
            ]
        })
        .collect();
    Table {
        name: name.to_string(),
        columns: columns.iter().map(|c| c.to_string()).collect(),
        rows,
    }
}

/// One actor in the quote ledger.
#[derive(Clone, Debug, PartialEq)]
pub struct LedgerActor {
    /// Actor id.
    pub actor: String,
    /// Name.
    pub name: String,
    /// Statements in direct quotation.
    pub quoted: u32,
    /// Statements in indirect speech.
    pub reported: u32,
    /// Statements in the outlet's own words (the outlet itself as the actor); always 0 in the
    /// [`ledger`], which leaves them out.
    pub own_words: u32,
    /// Per outlet that carries them: (outlet, quoted, reported), most first.
    pub outlets: Vec<(String, u32, u32)>,
    /// Their positions: (target id, polarity, statements), most first.
    pub positions: Vec<(String, Polarity, u32)>,
}

/// Actors of one affiliation group.
#[derive(Clone, Debug, PartialEq)]
pub struct LedgerGroup {
    /// Group id.
    pub id: String,
    /// Label.
    pub label: String,
    /// The actors, most heard first.
    pub actors: Vec<LedgerActor>,
}

/// Each actor's statements in the articles `docs`: voices, outlets and positions (in the order
/// first seen), by actor id. The outlets' own voice is left out unless `own_voice`.
pub(crate) fn tally<'c>(
    corpus: &'c Corpus,
    docs: &[usize],
    own_voice: bool,
) -> BTreeMap<&'c str, LedgerActor> {
    let profile = &corpus.profile;
    let mut per: BTreeMap<&str, LedgerActor> = BTreeMap::new();
    for (d, tag) in doc_tags(corpus, docs) {
        if !own_voice && (tag.actor == OUTLET_ACTOR || tag.voice == Voice::Outlet) {
            continue;
        }
        let e = per.entry(&tag.actor).or_insert_with(|| LedgerActor {
            actor: tag.actor.to_string(),
            name: profile.actor_name(&tag.actor),
            quoted: 0,
            reported: 0,
            own_words: 0,
            outlets: Vec::new(),
            positions: Vec::new(),
        });
        let quoted = u32::from(tag.voice == Voice::Quoted);
        let reported = u32::from(tag.voice == Voice::Reported);
        e.quoted += quoted;
        e.reported += reported;
        e.own_words += u32::from(tag.voice == Voice::Outlet);
        let outlet = corpus.articles[d].outlet_label();
        match e.outlets.iter_mut().find(|o| o.0 == outlet) {
            Some(o) => {
                o.1 += quoted;
                o.2 += reported;
            }
            None => e.outlets.push((outlet, quoted, reported)),
        }
        match e
            .positions
            .iter_mut()
            .find(|p| p.0 == tag.target && p.1 == tag.stance)
        {
            Some(p) => p.2 += 1,
            None => e.positions.push((tag.target.to_string(), tag.stance, 1)),
        }
    }
    per
}

/// Who is quoted or paraphrased, by which outlet, how often and on what: actors grouped by
/// affiliation, in the profile's group order. The outlets' own voice is not in it.
pub fn ledger(sel: &Selection<'_>) -> Vec<LedgerGroup> {
    let corpus = sel.corpus;
    let profile = &corpus.profile;
    let per = tally(corpus, &sel.docs, false);
    let mut groups: Vec<LedgerGroup> = Vec::new();
    for (_, mut a) in per {
        a.outlets
            .sort_by(|x, y| (y.1 + y.2).cmp(&(x.1 + x.2)).then(x.0.cmp(&y.0)));
        a.positions
            .sort_by(|x, y| y.2.cmp(&x.2).then(x.0.cmp(&y.0)));
        let (id, label) = profile.group_of(&a.actor);
        match groups.iter_mut().find(|g| g.id == id) {
            Some(g) => g.actors.push(a),
            None => groups.push(LedgerGroup {
                id,
                label,
                actors: vec![a],
            }),
        }
    }
    let rank = |id: &str| {
        profile
            .groups
            .iter()
            .position(|g| g.id == id)
            .unwrap_or(if id == "unlisted" {
                usize::MAX
            } else {
                usize::MAX - 1
            })
    };
    groups.sort_by(|a, b| rank(&a.id).cmp(&rank(&b.id)).then(a.label.cmp(&b.label)));
    for g in &mut groups {
        g.actors.sort_by(|a, b| {
            (b.quoted + b.reported)
                .cmp(&(a.quoted + a.reported))
                .then(a.name.cmp(&b.name))
        });
    }
    groups
}

/// The ledger as a table: one line per actor and outlet.
pub fn ledger_table(groups: &[LedgerGroup]) -> Table {
    let mut rows = Vec::new();
    for g in groups {
        for a in &g.actors {
            let positions: Vec<String> = a
                .positions
                .iter()
                .map(|(t, p, n)| format!("{} {} ×{n}", p.name(), t))
                .collect();
            for (outlet, q, r) in &a.outlets {
                rows.push(vec![
                    g.label.clone().into(),
                    a.name.clone().into(),
                    outlet.clone().into(),
                    (*q).into(),
                    (*r).into(),
                    positions.join("; ").into(),
                ]);
            }
        }
    }
    Table {
        name: "quote-ledger".into(),
        columns: [
            "group",
            "actor",
            "outlet",
            "quoted",
            "reported",
            "positions",
        ]
        .iter()
        .map(|c| c.to_string())
        .collect(),
        rows,
    }
}
