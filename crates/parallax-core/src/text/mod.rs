//! Text analysis stages, one per file. Every stage keeps byte offsets into the original text so
//! that highlights and spans stay exact.

pub mod names;
pub mod normalise;
pub mod numbers;
pub mod sentences;
pub mod stem;
pub mod tokenize;
