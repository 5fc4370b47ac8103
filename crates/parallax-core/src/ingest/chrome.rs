//! Site chrome: the lines a web page prints around an article — skip links, menus and breadcrumb
//! trails, runs of icon-font names, share / subscribe / sign-in / cookie prompts, advertisement
//! and "read more" lines, related-story lists, reading-time and audio notices, markup left in a
//! plain-text file. Chrome is kept in the article (collapsed and labelled in the reader), but it is
//! never a headline, never indexed and never aligned.
//!
//! The rules are about the *form* of a line — how long it is, whether it is a sentence, which
//! interface words it is made of — never a list of any site's strings.

use std::fmt;

/// What kind of chrome a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ChromeKind {
    /// `Skip to content`, `Jump to navigation`.
    SkipLink,
    /// `Home > World > Europe`, `News | Politics | Africa`.
    Crumbs,
    /// A line of interface words: menu entries, icon-font names, social networks.
    Interface,
    /// Share, subscribe, sign-in, donate, newsletter, app and cookie prompts.
    Prompt,
    /// `Advertisement`, `Sponsored content`.
    Advertisement,
    /// `Read more: …`, `Related stories`, `See also`, a list of other headlines.
    Related,
    /// `3 min read`, `Listen to this article`, `Comments (12)`.
    Notice,
    /// HTML tags or entities left in a plain-text file.
    Markup,
    /// A line that only gives a time or date (`Updated 17:05 GMT`).
    Timestamp,
    /// An image credit on a line of its own (`PHOTO: AGENCY`, `Image credit: …`).
    ImageCredit,
}

impl fmt::Display for ChromeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ChromeKind::SkipLink => "a skip link of the site",
            ChromeKind::Crumbs => "a breadcrumb trail or menu of the site",
            ChromeKind::Interface => {
                "interface words of the site (menu entries, icons, share buttons)"
            }
            ChromeKind::Prompt => "a share, subscribe, sign-in, donation or cookie prompt",
            ChromeKind::Advertisement => "an advertisement line",
            ChromeKind::Related => "a read-more or related-stories line",
            ChromeKind::Notice => "a reading-time, audio or comments notice",
            ChromeKind::Markup => "HTML markup left in the text",
            ChromeKind::Timestamp => "a time stamp",
            ChromeKind::ImageCredit => "an image credit",
        })
    }
}

/// Words a site's interface is made of. A short line made only of these (and of numbers and
/// punctuation) is chrome.
const INTERFACE_WORDS: &[&str] = &[
    "about",
    "account",
    "all",
    "app",
    "apps",
    "archive",
    "arrow",
    "audio",
    "back",
    "bookmark",
    "button",
    "cart",
    "chevron",
    "close",
    "comment",
    "comments",
    "contact",
    "copy",
    "copied",
    "down",
    "download",
    "edit",
    "email",
    "e-mail",
    "epaper",
    "expand",
    "facebook",
    "feedback",
    "flipboard",
    "follow",
    "forward",
    "gallery",
    "gift",
    "google",
    "help",
    "home",
    "icon",
    "instagram",
    "link",
    "linkedin",
    "listen",
    "live",
    "login",
    "logo",
    "logout",
    "mail",
    "menu",
    "messenger",
    "more",
    "navigation",
    "newsletter",
    "newsletters",
    "next",
    "notifications",
    "open",
    "pinterest",
    "play",
    "podcast",
    "podcasts",
    "post",
    "previous",
    "print",
    "profile",
    "reddit",
    "register",
    "reply",
    "rss",
    "save",
    "search",
    "send",
    "share",
    "shares",
    "sign",
    "skype",
    "snapchat",
    "subscribe",
    "telegram",
    "threads",
    "tiktok",
    "toggle",
    "top",
    "tumblr",
    "tweet",
    "twitter",
    "up",
    "video",
    "videos",
    "viber",
    "vk",
    "watch",
    "whatsapp",
    "x",
    "youtube",
    "in",
    "out",
    "on",
    "to",
    "us",
    "the",
    "our",
    "now",
    "with",
    "and",
    "or",
    "this",
    "article",
    "page",
    "site",
    "font",
    "size",
    "text",
    "mode",
    "dark",
    "light",
    "user",
    "settings",
    "clear",
    "submit",
    "cancel",
    "ok",
    "go",
    "loading",
    "toolbar",
    "sidebar",
    "left",
    "right",
    "filled",
    "outline",
    "outlined",
    "fa",
    "ios",
    "android",
    "alt",
    "img",
    "image",
    "images",
    "photo",
    "photos",
    "caption",
    "fullscreen",
    "zoom",
    "mute",
    "unmute",
    "pause",
    "stop",
    "stories",
    "story",
    "latest",
    "trending",
    "popular",
    "read",
    "view",
    "views",
];

