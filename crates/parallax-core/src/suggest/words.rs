//! Words of a sentence for the suggester, and the word tables its rules read.

/// One token of a sentence: a word (letters, digits, inner apostrophes, hyphens and dots) or one
/// punctuation character.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Tok<'a> {
    /// The text as written.
    pub text: &'a str,
    /// Lower case, curly apostrophes straightened, diacritics kept.
    pub lower: String,
    /// Whether it is a word (else punctuation).
    pub word: bool,
}

impl Tok<'_> {
    /// Starts with an upper-case letter.
    pub fn cap(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Two or more letters, all upper case (`ECOWAS`, `UN`).
    pub fn acronym(&self) -> bool {
        let letters: Vec<char> = self.text.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2
            && letters.iter().all(|c| c.is_uppercase())
            && self.text.chars().all(|c| c.is_alphabetic() || c == '.')
    }

    /// A possessive (`Freedonia's`, `ministers'`): the word without its ending.
    pub fn possessive(&self) -> Option<&str> {
        for end in ["'s", "’s", "'", "’"] {
            if let Some(w) = self.text.strip_suffix(end) {
                if !w.is_empty() && (end.len() > 1 || w.ends_with('s')) {
                    return Some(w);
                }
            }
        }
        None
    }

    /// Is this punctuation `c`?
    pub fn is(&self, c: &str) -> bool {
        !self.word && self.text == c
    }
}

/// Splits a sentence into tokens.
pub(crate) fn tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                let inner = matches!(d, '\'' | '’' | '-' | '.')
                    && chars.get(j + 1).is_some_and(|n| n.1.is_alphanumeric());
                // `ministers'` keeps its apostrophe.
                let plural_possessive = matches!(d, '\'' | '’')
                    && chars[j - 1].1 == 's'
                    && chars.get(j + 1).is_none_or(|n| !n.1.is_alphanumeric());
                if d.is_alphanumeric() || inner || plural_possessive {
                    j += 1;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(s.len(), |x| x.0);
            let text = &s[at..end];
            out.push(Tok {
                text,
                lower: text.to_lowercase().replace('’', "'"),
                word: true,
            });
            i = j;
        } else {
            let end = chars.get(i + 1).map_or(s.len(), |x| x.0);
            out.push(Tok {
                text: &s[at..end],
                lower: s[at..end].to_string(),
                word: false,
            });
            i += 1;
        }
    }
    out
}

/// Lower-case ASCII-folded form for matching cues the way the stance tagger does.
pub(crate) fn fold_lower(s: &str) -> String {
    s.to_ascii_lowercase().replace('’', "'")
}

/// Whether `needle` (lower case; a trailing `*` matches any ending) occurs in `hay` (lower case)
/// on word boundaries, and how often.
pub(crate) fn count_cue(hay: &str, needle: &str) -> usize {
    if needle.strip_suffix('*').unwrap_or(needle).is_empty() {
        return 0;
    }
    crate::stance::matches_of(hay, needle).count()
}

/// A slug for an id: lower-case ASCII letters and digits joined by `_`.
pub(crate) fn slug(s: &str) -> String {
    let mut folded = String::new();
    for c in s.chars() {
        crate::text::normalise::fold_char(c, &mut folded);
    }
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}

