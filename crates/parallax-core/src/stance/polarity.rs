//! The polarity and the voice of a stance tag, with every word the page, the tables and the
//! command line use for them: one place, so that a badge, a tally and a CSV column agree.

use serde::{Deserialize, Serialize};

/// Polarity of a tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// For the target.
    Support,
    /// Against it.
    Oppose,
    /// Reports on it without a side.
    NeutralReport,
}

impl Polarity {
    /// The three polarities, in the order the views show them.
    pub const ALL: [Polarity; 3] = [Polarity::Support, Polarity::Oppose, Polarity::NeutralReport];

    /// The name in data: JSON, CSV columns and the ledger (`support`, `oppose`,
    /// `neutral_report`), the same as its serde name.
    pub fn name(self) -> &'static str {
        match self {
            Polarity::Support => "support",
            Polarity::Oppose => "oppose",
            Polarity::NeutralReport => "neutral_report",
        }
    }

    /// The short word a `stance:target=…` filter takes and the page's CSS class and
    /// `data-stance` carry: `support`, `oppose`, `neutral`.
    pub fn keyword(self) -> &'static str {
        match self {
            Polarity::Support => "support",
            Polarity::Oppose => "oppose",
            Polarity::NeutralReport => "neutral",
        }
    }

    /// The polarity a filter word names: its [`keyword`](Polarity::keyword), its
    /// [`name`](Polarity::name), or a synonym (`for`, `pro`; `against`, `anti`; `report`).
    /// Expects lower case.
    pub fn from_keyword(word: &str) -> Option<Polarity> {
        match word {
            "support" | "for" | "pro" => Some(Polarity::Support),
            "oppose" | "against" | "anti" => Some(Polarity::Oppose),
            "neutral" | "neutral_report" | "report" => Some(Polarity::NeutralReport),
            _ => None,
        }
    }

    /// The words between an actor and a target (`Putin` *against* `sanctions`): `for`,
    /// `against`, `reports on`.
    pub fn label(self) -> &'static str {
        match self {
            Polarity::Support => "for",
            Polarity::Oppose => "against",
            Polarity::NeutralReport => "reports on",
        }
    }

    /// The words after a count (`3 for`, `1 reporting without a side`): `for`, `against`,
    /// `reporting without a side`.
    pub fn counted(self) -> &'static str {
        match self {
            Polarity::Support => "for",
            Polarity::Oppose => "against",
            Polarity::NeutralReport => "reporting without a side",
        }
    }

    /// The sign in charts: `+` for, `−` against, `·` reporting without a side.
    pub fn sign(self) -> &'static str {
        match self {
            Polarity::Support => "+",
            Polarity::Oppose => "−",
            Polarity::NeutralReport => "·",
        }
    }
}

/// Whose words carry the position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Voice {
    /// A direct quotation.
    Quoted,
    /// Indirect speech.
    Reported,
    /// The article's own framing.
    Outlet,
}

impl Voice {
    /// The three voices, in the order the views show them.
    pub const ALL: [Voice; 3] = [Voice::Quoted, Voice::Reported, Voice::Outlet];

    /// The name in data: JSON, CSV columns and the ledger (`quoted`, `reported`, `outlet`), the
    /// same as its serde name.
    pub fn name(self) -> &'static str {
        match self {
            Voice::Quoted => "quoted",
            Voice::Reported => "reported",
            Voice::Outlet => "outlet",
        }
    }

    /// The words for a reader, after a position or a count (`2 quoted`, `1 in the outlet's own
    /// words`): `quoted`, `reported`, `in the outlet's own words`.
    pub fn label(self) -> &'static str {
        match self {
            Voice::Quoted => "quoted",
            Voice::Reported => "reported",
            Voice::Outlet => "in the outlet's own words",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polarity_words() {
        #[rustfmt::skip]
        let cases = [
            // (name, polarity, name, keyword, label, counted, sign)
            ("support", Polarity::Support, "support", "support", "for", "for", "+"),
            ("oppose", Polarity::Oppose, "oppose", "oppose", "against", "against", "−"),
            ("neutral", Polarity::NeutralReport, "neutral_report", "neutral", "reports on", "reporting without a side", "·"),
        ];
        for (case, p, name, keyword, label, counted, sign) in cases {
            assert_eq!(p.name(), name, "{case}: name");
            assert_eq!(p.keyword(), keyword, "{case}: keyword");
            assert_eq!(p.label(), label, "{case}: label");
            assert_eq!(p.counted(), counted, "{case}: counted");
            assert_eq!(p.sign(), sign, "{case}: sign");
            // The name is the serde name, and both words read back.
            assert_eq!(
                serde_json::to_string(&p).unwrap(),
                format!("\"{name}\""),
                "{case}"
            );
            assert_eq!(
                Polarity::from_keyword(keyword),
                Some(p),
                "{case}: keyword back"
            );
            assert_eq!(Polarity::from_keyword(name), Some(p), "{case}: name back");
        }
        assert_eq!(Polarity::ALL.map(|p| p.name()), cases.map(|c| c.2));
    }

    #[test]
    fn polarity_filter_words() {
        #[rustfmt::skip]
        let cases = [
            ("synonym for", "for", Some(Polarity::Support)),
            ("synonym pro", "pro", Some(Polarity::Support)),
            ("synonym against", "against", Some(Polarity::Oppose)),
            ("synonym anti", "anti", Some(Polarity::Oppose)),
            ("synonym report", "report", Some(Polarity::NeutralReport)),
            ("not a stance", "maybe", None),
            ("empty", "", None),
            ("upper case is the caller's to fold", "Support", None),
        ];
        for (case, word, want) in cases {
            assert_eq!(Polarity::from_keyword(word), want, "{case}");
        }
    }

    #[test]
    fn voice_words() {
        let cases = [
            ("quoted", Voice::Quoted, "quoted", "quoted"),
            ("reported", Voice::Reported, "reported", "reported"),
            (
                "outlet",
                Voice::Outlet,
                "outlet",
                "in the outlet's own words",
            ),
        ];
        for (case, v, name, label) in cases {
            assert_eq!(v.name(), name, "{case}: name");
            assert_eq!(v.label(), label, "{case}: label");
            assert_eq!(
                serde_json::to_string(&v).unwrap(),
                format!("\"{name}\""),
                "{case}"
            );
        }
        assert_eq!(Voice::ALL.map(|v| v.name()), cases.map(|c| c.2));
    }
}
