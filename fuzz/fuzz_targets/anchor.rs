//! A passage link from any URL, anchored in any text, never panics and never lands on text that
//! does not start with the link's quote.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_core::anchor::{anchor, Anchor};
use parallax_core::view_state::ViewState;

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data);
    let (url, text) = raw.split_once('\n').unwrap_or((&raw, ""));
    let (state, _) = ViewState::parse(url);
    if let Some(p) = state.passage {
        match anchor(text, &p) {
            Anchor::Exact(s) | Anchor::Moved(s) => {
                assert!(s.start <= s.end && s.end <= text.len());
                assert!(text[s.start..].starts_with(p.exact.as_str()));
            }
            Anchor::Lost => {}
        }
    }
});