/// Stance triggers: the words, and whether they oppose (`true`) or support what follows.
/// Longest first where one is a prefix of another.
pub(crate) const TRIGGERS: &[(&str, bool)] = &[
    ("calls for", false),
    ("called for", false),
    ("calling for", false),
    ("call for", false),
    ("called on", false),
    ("calls on", false),
    ("calling on", false),
    ("urged", false),
    ("urges", false),
    ("urging", false),
    ("urge", false),
    ("demanded", false),
    ("demanding", false),
    ("demands", false),
    ("demand", false),
    ("backed", false),
    ("backs", false),
    ("backing for", false),
    ("backing", false),
    ("support for", false),
    ("supported", false),
    ("supports", false),
    ("supporting", false),
    ("support", false),
    ("welcomed", false),
    ("welcomes", false),
    ("welcoming", false),
    ("welcome", false),
    ("imposed", false),
    ("imposes", false),
    ("imposing", false),
    ("impose", false),
    ("threatened", false),
    ("threatens", false),
    ("threatening", false),
    ("threaten", false),
    ("pushed for", false),
    ("pushing for", false),
    ("push for", false),
    ("pressed for", false),
    ("press for", false),
    ("appealed for", false),
    ("appeal for", false),
    ("plea for", false),
    ("sought", false),
    ("seeks", false),
    ("seeking", false),
    ("endorsed", false),
    ("endorses", false),
    ("praised", false),
    ("hailed", false),
    ("hails", false),
    ("proposed", false),
    ("insisted on", false),
    ("insists on", false),
    ("vowed", false),
    ("vows", false),
    ("pledged", false),
    ("agreed to", false),
    ("condemnation of", true),
    ("condemned", true),
    ("condemns", true),
    ("condemning", true),
    ("condemn", true),
    ("rejection of", true),
    ("rejected", true),
    ("rejects", true),
    ("rejecting", true),
    ("reject", true),
    ("opposition to", true),
    ("opposed to", true),
    ("opposed", true),
    ("opposes", true),
    ("opposing", true),
    ("oppose", true),
    ("denounced", true),
    ("denounces", true),
    ("denouncing", true),
    ("denounce", true),
    ("warned against", true),
    ("warns against", true),
    ("warning against", true),
    ("warn against", true),
    ("criticised", true),
    ("criticized", true),
    ("criticises", true),
    ("criticizes", true),
    ("criticism of", true),
    ("slammed", true),
    ("slams", true),
    ("deplored", true),
    ("decried", true),
    ("protested against", true),
    ("protest against", true),
    ("lifted", true),
    ("lifting", true),
    ("lift", true),
    ("refused to", true),
    ("refuses to", true),
    ("warned of", true),
    ("warns of", true),
    ("warning of", true),
    ("warned", true),
    ("warns", true),
    ("accused", true),
    ("accuses", true),
    ("threat of", false),
    ("asked for", false),
    ("agreed on", false),
];

/// A trigger split into its words: (the words, the trigger, whether it opposes).
pub(crate) type SplitTrigger = (Vec<&'static str>, &'static str, bool);

/// The triggers that start with `word`.
pub(crate) fn triggers_from(word: &str) -> &'static [SplitTrigger] {
    static BY_FIRST: std::sync::OnceLock<
        std::collections::HashMap<&'static str, Vec<SplitTrigger>>,
    > = std::sync::OnceLock::new();
    BY_FIRST
        .get_or_init(|| {
            let mut m: std::collections::HashMap<_, Vec<_>> = Default::default();
            for (t, o) in TRIGGERS {
                let parts: Vec<&'static str> = t.split(' ').collect();
                m.entry(parts[0]).or_default().push((parts, *t, *o));
            }
            m
        })
        .get(word)
        .map_or(&[], Vec::as_slice)
}

/// Triggers whose first object is whom the call is addressed to (`urged the junta to …`).
pub(crate) fn addresses(trigger: &str) -> bool {
    trigger.starts_with("urg")
        || trigger.starts_with("called on")
        || trigger.starts_with("calls on")
        || trigger.starts_with("calling on")
        || trigger.starts_with("press")
        || trigger.starts_with("call")
        || trigger.starts_with("demand")
}

/// Words skipped before a noun phrase's head: determiners, quantifiers, pronouns.
pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "your", "my", "this", "that", "these",
    "those", "any", "all", "some", "such", "both", "every", "each", "what", "further", "more",
    "other", "another", "several", "many", "much", "no",
];

/// Words that end a noun phrase.
pub(crate) const STOPS: &[&str] = &[
    "of",
    "for",
    "to",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "against",
    "over",
    "after",
    "before",
    "into",
    "about",
    "and",
    "or",
    "but",
    "nor",
    "as",
    "than",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "not",
    "if",
    "unless",
    "while",
    "when",
    "where",
    "because",
    "since",
    "until",
    "saying",
    "said",
    "says",
    "amid",
    "following",
    "during",
    "under",
    "between",
    "through",
    "without",
    "within",
    "across",
    "toward",
    "towards",
    "upon",
    "so",
    "it",
    "they",
    "he",
    "she",
    "we",
    "i",
    "you",
    "them",
    "him",
    "us",
    "also",
    "including",
    "among",
    "there",
    "here",
    "then",
    "now",
    "yet",
    "still",
    "even",
    "only",
    "just",
    "very",
    "too",
    "do",
    "does",
    "did",
    "via",
    "per",
    "like",
    "despite",
    "what",
    "how",
    "why",
    "whether",
    "overnight",
    "today",
    "yesterday",
    "tonight",
    "soon",
    "immediately",
    "again",
    "ago",
    "later",
    "earlier",
    "instead",
    "either",
    "whatever",
    "out",
    "back",
    "up",
    "down",
    "off",
    "away",
    "neither",
    "nor",
    "the",
    "a",
    "an",
];

