//! Any search query parses without panicking; its canonical form is a fixed point; toggling a
//! facet filter on and off never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_core::query::{parse, toggle_filter, Field};

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let q = parse(&input);
    let canonical = q.to_string();
    let again = parse(&canonical);
    assert_eq!(again.to_string(), canonical);
    assert_eq!(again.clauses, q.clauses, "canonical {canonical}");
    let (value, rest) = input.split_at(input.char_indices().nth(8).map_or(input.len(), |(i, _)| i));
    let on = toggle_filter(rest, Field::Outlet, value);
    let _ = toggle_filter(&on, Field::Outlet, value);
});
