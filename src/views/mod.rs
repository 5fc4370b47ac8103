//! Screens, one per file.

pub mod list;
pub mod reader;
pub mod results;