/// Words that never head a target: adjectives and quantifiers left alone when their noun was cut
/// off (`a new …`).
pub(crate) const NOT_HEADS: &[&str] = &[
    "new",
    "old",
    "full",
    "immediate",
    "such",
    "own",
    "possible",
    "same",
    "different",
    "whole",
    "further",
    "major",
    "many",
    "few",
    "recent",
    "latest",
    "current",
    "previous",
    "next",
    "last",
    "first",
    "second",
    "final",
    "main",
    "key",
    "top",
    "high",
    "low",
    "large",
    "small",
    "big",
    "long",
    "short",
    "great",
    "good",
    "bad",
    "best",
    "worst",
    "little",
    "several",
    "show",
    "name",
    "sake",
    "behalf",
    "front",
    "wake",
    "light",
    "midst",
    "course",
    "lack",
];

/// Heads that news writing uses for one thing, grouped into one target: the first word of a set
/// names it.
pub(crate) const SYNONYMS: &[&[&str]] = &[
    &[
        "mutiny",
        "rebellion",
        "uprising",
        "revolt",
        "insurrection",
        "insurgency",
    ],
    &["coup", "putsch", "takeover"],
    &["talks", "dialogue", "negotiations"],
    &["sanctions", "penalties", "countermeasures"],
    &["crackdown", "repression"],
    &["ceasefire", "truce"],
    &["protests", "demonstrations", "rallies"],
    &["resignation", "ouster"],
    &["legislation", "law"],
];

/// Heads that name nothing a journalist would tag (`people`, `situation`); never targets.
pub(crate) const GENERIC_HEADS: &[&str] = &[
    // Who a call is addressed to, not what it asks (`called on the international community`).
    "community",
    "communities",
    "partners",
    "allies",
    "neighbours",
    "neighbors",
    // A place is where it happens (`the once prosperous island`).
    "island",
    "capital",
    "city",
    "people",
    "country",
    "countries",
    "situation",
    "statement",
    "statements",
    "time",
    "times",
    "way",
    "ways",
    "thing",
    "things",
    "part",
    "number",
    "year",
    "years",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "side",
    "sides",
    "issue",
    "issues",
    "matter",
    "fact",
    "point",
    "case",
    "one",
    "ones",
    "lot",
    "kind",
    "rest",
    "world",
    "region",
    "nation",
    "nations",
    "news",
    "report",
    "reports",
    "move",
    "moves",
    "effort",
    "efforts",
    "attempt",
    "attempts",
    "decision",
    "decisions",
    "idea",
    "call",
    "calls",
    "words",
    "word",
    "comments",
    "remarks",
    "view",
    "views",
    "position",
    "need",
    "importance",
    "role",
    "right",
    "chance",
    "possibility",
    "hope",
    "concern",
    "concerns",
    "question",
    "questions",
    "message",
    "government",
    "governments",
    "leader",
    "leaders",
    "president",
    "minister",
    "official",
    "officials",
    "authorities",
    "state",
    "states",
    "group",
    "groups",
    "members",
    "member",
    "man",
    "men",
    "woman",
    "women",
    "others",
    "everyone",
    "anyone",
    "someone",
    "nothing",
    "anything",
    "everything",
    "something",
    "me",
    "himself",
    "herself",
    "itself",
    "themselves",
    "today",
    "tomorrow",
    "yesterday",
    "home",
    "place",
    "continent",
    "city",
    "capital",
    "area",
    "areas",
    "future",
    "life",
    "lives",
    "work",
    "meeting",
    "summit",
    "visit",
    "trip",
    "bid",
    "interests",
    "interest",
    "values",
    "principles",
    "commitment",
    "readiness",
    "approach",
    "developments",
    "events",
    "event",
    "change",
    "changes",
    "level",
    "levels",
    "ability",
    "opportunity",
    "option",
    "options",
    "stance",
    "line",
    "lines",
    "terms",
    "basis",
    "form",
    "sort",
    "type",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "source",
    "sources",
    "media",
    "press",
    "journalists",
    "reporters",
    "story",
    "article",
    "video",
    "photo",
    "picture",
    "website",
    "post",
    "twitter",
    "channel",
    "update",
    "updates",
    "alerts",
    "stop",
    "parties",
    "party",
    "sides",
    "everybody",
    "troops",
    "fighters",
    "soldiers",
    "military",
    "national",
];

