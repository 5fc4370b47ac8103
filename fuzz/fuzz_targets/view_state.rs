//! Any query string decodes without panicking, and the state it gives re-encodes to a link that
//! decodes to the same state with no notice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_core::view_state::ViewState;

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data);
    let (state, _) = ViewState::parse(&raw);
    let link = state.to_string();
    let (again, notices) = ViewState::parse(&link);
    assert_eq!(again, state, "link {link}");
    assert!(notices.is_empty(), "link {link}: {notices:?}");
    let _ = state.validate(|id| id.len() % 3 != 0);
});
