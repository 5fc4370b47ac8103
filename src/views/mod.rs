//! Screens, one per file.

pub mod add;
pub mod compare;
pub mod coverage;
pub mod list;
pub mod reader;
pub mod results;