/// Heads that say little alone but name a target with their modifier (`military action`,
/// `constitutional order`) or their complement (`release of prisoners`, `use of force`): kept as
/// a bigram or phrase cue, never alone.
pub(crate) const WEAK_HEADS: &[&str] = &[
    "action",
    "order",
    "measures",
    "measure",
    "process",
    "rule",
    "power",
    "force",
    "forces",
    "law",
    "rights",
    "aid",
    "help",
    "plan",
    "agreement",
    "initiative",
    "system",
    "steps",
    "step",
    "response",
    "support",
    "actions",
    "demands",
    "demand",
    "proposal",
    "powers",
];

/// Heads of a phrase whose complement names the target (`the release of X`, `an end to X`).
pub(crate) const LIGHT_HEADS: &[&str] = &[
    "release",
    "end",
    "return",
    "lifting",
    "restoration",
    "withdrawal",
    "use",
    "resumption",
    "reinstatement",
    "removal",
    "respect",
    "halt",
    "suspension",
    "extension",
    "renewal",
    "resignation",
    "freeing",
    "cessation",
    "imposition",
    "protection",
    "safety",
    "rule",
    "increase",
    "rise",
    "hike",
    "cut",
    "cuts",
    // Taking part names what is taken part in (`their participation in the revolt`).
    "participation",
    "involvement",
];

/// Verbs that are a target themselves when nothing follows them (`urged him to step down`).
pub(crate) const INTRANSITIVE: &[(&str, &str)] = &[
    ("step down", "Stepping down"),
    ("stand down", "Standing down"),
    ("resign", "Resignation"),
    ("withdraw", "Withdrawal"),
    ("negotiate", "Negotiations"),
    ("intervene", "Intervention"),
    ("retaliate", "Retaliation"),
    ("disarm", "Disarmament"),
];

/// Verbs of speaking or taking a position whose subject is an actor.
pub(crate) const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "stated",
    "announced",
    "announces",
    "condemned",
    "condemns",
    "called",
    "calls",
    "urged",
    "urges",
    "demanded",
    "demands",
    "warned",
    "warns",
    "rejected",
    "rejects",
    "denied",
    "denies",
    "insisted",
    "insists",
    "accused",
    "accuses",
    "welcomed",
    "welcomes",
    "threatened",
    "threatens",
    "claimed",
    "claims",
    "declared",
    "noted",
    "stressed",
    "argued",
    "tweeted",
    "wrote",
    "posted",
    "replied",
    "responded",
    "confirmed",
    "vowed",
    "pledged",
    "backed",
    "supported",
    "criticised",
    "criticized",
    "denounced",
    "hailed",
    "praised",
    "agreed",
    "asked",
    "ordered",
    "imposed",
    "suspended",
    "appealed",
    "expressed",
    "voiced",
    "reiterated",
    "acknowledged",
    "admitted",
    "explained",
    "described",
    "blamed",
    "dismissed",
    "opposed",
    "proposed",
    "offered",
    "promised",
    "recognised",
    "recognized",
    "refused",
    "threatens",
    "suggested",
    "believes",
    "believed",
    "thinks",
    "thought",
    "wants",
    "wanted",
    "hopes",
    "hoped",
    "expects",
    "expected",
    "sees",
    "saw",
    "considers",
    "considered",
    "deplored",
    "decried",
    "slammed",
    "lifted",
    "reported",
];

/// Words allowed between a subject and its speech verb (`X on Sunday said`, `X also said`).
pub(crate) const SUBJECT_FILLERS: &[&str] = &[
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "also",
    "has",
    "have",
    "had",
    "later",
    "earlier",
    "then",
    "separately",
    "further",
    "strongly",
    "firmly",
    "repeatedly",
    "previously",
    "again",
    "swiftly",
    "quickly",
    "publicly",
    "already",
    "last",
    "night",
    "this",
    "week",
    "in",
    "a",
    "statement",
    "has",
    "openly",
    "immediately",
    "loudly",
    "sharply",
    "jointly",
];

