//! A whole corpus: articles plus corpus-level passes (date inference across articles, the search
//! index), and the one binary schema used to embed it in the app and decode it there.

use crate::date::Date;
use crate::error::DecodeError;
use crate::index::{FieldWeights, Index};
use crate::ingest::dates::{self, YearHints};
use crate::ingest::{Article, Provenance};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Version of the binary schema; bump it whenever a serialized type changes, or what the index
/// holds for the same text (queries are analysed by the code that decodes, so an index analysed
/// otherwise would silently miss). Schema 8: outlets carry the rule that found them, articles
/// their cited and photo outlets and address, and `6,700` is indexed as `6700`. Schema 9: actors
/// found in the text join the profile (`Actor::discovered`). Schema 10: the corpus records where
/// its story profile came from ([`ProfileSource`]). Schema 11: the index keeps the field weights it
/// was built with. Schema 12: the index may keep its postings in static shards
/// ([`crate::index::shards`]). Schema 13: stance tags are stored with their strings interned
/// ([`crate::stance::Stances`]). Schema 14: an article's text may be in a static text part
/// ([`crate::static_corpus`]). Schema 15: the head lists its text parts by fingerprint and size
/// only. Schema 16: an article's segments, paragraphs and stance tags (but their keys) may be in
/// its text part with its text, and the index lists its caption units. Schema 17: an index in
/// static files keeps its dictionary in its shards and a words file.
pub const SCHEMA: u32 = 17;
const MAGIC: &[u8; 4] = b"PLXC";

/// The articles of one corpus, in file-name order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    /// A name for the corpus (the folder's name).
    pub name: String,
    /// A fingerprint of the corpus content (16 hex digits); changes whenever any article changes.
    pub version: String,
    /// The articles.
    pub articles: Vec<Article>,
    /// The search index over the articles.
    pub index: Index,
    /// The story profile the stances were tagged with.
    pub profile: crate::stance::Profile,
    /// Where that profile came from: the folder's `story.toml`, the built-in one, or suggested
    /// from the corpus because the built-in one did not fit it.
    pub profile_source: ProfileSource,
    /// Stance tags per article (same order as `articles`), stored with their strings interned.
    pub stances: crate::stance::Stances,
    /// The reuse graph: every pair of articles sharing verbatim or edited copies of paragraphs,
    /// found once when the corpus is built.
    pub reuse: Vec<crate::align::Reuse>,
    /// Where the texts are when the corpus is kept in static files beside the page (then an
    /// article's text is held once its part is fetched); `None` when every text is held.
    pub texts: Option<crate::static_corpus::TextParts>,
    /// Per-article facts for filters and facets, worked out on first use.
    #[serde(skip)]
    facts: std::sync::OnceLock<crate::search::Facts>,
    /// The reading order and the alignment features, worked out on first use.
    #[serde(skip)]
    derived: Derived,
}

/// Parts of a corpus derived from its articles on first use. Two corpora with the same articles
/// are equal whether or not these were worked out yet.
#[derive(Clone, Debug, Default)]
struct Derived {
    order: std::sync::OnceLock<ReadingOrder>,
    features: std::sync::OnceLock<Vec<Vec<crate::align::Features>>>,
    timeline: std::sync::OnceLock<crate::coverage::Timeline>,
}

impl PartialEq for Derived {
    fn eq(&self, _: &Derived) -> bool {
        true
    }
}

/// The articles in reading order (oldest first; undated ones last; then by id), and where each
/// article stands in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct ReadingOrder {
    docs: Vec<usize>,
    rank: Vec<usize>,
}

/// Where an article stands in the reading order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadingPlace {
    /// Its place, counted from 0.
    pub position: usize,
    /// How many articles the order has.
    pub of: usize,
    /// The article before it (older), if any.
    pub older: Option<usize>,
    /// The article after it (newer), if any.
    pub newer: Option<usize>,
}

