//! Screens, one per file.

pub mod compare;
pub mod coverage;
pub mod list;
pub mod reader;
pub mod results;
