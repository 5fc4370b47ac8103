//! Markdown article files: front matter and syntax stripped, the text kept.
//!
//! Front matter (`---` YAML-style or `+++` TOML-style, simple `key: value` / `key = "value"` lines)
//! may give `title`, `date` and the outlet (`outlet`, `source`, `publisher` or `site_name`). Without
//! a front-matter title, a first-level `# heading` is the headline. Paragraphs, list items, quotes,
//! other headings and code blocks each become a paragraph of text; links keep their text, images
//! and inline HTML are dropped.

use super::{assemble, collapse, flush_block, Extracted};
use crate::date::Date;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Front matter at the very top: the fields found and where the body starts.
fn front_matter(src: &str) -> (Vec<(String, String)>, &str) {
    let src = src.trim_start_matches('\u{feff}');
    for fence in ["---", "+++"] {
        let Some(rest) = src
            .strip_prefix(fence)
            .and_then(|r| r.strip_prefix("\r\n").or_else(|| r.strip_prefix('\n')))
        else {
            continue;
        };
        let mut fields = Vec::new();
        let mut at = 0;
        for line in rest.split_inclusive('\n') {
            at += line.len();
            let l = line.trim_end();
            if l == fence || (fence == "---" && l == "...") {
                return (fields, &rest[at..]);
            }
            if let Some((k, v)) = l.split_once(':').or_else(|| l.split_once('=')) {
                let v = v.trim().trim_matches(|c| c == '"' || c == '\'').trim();
                if !v.is_empty() {
                    fields.push((k.trim().to_ascii_lowercase(), v.to_string()));
                }
            }
        }
        // No closing fence: not front matter.
        return (Vec::new(), src);
    }
    (Vec::new(), src)
}

/// Extracts a Markdown article.
pub fn extract(src: &str) -> Extracted {
    let (fields, body) = front_matter(src);
    let field = |names: &[&str]| {
        fields
            .iter()
            .find(|(k, _)| names.contains(&k.as_str()))
            .map(|(_, v)| v.clone())
    };
    let mut notes = Vec::new();
    let mut title = field(&["title", "headline"]).map(|t| collapse(&t));
    let outlet = field(&["outlet", "source", "publisher", "site_name"]);
    let date_field = field(&["date", "published", "published_at", "pubdate"]);
    let date = date_field
        .as_deref()
        .and_then(|d| d.get(..10))
        .and_then(Date::parse_iso);
    if let (Some(d), None) = (&date_field, date) {
        notes.push(format!(
            "the front matter's date “{d}” is not a YYYY-MM-DD date, so it was not used"
        ));
    }
    if !fields.is_empty() {
        notes.push("front matter read from the Markdown file".into());
    }

    let mut blocks: Vec<String> = Vec::new();
    let mut buf = String::new();
    let mut in_image = 0usize;
    let mut took_heading_title = false;
    for event in Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            _ if in_image > 0 => {}
            Event::Start(Tag::Heading { .. }) => flush_block(&mut buf, &mut blocks),
            Event::End(TagEnd::Heading(level)) => {
                let text = collapse(&buf);
                if level == HeadingLevel::H1 && !took_heading_title && title.is_none() {
                    title = Some(text);
                    took_heading_title = true;
                    buf.clear();
                } else if level == HeadingLevel::H1 && title.as_deref() == Some(text.as_str()) {
                    buf.clear();
                } else {
                    flush_block(&mut buf, &mut blocks);
                }
            }
            Event::Start(
                Tag::Paragraph
                | Tag::Item
                | Tag::CodeBlock(_)
                | Tag::BlockQuote(_)
                | Tag::TableRow
                | Tag::TableHead,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::TableRow
                | TagEnd::TableHead,
            )
            | Event::Rule => flush_block(&mut buf, &mut blocks),
            Event::End(TagEnd::TableCell) => buf.push(' '),
            Event::Text(t) | Event::Code(t) => buf.push_str(&t),
            Event::SoftBreak => buf.push(' '),
            Event::HardBreak => buf.push('\n'),
            _ => {}
        }
    }
    flush_block(&mut buf, &mut blocks);
    if took_heading_title {
        notes.push("headline taken from the Markdown file's first `# heading`".into());
    }
    Extracted {
        text: if blocks.is_empty() {
            String::new()
        } else {
            assemble(date, title.as_deref(), &blocks)
        },
        title,
        outlet,
        url: None,
        date,
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_heading_and_syntax() {
        let src = "---\ntitle: \"Talks in Minsk\"\ndate: 2020-08-27T10:00:00Z\nsource: Harbour Daily\n---\n\n# Talks in Minsk\n\nMINSK (Harbour Daily) - The **opposition** called for [dialogue](https://x.test) with `the authorities` today.\n![a photo](p.jpg)\n\n## Reactions\n\n- One *item*\n- Two\n\n> A quote\n> that goes on.\n\n<div>inline html</div>\n";
        let ex = extract(src);
        assert_eq!(ex.title.as_deref(), Some("Talks in Minsk"));
        assert_eq!(ex.outlet.as_deref(), Some("Harbour Daily"));
        assert_eq!(ex.date, Date::parse_iso("2020-08-27"));
        assert_eq!(
            ex.text,
            "date 2020-08-27\n\nTalks in Minsk\n\nMINSK (Harbour Daily) - The opposition called for dialogue with the authorities today.\n\nReactions\n\nOne item\n\nTwo\n\nA quote that goes on.\n"
        );
    }

    #[test]
    fn first_heading_is_the_headline_without_front_matter() {
        let ex = extract("# A headline\n\nFirst paragraph.\nSame paragraph.  \nAfter a hard break.\n\n# Second h1\n");
        assert_eq!(ex.title.as_deref(), Some("A headline"));
        assert_eq!(ex.date, None);
        assert_eq!(
            ex.text,
            "A headline\n\nFirst paragraph. Same paragraph.\nAfter a hard break.\n\nSecond h1\n"
        );
    }

    #[test]
    fn unclosed_or_bad_front_matter() {
        let ex = extract("---\nnot closed\n\nText.\n");
        assert!(ex.title.is_none());
        assert!(ex.text.contains("Text."), "{}", ex.text);
        let ex = extract("+++\ndate = \"August 2020\"\n+++\nText.\n");
        assert_eq!(ex.date, None);
        assert!(ex.notes.iter().any(|n| n.contains("August 2020")));
    }
}