/// Titles that stand before a person's name (`President`, `Foreign Minister`).
pub(crate) const TITLES: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "secretary-general",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "senator",
    "sen.",
    "rep.",
    "governor",
    "mayor",
    "general",
    "gen.",
    "lt.",
    "lieutenant",
    "colonel",
    "col.",
    "commander",
    "chief",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "speaker",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "director-general",
    "commissioner",
    "leader",
    "premier",
    "foreign",
    "defence",
    "defense",
    "interior",
    "finance",
    "justice",
    "deputy",
    "high",
    "representative",
    "executive",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "sheikh",
    "emir",
    "archbishop",
    "judge",
    "state",
    "of",
    "boss",
    "head",
    "founder",
    "spokesman",
    "major",
    "captain",
    "admiral",
    "marshal",
    "field",
    "sir",
    "lord",
    "lady",
    "dame",
    "ex-president",
    "former",
    "acting",
    "interim",
    "opposition",
    "junta",
    "military",
    "army",
    "police",
    "government",
    "party",
    "policy",
    "affairs",
    "security",
    "national",
    "council",
    "commission",
    "union",
    "european",
    "african",
    "top",
    "senior",
    "diplomat",
    "official",
    "coup",
    "self-proclaimed",
    "ousted",
    "exiled",
    "jailed",
    "detained",
    "activist",
    "lawmaker",
    "legislator",
    "mp",
    "chief-of-staff",
];

/// Title words that say the person's gender.
pub(crate) const GENDERED_TITLES: &[(&str, &str)] = &[
    ("mr", "m"),
    ("mr.", "m"),
    ("mrs", "f"),
    ("mrs.", "f"),
    ("ms", "f"),
    ("ms.", "f"),
    ("spokesman", "m"),
    ("spokeswoman", "f"),
    ("king", "m"),
    ("queen", "f"),
    ("prince", "m"),
    ("princess", "f"),
    ("chairman", "m"),
    ("chairwoman", "f"),
    ("sir", "m"),
    ("lord", "m"),
    ("lady", "f"),
    ("dame", "f"),
    ("sheikh", "m"),
    ("emir", "m"),
];

/// The words of a title worth keeping in an alias (`the foreign minister`), not the ones that
/// only describe (`former`, `ousted`).
pub(crate) const ROLE_WORDS: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "secretary-general",
    "chancellor",
    "king",
    "queen",
    "prince",
    "pope",
    "senator",
    "governor",
    "mayor",
    "general",
    "commander",
    "chief",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "speaker",
    "chairman",
    "chairwoman",
    "director",
    "director-general",
    "commissioner",
    "leader",
    "premier",
    "boss",
    "head",
    "founder",
    "diplomat",
    "activist",
    "lawmaker",
    "executive",
];

/// Words that make a capitalised name an organisation (`African Union`, `Foreign Ministry`).
pub(crate) const ORG_WORDS: &[&str] = &[
    "union",
    "council",
    "nations",
    "department",
    "ministry",
    "commission",
    "community",
    "organization",
    "organisation",
    "office",
    "agency",
    "bank",
    "fund",
    "party",
    "army",
    "forces",
    "government",
    "committee",
    "assembly",
    "parliament",
    "congress",
    "senate",
    "court",
    "kremlin",
    "pentagon",
    "house",
    "group",
    "front",
    "movement",
    "alliance",
    "bloc",
    "secretariat",
    "service",
    "services",
    "police",
    "guard",
    "federation",
    "league",
    "cabinet",
    "administration",
    "authority",
    "authorities",
    "junta",
    "coalition",
    "institute",
    "church",
    "network",
    "corporation",
    "company",
    "association",
    "watch",
    "international",
    "nato",
];

