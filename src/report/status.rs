//! `tracker status` output: per document, a progress bar for it and for each top-level unit,
//! done/total, state, and the findings on each, with declared figures that differ.

use std::io::{self, Write};

use owo_colors::Style;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::human::paint;
use crate::status::{DocumentStatus, Progress, UnitStatus};
use crate::vocab::State;

const BAR: usize = 20;
const TITLE: usize = 40;
/// Declared figures listed per unit before the rest are only counted.
const SHOWN: usize = 3;

/// A document's path and its status.
pub struct StatusView<'a> {
    pub path: String,
    pub status: &'a DocumentStatus,
}

pub fn text(views: &[StatusView], color: bool, out: &mut dyn Write) -> io::Result<()> {
    for (i, v) in views.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        document(v, color, out)?;
    }
    Ok(())
}

fn document(v: &StatusView, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let s = v.status;
    writeln!(
        out,
        "{}  {}{}",
        paint(&v.path, Style::new().bold(), color),
        figures(&s.progress, color),
        findings(s.findings, color)
    )?;
    let names: Vec<String> = s.units.iter().map(name).collect();
    let width = names.iter().map(|n| n.width()).max().unwrap_or(0);
    for (u, n) in s.units.iter().zip(&names) {
        let pad = " ".repeat(width - n.width());
        writeln!(
            out,
            "  {n}{pad}  {}{}{}",
            figures(&u.progress, color),
            findings(u.findings, color),
            declared(u)
        )?;
    }
    Ok(())
}

/// `Phase 2  Infrastructure Setup`, the title cut to a readable length.
fn name(u: &UnitStatus) -> String {
    let title = if u.title.chars().count() > TITLE {
        let cut: String = u.title.chars().take(TITLE - 1).collect();
        format!("{}…", cut.trim_end())
    } else {
        u.title.clone()
    };
    match (u.id.is_empty(), title.is_empty()) {
        (true, _) => title,
        (false, true) => u.id.clone(),
        (false, false) => format!("{}  {title}", u.id),
    }
}

/// `████████░░░░░░░░░░░░  40%  2/5 tasks  in progress`
fn figures(p: &Progress, color: bool) -> String {
    let filled = (p.fraction * BAR as f64).round() as usize;
    let style = match p.state {
        Some(State::Done) => Style::new().green(),
        Some(State::Blocked) => Style::new().red(),
        Some(State::InProgress) => Style::new().yellow(),
        _ => Style::new().dimmed(),
    };
    let bar = format!("{}{}", "█".repeat(filled), "░".repeat(BAR - filled));
    let state = p.state.map_or("no work", State::as_str);
    format!(
        "{} {:>3}%  {:>9}  {state}",
        paint(&bar, style, color),
        (p.fraction * 100.0).round(),
        format!("{}/{} {}", p.done, p.total, p.noun),
    )
}

fn findings(n: usize, color: bool) -> String {
    match n {
        0 => String::new(),
        1 => format!("  {}", paint("1 finding", Style::new().red(), color)),
        n => format!(
            "  {}",
            paint(&format!("{n} findings"), Style::new().red(), color)
        ),
    }
}

/// `(declared 0% on line 13, 0/9 on line 556)`
fn declared(u: &UnitStatus) -> String {
    if u.declared.is_empty() {
        return String::new();
    }
    let mut parts: Vec<String> = u
        .declared
        .iter()
        .take(SHOWN)
        .map(|(line, text)| format!("{text} on line {line}"))
        .collect();
    if u.declared.len() > SHOWN {
        parts.push(format!("{} more", u.declared.len() - SHOWN));
    }
    format!(" (declared {})", parts.join(", "))
}

#[derive(Serialize)]
struct JsonStatus<'a> {
    version: u32,
    documents: Vec<JsonDocument<'a>>,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    path: &'a str,
    #[serde(flatten)]
    progress: JsonProgress<'a>,
    findings: usize,
    units: Vec<JsonUnit<'a>>,
}

#[derive(Serialize)]
struct JsonProgress<'a> {
    state: Option<State>,
    /// Done fraction, 0 to 1.
    progress: f64,
    done: usize,
    total: usize,
    noun: &'a str,
}

#[derive(Serialize)]
struct JsonUnit<'a> {
    id: &'a str,
    title: &'a str,
    line: usize,
    #[serde(flatten)]
    progress: JsonProgress<'a>,
    findings: usize,
    declared: Vec<JsonDeclared<'a>>,
}

#[derive(Serialize)]
struct JsonDeclared<'a> {
    line: usize,
    text: &'a str,
}

fn json_progress(p: &Progress) -> JsonProgress<'_> {
    JsonProgress {
        state: p.state,
        progress: p.fraction,
        done: p.done,
        total: p.total,
        noun: &p.noun,
    }
}

pub fn json(views: &[StatusView], out: &mut dyn Write) -> io::Result<()> {
    let documents = views
        .iter()
        .map(|v| JsonDocument {
            path: &v.path,
            progress: json_progress(&v.status.progress),
            findings: v.status.findings,
            units: v
                .status
                .units
                .iter()
                .map(|u| JsonUnit {
                    id: &u.id,
                    title: &u.title,
                    line: u.line,
                    progress: json_progress(&u.progress),
                    findings: u.findings,
                    declared: u
                        .declared
                        .iter()
                        .map(|(line, text)| JsonDeclared { line: *line, text })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let doc = JsonStatus {
        version: 1,
        documents,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