/// Phrases that only prompts use, matched at word boundaries in a short line.
const PROMPT_PHRASES: &[&str] = &[
    "subscribe",
    "subscription",
    "subscribers only",
    "sign up",
    "sign in",
    "signup",
    "log in",
    "login",
    "create an account",
    "create a free account",
    "register now",
    "newsletter",
    "download the app",
    "download our app",
    "get the app",
    "follow us",
    "like us on",
    "share this",
    "share on",
    "share via",
    "cookies",
    "cookie policy",
    "privacy policy",
    "terms of use",
    "terms of service",
    "accept all",
    "all rights reserved",
    "support us",
    "support our",
    "become a patron",
    "become our patron",
    "become a member",
    "donate",
    "shop now",
    "buy now",
    "free trial",
    "days free",
    "unlock",
    "paywall",
    "already a member",
    "already subscribed",
    "get all your news",
    "start reading",
    "read news from",
    "premium titles",
    "trusted global sources",
    "one membership",
    "for you",
    "click here",
    "tap here",
    "turn on notifications",
    "enable javascript",
    "ad blocker",
    "adblock",
    "report an error",
    "send us a tip",
    "got a tip",
    "exclusive offer",
    "limited time",
    "join us",
    "join our",
    "whatsapp channel",
    "telegram channel",
    "google news",
    "leave a reply",
    "leave a comment",
    "enter your comment",
    "enter your name",
    "enter your email",
    "will not be published",
    "required fields are marked",
    "post a comment",
    "stay connected",
];

const ADVERT_PHRASES: &[&str] = &[
    "advertisement",
    "advertising",
    "sponsored",
    "paid content",
    "promoted content",
    "partner content",
    "scroll to continue",
    "continue reading below",
    "story continues below",
    "article continues below",
];

const RELATED_PHRASES: &[&str] = &[
    "read more",
    "read also",
    "also read",
    "see also",
    "related",
    "more from",
    "more on this",
    "more stories",
    "most read",
    "most popular",
    "you may also like",
    "you might also like",
    "recommended",
    "trending",
    "top stories",
    "our picks",
    "editor's picks",
    "editors' picks",
    "latest news",
    "latest stories",
    "watch:",
    "listen:",
    "also on",
    "in pictures",
    "in other news",
    "next in",
    "up next",
    "more in",
];

const NOTICE_PHRASES: &[&str] = &[
    "min read",
    "mins read",
    "minute read",
    "minutes read",
    "reading time",
    "listen to this article",
    "listen to article",
    "audio is created",
    "audio version",
    "text size",
    "font size",
    "comments (",
    "view comments",
    "show comments",
    "leave a comment",
    "no comments",
    "print this",
    "copy link",
    "link copied",
    "this article is more than",
    "this video can not be played",
    "this video cannot be played",
    "your browser does not support",
    "ai-generated",
    "ai assistance",
    "automatically translated",
    "exit mobile version",
    "mobile version",
    "site icon",
    "open menu",
    "close menu",
    "top of page",
    "bottom of page",
];