/// Most articles a corpus may have for [`Corpus::related`] to align an article with every
/// other one (to count paraphrases); beyond it, only copies from the reuse graph are counted.
pub const RELATED_LIMIT: usize = 300;

/// Another article to compare one with, and what the two share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Related {
    /// Index of the other article.
    pub doc: usize,
    /// Paragraph pairs copied verbatim or edited (from the reuse graph).
    pub copies: usize,
    /// Paragraph pairs that say the same in other words (0 in corpora over [`RELATED_LIMIT`]).
    pub paraphrases: usize,
}

/// Where a corpus's story profile came from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum ProfileSource {
    /// The built-in profile (the seed story), which fits the corpus.
    #[default]
    Builtin,
    /// The corpus folder's `story.toml`.
    Story,
    /// Suggested from the corpus ([`crate::suggest`]) because the folder has no `story.toml` and
    /// the built-in profile does not fit it.
    Suggested {
        /// The built-in profile's target cue hits per 1,000 words (below
        /// [`crate::suggest::FIT_THRESHOLD`]).
        builtin_hits_per_thousand_words: f32,
    },
}

impl ProfileSource {
    /// A sentence for the build summary and the page: where the stance profile came from.
    pub fn describe(&self) -> String {
        match self {
            ProfileSource::Builtin => "the built-in profile (the seed story)".into(),
            ProfileSource::Story => "story.toml of the folder".into(),
            ProfileSource::Suggested {
                builtin_hits_per_thousand_words: hits,
            } => format!(
                "suggested from the articles (no story.toml, and the built-in profile does not fit: {hits:.1} cue hits per 1,000 words, under {:.0}); `parallax profile suggest --out story.toml` writes it to refine",
                crate::suggest::FIT_THRESHOLD
            ),
        }
    }
}

/// A passage of another article that copies (or is copied by) a given one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Appearance {
    /// Index of the other article.
    pub doc: usize,
    /// Its paragraph.
    pub paragraph: usize,
    /// Verbatim or near (an edited copy).
    pub kind: crate::align::Kind,
    /// Share of the passage's words in runs both share (0–1).
    pub copied: f32,
}

/// Counts shown in the app's header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusSummary {
    /// Number of articles.
    pub articles: usize,
    /// Distinct outlet names (publishers, wires and aggregators).
    pub outlets: Vec<String>,
    /// Earliest and latest known dates.
    pub date_range: Option<(Date, Date)>,
    /// Articles whose date is inferred or unknown.
    pub undated_or_inferred: usize,
}