/// Capitalised words that are never actors (sentence openers, outlet chrome); with months and
/// weekdays, [`not_a_name`].
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "but",
    "and",
    "or",
    "in",
    "on",
    "at",
    "as",
    "if",
    "it",
    "its",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "there",
    "here",
    "after",
    "before",
    "when",
    "while",
    "with",
    "without",
    "for",
    "from",
    "by",
    "of",
    "to",
    "so",
    "yet",
    "also",
    "however",
    "meanwhile",
    "still",
    "then",
    "now",
    "mr",
    "mrs",
    "ms",
    "dr",
    "read",
    "more",
    "related",
    "photo",
    "file",
    "video",
    "watch",
    "share",
    "follow",
    "subscribe",
    "advertisement",
    "reporting",
    "editing",
    "writing",
    "copyright",
    "all",
    "some",
    "many",
    "most",
    "several",
    "both",
    "one",
    "two",
    "three",
    "last",
    "next",
    "first",
    "new",
    "what",
    "why",
    "how",
    "who",
    "where",
    "which",
    "earlier",
    "later",
    "since",
    "until",
    "despite",
    "although",
    "though",
    "because",
    "under",
    "over",
    "about",
    "according",
    "speaking",
    "asked",
    "addressing",
    "no",
    "not",
    "local",
    "state",
    "government",
    "officials",
    "world",
    "opinion",
    "analysis",
    "live",
    "breaking",
    "exclusive",
    "update",
];

/// Whether a lower-case word is never an actor's name: [`NOT_NAMES`], months and weekdays.
pub(crate) fn not_a_name(lower: &str) -> bool {
    NOT_NAMES.contains(&lower) || crate::date::is_calendar_name(lower)
}

/// The documents' folded texts with an index of their words, so that counting a cue through a
/// large corpus reads only the documents that hold its first word.
pub(crate) struct Texts {
    /// Lower-case ASCII-folded text per document.
    pub folded: Vec<String>,
    /// Word (a run of ASCII letters and digits) → (document, occurrences).
    vocab: std::collections::BTreeMap<String, Vec<(usize, usize)>>,
}

impl Texts {
    /// Indexes the folded texts.
    pub fn new(folded: Vec<String>) -> Texts {
        let mut vocab: std::collections::BTreeMap<String, Vec<(usize, usize)>> =
            std::collections::BTreeMap::new();
        for (d, t) in folded.iter().enumerate() {
            let mut here: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
            for w in t
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                *here.entry(w).or_default() += 1;
            }
            for (w, n) in here {
                vocab.entry(w.to_string()).or_default().push((d, n));
            }
        }
        for v in vocab.values_mut() {
            v.sort_unstable();
        }
        Texts { folded, vocab }
    }

    /// The documents where `cue` (lower case; a trailing `*` matches any ending) occurs on word
    /// boundaries, with how often, in document order.
    pub fn hits(&self, cue: &str) -> Vec<(usize, usize)> {
        let plain = cue.trim_end_matches('*');
        let single = !plain.is_empty() && plain.bytes().all(|b| b.is_ascii_alphanumeric());
        if single {
            let mut out: std::collections::BTreeMap<usize, usize> = Default::default();
            if cue.ends_with('*') {
                for (w, docs) in self.vocab.range(plain.to_string()..) {
                    if !w.starts_with(plain) {
                        break;
                    }
                    for (d, n) in docs {
                        *out.entry(*d).or_default() += n;
                    }
                }
            } else if let Some(docs) = self.vocab.get(plain) {
                return docs.clone();
            }
            return out.into_iter().collect();
        }
        // A phrase: the documents with its rarest whole word, read through.
        let parts: Vec<&str> = plain
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        // The first and last words may be cut (`…*`, or inside a longer token): only the inner
        // ones, and the ends that the phrase bounds, are whole words.
        let whole = |k: usize| {
            let w = parts[k];
            (k > 0 || plain.starts_with(w)) && (k + 1 < parts.len() || !cue.ends_with('*'))
        };
        let rarest = (0..parts.len())
            .filter(|&k| whole(k))
            .filter_map(|k| {
                self.vocab
                    .get(parts[k])
                    .map(Vec::len)
                    .or(Some(0))
                    .map(|n| (n, k))
            })
            .min();
        let candidates: Vec<usize> = match rarest {
            Some((0, _)) => Vec::new(),
            Some((_, k)) => self.vocab[parts[k]].iter().map(|x| x.0).collect(),
            None => (0..self.folded.len()).collect(),
        };
        candidates
            .into_iter()
            .filter_map(|d| {
                let n = count_cue(&self.folded[d], cue);
                (n > 0).then_some((d, n))
            })
            .collect()
    }

    /// In how many documents `cue` occurs.
    pub fn docs_with(&self, cue: &str) -> usize {
        self.hits(cue).len()
    }
}
