//! `tracker`: checks and fixes the derived figures of Markdown project trackers.
//!
//! The library is silent: it returns data and never prints. Only `report` renders output,
//! and only `main` writes it.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod model;
pub mod parse;
pub mod source;
pub mod vocab;
pub mod resolve;
pub mod diagnostic;
pub mod rules;
pub mod check;
pub mod suppress;