/// FNV-1a, 64 bit: a small stable fingerprint (not for security).
fn fnv1a(bytes: impl IntoIterator<Item = u8>, mut h: u64) -> u64 {
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl Corpus {
    /// Builds a corpus: sorts by id, infers the dates the files do not state using what the other
    /// articles say, and fingerprints the result.
    pub fn from_articles(name: &str, articles: Vec<Article>) -> Corpus {
        Corpus::with_aliases(name, articles, &[])
    }

    /// Like [`Corpus::from_articles`], with groups of words that name the same thing
    /// (`["Belarus", "Byelorussia"]`): a search for one finds the others.
    pub fn with_aliases(name: &str, articles: Vec<Article>, aliases: &[Vec<String>]) -> Corpus {
        Corpus::build(name, articles, aliases, crate::stance::Profile::default())
    }

    /// Builds a corpus with an alias table and a story profile: stances are tagged with it.
    pub fn build(
        name: &str,
        articles: Vec<Article>,
        aliases: &[Vec<String>],
        profile: crate::stance::Profile,
    ) -> Corpus {
        Corpus::assemble(
            name,
            articles,
            profile,
            |index| index.set_aliases(aliases),
            &HashMap::new(),
        )
    }

    /// This corpus with articles added in the page ([`crate::local`]): the same name, story
    /// profile and alias table; the added articles are ingested, their dates settled against the
    /// whole corpus, their stances tagged (the embedded articles' tags are kept, not recomputed),
    /// and the search index is rebuilt over all of them. An added article whose id the corpus
    /// already has is left out.
    pub fn with_local(&self, local: &[crate::local::LocalArticle]) -> Corpus {
        self.with_local_reusing(local, self)
    }

    /// Like [`Corpus::with_local`], taking from `previous` (the corpus shown before a change)
    /// what it already worked out for the additions it had: their ingested articles, dates and
    /// stance tags, with the actors those tags found in the text. Only new additions are read and
    /// tagged; the index and the reuse graph are rebuilt over all. Ids carry a hash of the text,
    /// so an id `previous` has is the same article.
    pub fn with_local_reusing(
        &self,
        local: &[crate::local::LocalArticle],
        previous: &Corpus,
    ) -> Corpus {
        let mut known: HashMap<&str, &[crate::stance::Tag]> = self
            .articles
            .iter()
            .map(|a| a.id.as_str())
            .zip(self.stances.iter())
            .collect();
        let before: HashMap<&str, usize> = previous
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let mut articles = self.articles.clone();
        let mut profile = self.profile.clone();
        let mut actor_ids: HashSet<String> = profile.actors.iter().map(|a| a.id.clone()).collect();
        let mut added = HashSet::new();
        for l in local {
            if known.contains_key(l.id.as_str()) || !added.insert(l.id.as_str()) {
                continue;
            }
            match before.get(l.id.as_str()) {
                Some(&i) if previous.stances.len() > i => {
                    articles.push(previous.articles[i].clone());
                    known.insert(&l.id, &previous.stances[i]);
                    for t in &previous.stances[i] {
                        let found = previous.profile.actors.iter().find(|a| a.id == t.actor);
                        if let Some(a) = found.filter(|a| actor_ids.insert(a.id.clone())) {
                            profile.actors.push(a.clone());
                        }
                    }
                }
                _ => articles.push(l.article()),
            }
        }
        let aliases = self.index.aliases.clone();
        let mut c = Corpus::assemble(
            &self.name,
            articles,
            profile,
            |index| index.aliases = aliases,
            &known,
        );
        c.profile_source = self.profile_source.clone();
        c
    }

    /// Sorts, settles dates, fingerprints, indexes and tags (reusing the `known` tags by id).
    fn assemble(
        name: &str,
        mut articles: Vec<Article>,
        profile: crate::stance::Profile,
        aliases: impl FnOnce(&mut Index),
        known: &HashMap<&str, &[crate::stance::Tag]>,
    ) -> Corpus {
        articles.sort_by(|a, b| a.id.cmp(&b.id));
        let hints = YearHints::learn(&articles);
        for a in &mut articles {
            if a.date.provenance == Provenance::Unknown {
                a.date = dates::infer(a, &hints);
            }
        }
        dates::anchor_to_corpus(&mut articles);
        let mut h = 0xcbf2_9ce4_8422_2325;
        for a in &articles {
            h = fnv1a(a.id.bytes(), h);
            h = fnv1a([0], h);
            h = fnv1a(a.text.bytes(), h);
            h = fnv1a([0], h);
        }
        let mut index = Index::build(&articles, FieldWeights::default());
        aliases(&mut index);
        // Actors found in the articles' own text join the profile, so that the views can name
        // and group them.
        let mut profile = profile;
        let mut ids: HashSet<String> = profile.actors.iter().map(|a| a.id.clone()).collect();
        let stances = articles
            .iter()
            .map(|a| match known.get(a.id.as_str()) {
                Some(tags) => tags.to_vec(),
                None => {
                    let (tags, found) = crate::stance::tag_article_with_actors(a, &profile);
                    for f in found {
                        if ids.insert(f.id.clone()) {
                            profile.actors.push(f);
                        }
                    }
                    tags
                }
            })
            .collect();
        let reuse = crate::align::reuse(&articles, &crate::align::Thresholds::default());
        Corpus {
            name: name.to_string(),
            version: format!("{h:016x}"),
            articles,
            index,
            profile,
            profile_source: ProfileSource::default(),
            stances: crate::stance::Stances::new(stances),
            reuse,
            texts: None,
            facts: Default::default(),
            derived: Derived::default(),
        }
    }

    /// The corpus along a date axis, one lane per outlet ([`crate::coverage::timeline`]), laid
    /// out once and kept with the corpus (a corpus with articles added is a new corpus, with its
    /// own).
    pub fn timeline(&self) -> &crate::coverage::Timeline {
        self.derived
            .timeline
            .get_or_init(|| crate::coverage::timeline(self))
    }

    /// The articles oldest first, undated ones last, then by id: the order the list shows and
    /// the reader steps through. Worked out once.
    pub fn reading_order(&self) -> &[usize] {
        &self.order().docs
    }

    fn order(&self) -> &ReadingOrder {
        self.derived.order.get_or_init(|| {
            let mut docs: Vec<usize> = (0..self.articles.len()).collect();
            docs.sort_by(|&x, &y| {
                let (a, b) = (&self.articles[x], &self.articles[y]);
                match (a.date.date, b.date.date) {
                    (Some(x), Some(y)) => x.cmp(&y).then_with(|| a.id.cmp(&b.id)),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => a.id.cmp(&b.id),
                }
            });
            let mut rank = vec![0; docs.len()];
            for (i, &d) in docs.iter().enumerate() {
                rank[d] = i;
            }
            ReadingOrder { docs, rank }
        })
    }

    /// Where article `doc` stands in the [`Corpus::reading_order`], with its neighbours.
    pub fn reading_place(&self, doc: usize) -> Option<ReadingPlace> {
        let order = self.order();
        let position = *order.rank.get(doc)?;
        Some(ReadingPlace {
            position,
            of: order.docs.len(),
            older: position.checked_sub(1).map(|i| order.docs[i]),
            newer: order.docs.get(position + 1).copied(),
        })
    }

    /// The other articles to compare article `doc` with, those sharing the most text first:
    /// copied paragraphs (from the reuse graph), then paraphrased ones, then by id. In a corpus
    /// of more than [`RELATED_LIMIT`] articles only the articles it shares copies with are
    /// listed, and paraphrases are not counted. Each article's paragraphs are read for
    /// alignment once per corpus; a call only measures the paragraphs that share words.
    pub fn related(&self, doc: usize) -> Vec<Related> {
        if self.articles.len() < 2 || doc >= self.articles.len() {
            return Vec::new();
        }
        let copies = self.copies_with(doc);
        // Paraphrases are read from the texts: until every one is held (a corpus in static
        // files), only copies count, and nothing is kept that was read from missing texts.
        let small = self.articles.len() <= RELATED_LIMIT && self.texts_complete();
        let t = crate::align::Thresholds::default();
        let features = small.then(|| {
            self.derived.features.get_or_init(|| {
                let mut cache = crate::align::Stems::default();
                self.articles
                    .iter()
                    .map(|a| crate::align::article_features(a, &mut cache))
                    .collect()
            })
        });
        let mut out: Vec<Related> = (0..self.articles.len())
            .filter(|&o| o != doc)
            .filter_map(|o| {
                let copies = copies.get(&o).copied().unwrap_or(0);
                let paraphrases = features.map_or(0, |f| {
                    crate::align::align_features(&f[doc], &f[o], &t)
                        .pairs
                        .iter()
                        .filter(|p| p.kind == crate::align::Kind::Paraphrase)
                        .count()
                });
                (small || copies > 0).then_some(Related {
                    doc: o,
                    copies,
                    paraphrases,
                })
            })
            .collect();
        out.sort_by(|a, b| {
            (b.copies, b.paraphrases)
                .cmp(&(a.copies, a.paraphrases))
                .then_with(|| self.articles[a.doc].id.cmp(&self.articles[b.doc].id))
        });
        out
    }

    /// Per-article facts for filters and facets.
    pub fn facts(&self) -> &crate::search::Facts {
        self.facts.get_or_init(|| crate::search::Facts::of(self))
    }

    /// The stance tags of the article with this id (none if it has none or does not exist).
    pub fn stances_of(&self, id: &str) -> &[crate::stance::Tag] {
        self.articles
            .iter()
            .position(|a| a.id == id)
            .and_then(|i| self.stances.get(i))
            .unwrap_or_default()
    }

    /// Where else each paragraph of article `doc` appears, verbatim or edited, from the reuse
    /// graph, in one pass over it: paragraph → `(article index, paragraph, kind, share of the
    /// passage's words copied)`, closest copies first.
    pub fn appearances(&self, doc: usize) -> BTreeMap<usize, Vec<Appearance>> {
        let mut out: BTreeMap<usize, Vec<Appearance>> = BTreeMap::new();
        for r in self.reuse.iter().filter(|r| r.a == doc || r.b == doc) {
            for p in &r.pairs {
                let (mine, other, other_para) = if r.a == doc {
                    (p.a, r.b, p.b)
                } else {
                    (p.b, r.a, p.a)
                };
                out.entry(mine).or_default().push(Appearance {
                    doc: other,
                    paragraph: other_para,
                    kind: p.kind,
                    copied: p.measure.copied,
                });
            }
        }
        for list in out.values_mut() {
            list.sort_by(|x, y| {
                y.copied
                    .total_cmp(&x.copied)
                    .then(x.doc.cmp(&y.doc))
                    .then(x.paragraph.cmp(&y.paragraph))
            });
        }
        out
    }

    /// Where else paragraph `para` of article `doc` appears (see [`Corpus::appearances`]).
    pub fn also_in(&self, doc: usize, para: usize) -> Vec<Appearance> {
        self.appearances(doc).remove(&para).unwrap_or_default()
    }

    /// How many copied paragraph pairs article `doc` shares with each other article.
    pub fn copies_with(&self, doc: usize) -> HashMap<usize, usize> {
        self.reuse
            .iter()
            .filter_map(|r| match (r.a == doc, r.b == doc) {
                (true, _) => Some((r.b, r.pairs.len())),
                (_, true) => Some((r.a, r.pairs.len())),
                _ => None,
            })
            .collect()
    }

    /// The index of the article with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.id == id)
    }

    /// The article with this id.
    pub fn get(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// Counts for the header.
    pub fn summary(&self) -> CorpusSummary {
        let outlets: BTreeSet<String> = self
            .articles
            .iter()
            .flat_map(|a| a.outlets.iter().map(|o| o.name.clone()))
            .collect();
        let dates: Vec<Date> = self.articles.iter().filter_map(|a| a.date.date).collect();
        CorpusSummary {
            articles: self.articles.len(),
            outlets: outlets.into_iter().collect(),
            date_range: dates.iter().min().copied().zip(dates.iter().max().copied()),
            undated_or_inferred: self
                .articles
                .iter()
                .filter(|a| {
                    matches!(
                        a.date.provenance,
                        Provenance::Inferred | Provenance::Unknown
                    )
                })
                .count(),
        }
    }

    /// Serializes the corpus: a 4-byte marker, the schema version, then the postcard payload.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&SCHEMA.to_le_bytes());
        // Serializing plain owned data into a Vec cannot fail.
        out.extend(postcard::to_allocvec(self).unwrap_or_default());
        out
    }

    /// Decodes what [`Corpus::encode`] wrote.
    pub fn decode(bytes: &[u8]) -> Result<Corpus, DecodeError> {
        let rest = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or(DecodeError::NotACorpus)?;
        let (schema, payload) = rest.split_at_checked(4).ok_or(DecodeError::NotACorpus)?;
        let found = u32::from_le_bytes(schema.try_into().map_err(|_| DecodeError::NotACorpus)?);
        if found != SCHEMA {
            return Err(DecodeError::Schema {
                found,
                expected: SCHEMA,
            });
        }
        postcard::from_bytes(payload).map_err(|e| DecodeError::Corrupt(e.to_string()))
    }
}
