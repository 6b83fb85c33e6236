//! `tracker`: checks the derived figures of Markdown project trackers.
//!
//! The library is silent: it returns data and never prints. `report` renders output to the
//! writers it is given, and only `main` owns standard output.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod app;
pub mod cli;
pub mod config;
pub mod debug_hooks;
pub mod diagnostic;
pub mod fix;
pub mod graph;
pub mod input;
pub mod model;
pub mod panic;
pub mod parallel;
pub mod parse;
pub mod pattern;
pub mod pipeline;
pub mod report;
pub mod resolve;
pub mod rules;
pub mod source;
pub mod status;
pub mod suppress;
pub mod vocab;
pub mod write;