/// Lower-cased words of a line (letters, digits, `'`, `-`).
fn words(lower: &str) -> Vec<&str> {
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-' || c == '’'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `phrase` occurs in `lower` starting and ending at word boundaries.
fn has_phrase(lower: &str, phrase: &str) -> bool {
    let mut from = 0;
    while let Some(i) = lower[from..].find(phrase) {
        let s = from + i;
        let e = s + phrase.len();
        let before = lower[..s].chars().next_back();
        let after = lower[e..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        let open_phrase = phrase.ends_with(|c: char| !c.is_alphanumeric());
        if edge(before) && (open_phrase || edge(after)) {
            return true;
        }
        from = s + phrase.chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// Whether a line reads as a sentence: ends with sentence punctuation (or a closing quote after
/// one) and has a verb-like length.
pub fn is_sentence(line: &str) -> bool {
    let t = line.trim_end_matches(['"', '”', '’', '\'', ')', ' ']);
    t.ends_with(['.', '!', '?']) && words(&line.to_lowercase()).len() >= 6
}

/// A breadcrumb trail or a menu: three or more short parts between separators (`›`, `»`, `>`,
/// `|`, `/`, `•`, `·`), or two when the line starts with `Home`.
fn is_crumbs(line: &str) -> bool {
    // ASCII separators count only between spaces (`a > b`, `a / b`, `| a | b`), so a tag or a
    // date is never a trail.
    let mut norm = line
        .replace(" > ", " › ")
        .replace(" / ", " › ")
        .replace(" | ", " › ");
    if let Some(rest) = norm.strip_prefix("| ") {
        norm = format!("› {rest}");
    }
    let seps = norm.chars().filter(|c| "›»•·→❯▸►".contains(*c)).count();
    let parts: Vec<&str> = norm
        .split(['›', '»', '•', '·', '→', '❯', '▸', '►'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 || line.contains("://") || line.contains('<') {
        return false;
    }
    let short = parts.iter().all(|p| p.split_whitespace().count() <= 4);
    let home = line.trim_start().to_lowercase().starts_with("home");
    short && !is_sentence(line) && ((seps >= 2 && parts.len() >= 3) || (home && seps >= 1))
}

/// Markup left in a plain-text file: tags (`<div class="x">`, `</p>`) or entities (`&nbsp;`)
/// making up much of the line.
fn is_markup(line: &str) -> bool {
    let t = line.trim();
    let tags = t.matches('<').count().min(t.matches('>').count());
    let looks_tag = |s: &str| {
        let s = s.trim_start_matches('/');
        s.chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '!')
    };
    let tagged = t
        .split('<')
        .skip(1)
        .filter(|s| looks_tag(s) && s.contains('>'))
        .count();
    let entities = t
        .split('&')
        .skip(1)
        .filter(|s| {
            s.find(';').is_some_and(|i| {
                (2..=8).contains(&i)
                    && s[..i]
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '#')
            })
        })
        .count();
    let text_outside: usize = t
        .split('<')
        .map(|s| s.split_once('>').map_or(s, |(_, after)| after))
        .map(|s| s.split_whitespace().count())
        .sum();
    // Only a line that is markup and little else: a headline or a sentence with a tag in it stays
    // text (and is shown literally).
    (tags > 0 && tagged > 0 && (t.starts_with('<') || tagged >= 2) && text_outside <= 2)
        || (entities >= 2 && words(&t.to_lowercase()).len() <= 3 * entities)
}

/// The kind of chrome `line` is, if it is chrome. `line` is one trimmed line of the file.
pub fn classify(line: &str) -> Option<ChromeKind> {
    let t = line.trim();
    if t.is_empty() {
        return None;
    }
    let lower = t.to_lowercase();
    let ws = words(&lower);
    let n = ws.len();
    let sentence = is_sentence(t);
    if is_markup(t) {
        return Some(ChromeKind::Markup);
    }
    if n <= 6 && (lower.starts_with("skip to") || lower.starts_with("jump to")) {
        return Some(ChromeKind::SkipLink);
    }
    if n <= 6 && ADVERT_PHRASES.iter().any(|p| has_phrase(&lower, p)) {
        return Some(ChromeKind::Advertisement);
    }
    if n <= 8 && NOTICE_PHRASES.iter().any(|p| has_phrase(&lower, p)) {
        return Some(ChromeKind::Notice);
    }
    if is_crumbs(t) {
        return Some(ChromeKind::Crumbs);
    }
    // A trail glued together when the page was copied: `HomeWorldHeadline…`.
    if t.strip_prefix("Home")
        .is_some_and(|r| r.starts_with(char::is_uppercase))
    {
        return Some(ChromeKind::Crumbs);
    }
    // Prompts: short lines, or a short sentence that is mostly a call to act.
    let prompt = PROMPT_PHRASES.iter().any(|p| has_phrase(&lower, p));
    if prompt && (n <= 10 || (n <= 30 && !sentence_with_reporting(&lower))) {
        return Some(ChromeKind::Prompt);
    }
    // `Also Read | Another story's headline`, `Read more: …`: a label and a link.
    if n <= 40
        && RELATED_PHRASES.iter().any(|p| {
            lower
                .strip_prefix(p)
                .is_some_and(|rest| rest.trim_start().starts_with(['|', ':', '»', '›', '-']))
        })
    {
        return Some(ChromeKind::Related);
    }
    if n <= 16
        && RELATED_PHRASES
            .iter()
            .any(|p| (lower.starts_with(p) && !sentence) || (n <= 3 && has_phrase(&lower, p)))
    {
        return Some(ChromeKind::Related);
    }
    if n > 0
        && n <= 12
        && !sentence
        && ws
            .iter()
            .all(|w| INTERFACE_WORDS.contains(w) || w.chars().all(|c| c.is_ascii_digit()))
        && !(n == 1 && ws[0].len() <= 2)
    {
        return Some(ChromeKind::Interface);
    }
    // Widgets drawn with symbols (`+ ↺ − 16 px`, `A+ A-`, `0 / 0`): no word of three letters.
    let has_symbol = t
        .chars()
        .any(|c| !c.is_alphanumeric() && !c.is_whitespace());
    if n <= 8
        && has_symbol
        && !ws
            .iter()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
    {
        return Some(ChromeKind::Interface);
    }
    // Icon-font names: snake_case or kebab-case identifiers (`arrow_forward`, `fa-twitter`).
    let raw: Vec<&str> = t.split_whitespace().collect();
    if !raw.is_empty()
        && raw.len() <= 12
        && raw.iter().all(|w| {
            (w.contains('_') || (w.starts_with("fa-") || w.starts_with("icon-")))
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c == '-')
        })
    {
        return Some(ChromeKind::Interface);
    }
    if n <= 8 && is_image_credit(t) {
        return Some(ChromeKind::ImageCredit);
    }
    None
}

/// Whether a prompt-looking line is really reporting (`… said the subscription service …`).
fn sentence_with_reporting(lower: &str) -> bool {
    [
        " said",
        " says",
        " told",
        " according to",
        " announced",
        " reported",
    ]
    .iter()
    .any(|v| lower.contains(v))
}

/// `PHOTO: AGENCY`, `Photo: Jane Doe/Agency`, `Image credit: …`, `(Photo by …)`, `Getty Images`.
pub fn is_image_credit(line: &str) -> bool {
    let t = line.trim().trim_start_matches('(').trim_end_matches(')');
    let lower = t.to_lowercase();
    let starts = [
        "photo:",
        "photo by",
        "photos:",
        "photograph:",
        "image:",
        "image credit",
        "image by",
        "images:",
        "picture:",
        "pictures:",
        "credit:",
        "credits:",
        "illustration:",
        "file photo",
        "photo credit",
        "photo courtesy",
        "courtesy:",
    ];
    starts.iter().any(|s| lower.starts_with(s))
        || (words(&lower).len() <= 6
            && [
                "getty images",
                "shutterstock",
                "via reuters",
                "/reuters",
                "/afp",
                "/ap",
                "pool/",
            ]
            .iter()
            .any(|s| lower.contains(s)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        use ChromeKind::*;
        let cases: &[(&str, &str, Option<ChromeKind>)] = &[
            ("skip link", "Skip to main content", Some(SkipLink)),
            ("jump link", "Jump to navigation", Some(SkipLink)),
            ("crumbs with chevrons", "Home › World › Africa", Some(Crumbs)),
            ("crumbs with pipes", "News | Politics | Harbour Region", Some(Crumbs)),
            ("home slash", "Home / Europe", Some(Crumbs)),
            ("glued trail", "HomeWorldHarbour council approves the new pier...", Some(Crumbs)),
            ("homework is a word", "Homework policy changes in schools", None),
            ("interface run", "Facebook Twitter WhatsApp Email Print", Some(Interface)),
            ("icon font names", "arrow_forward share close", Some(Interface)),
            ("logo word", "Logo", Some(Interface)),
            ("menu", "Menu Search", Some(Interface)),
            ("subscribe prompt", "Subscribe now for unlimited access", Some(Prompt)),
            ("sign in", "Already have an account? Sign in", Some(Prompt)),
            ("cookie prompt", "We use cookies to improve your experience. Accept all", Some(Prompt)),
            ("donation", "Independent reporting needs you. Support our newsroom or become a member!", Some(Prompt)),
            ("shop", "shop now", Some(Prompt)),
            ("support us", "Support Us", Some(Prompt)),
            ("advert", "Advertisement", Some(Advertisement)),
            ("advert with colon", "Advertisement:", Some(Advertisement)),
            ("story continues", "Story continues below", Some(Advertisement)),
            ("read more", "Read more: Harbour council votes on the new pier", Some(Related)),
            ("related label", "Related Stories", Some(Related)),
            ("also read link", "Also Read | Harbour council votes on the new pier after a long and heated debate about the costs of the project", Some(Related)),
            ("reading time", "4 min read", Some(Notice)),
            ("audio notice", "This audio is created with AI assistance", Some(Notice)),
            ("listen", "Listen to this article", Some(Notice)),
            ("markup", "<div class=\"share-bar\"><a href=\"#\">Share</a></div>", Some(Markup)),
            ("entities", "&nbsp;&nbsp;&raquo;", Some(Markup)),
            ("headline with a tag stays text", "<b>Harbour</b> council approves the new pier", None),
            ("photo credit line", "PHOTO: HARBOUR AGENCY", Some(ImageCredit)),
            ("picture agency", "Jane Roe/Getty Images", Some(ImageCredit)),
            // Not chrome.
            ("headline", "Harbour council approves the new pier after long debate", None),
            ("sentence with subscribe verb", "The minister said the subscription service would be free for pensioners from next year.", None),
            ("prose", "The talks will resume on Monday, the mediators said in a statement.", None),
            ("short prose line", "He declined to comment.", None),
            ("section word with date", "Politics", None),
            ("reported related", "Related talks in the capital ended without agreement, officials said on Friday.", None),
            ("url", "https://example.org/news/2023/07/harbour", None),
            ("single letter", "A", None),
            ("font-size widget", "+ ↺ − 16 px", Some(Interface)),
            ("gallery counter", "0 / 0", Some(Interface)),
            ("score line is text", "Harbour 2-1 Valmora", None),
        ];
        for (name, line, want) in cases {
            assert_eq!(classify(line), *want, "{name}: {line}");
        }
    }

    #[test]
    fn kinds_explain_themselves() {
        assert_eq!(ChromeKind::SkipLink.to_string(), "a skip link of the site");
    }
}
