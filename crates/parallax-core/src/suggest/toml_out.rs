//! Writes a suggestion as a `story.toml`, in the format of `profiles/default.toml`, with comments
//! saying how each entry was found and how to refine it.

use super::Suggestion;
use crate::stance::Valence;
use std::fmt::Write;

/// A TOML basic string.
fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| quote(i)).collect();
    format!("[{}]", quoted.join(", "))
}

/// The suggestion as a `story.toml`; `source` names the corpus in the header comment.
pub fn to_toml(s: &Suggestion, source: &str) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# Story profile suggested by `parallax profile suggest` from {} article{} of {}.",
        s.articles,
        if s.articles == 1 { "" } else { "s" },
        source.replace('\n', " ")
    );
    o.push_str(
        "# Format of crates/parallax-core/profiles/default.toml. Put it in the corpus folder as\n\
         # story.toml and the build tags stances with it.\n\
         #\n\
         # How it was made: targets are the objects of what the articles' actors call for, urge,\n\
         # demand, condemn, reject, back or warn against, grouped by their head noun; ranked by how\n\
         # many outlets and articles mention them. Actors are people named with a title or next to\n\
         # a speech verb, and organisations and governments that say, condemn or urge something;\n\
         # ranked by how many articles name them.\n\
         #\n\
         # To refine it: rename ids and labels; merge targets that are one position (put their cues\n\
         # together); drop cues that also match other things (a trailing * matches any ending);\n\
         # set `valence = \"against\"` for what a call opposes (violence, a coup); merge actors that\n\
         # are one (their aliases together); check each `affiliation` (\"unknown\" when the text did\n\
         # not say) and `gender`; add [[group]] entries to gather affiliations. Then compare\n\
         # `parallax stance --corpus DIR --profile story.toml` before and after.\n",
    );
    for t in &s.targets {
        o.push('\n');
        let _ = writeln!(
            o,
            "# {} trigger{} in {} article{} ({}{}); cues in {} article{} from {} outlet{}",
            t.triggered,
            if t.triggered == 1 { "" } else { "s" },
            t.triggered_articles,
            if t.triggered_articles == 1 { "" } else { "s" },
            t.triggers
                .iter()
                .take(6)
                .cloned()
                .collect::<Vec<_>>()
                .join(", "),
            if t.opposed > 0 {
                format!("; {} opposing", t.opposed)
            } else {
                String::new()
            },
            t.articles,
            if t.articles == 1 { "" } else { "s" },
            t.outlets,
            if t.outlets == 1 { "" } else { "s" },
        );
        o.push_str("[[target]]\n");
        let _ = writeln!(o, "id = {}", quote(&t.target.id));
        let _ = writeln!(o, "label = {}", quote(&t.target.label));
        let _ = writeln!(o, "cues = {}", list(&t.target.cues));
        let _ = writeln!(
            o,
            "valence = {}",
            quote(match t.target.valence {
                Valence::For => "for",
                Valence::Against => "against",
            })
        );
    }
    for a in &s.actors {
        o.push('\n');
        let _ = writeln!(
            o,
            "# {}: named in {} article{} from {} outlet{}; {} time{} with a title or a speech verb",
            a.kind,
            a.articles,
            if a.articles == 1 { "" } else { "s" },
            a.outlets,
            if a.outlets == 1 { "" } else { "s" },
            a.evidence,
            if a.evidence == 1 { "" } else { "s" },
        );
        o.push_str("[[actor]]\n");
        let _ = writeln!(o, "id = {}", quote(&a.actor.id));
        let _ = writeln!(o, "name = {}", quote(&a.actor.name));
        let _ = writeln!(o, "aliases = {}", list(&a.actor.aliases));
        let _ = writeln!(o, "affiliation = {}", quote(&a.actor.affiliation));
        if let Some(g) = &a.actor.gender {
            let _ = writeln!(o, "gender = {}", quote(g));
        }
    }
    o
}
