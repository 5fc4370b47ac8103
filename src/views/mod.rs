//! Screens, one per file.

pub mod compare;
pub mod list;
pub mod reader;
pub mod results;
