//! Properties that hold for every input, shared by the property tests (over generated
//! trackers) and the fuzz targets (over anything): each function panics when one breaks.
//! It uses only the library and `serde_json`, so `fuzz/` includes this file as it is.
#![allow(dead_code)]

use std::path::Path;

use tracker::diagnostic::Applicability;
use tracker::fix::{Fixed, apply_edits, effective_edits, fix_text, select_edits};
use tracker::graph::Graph;
use tracker::parse::parse;
use tracker::pipeline::{Settings, check_document};
use tracker::report::{FileResult, Format, Report, render};
use tracker::resolve::Resolver;
use tracker::source::SourceFile;
use tracker::vocab::{State, Vocab};

fn source(text: &str) -> SourceFile {
    SourceFile::new(Path::new("t.md"), text.to_string())
}

/// Checks `text` and renders the findings in every format, with and without colour: nothing
/// panics, and the JSON and SARIF outputs parse as JSON. Returns the number of findings.
pub fn check_renders(text: &str) -> usize {
    let vocab = Vocab::default();
    let doc = parse(source(text), &vocab);
    let diagnostics = check_document(&doc, &Settings::default());
    let found = diagnostics.len();
    let report = Report {
        files: vec![FileResult {
            source: doc.source,
            diagnostics,
        }],
        ..Report::default()
    };
    for format in [
        Format::Human,
        Format::Concise,
        Format::Github,
        Format::Json,
        Format::Sarif,
    ] {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        render(&report, format, true, &mut Vec::new(), &mut err).expect("rendering in colour");
        render(&report, format, false, &mut out, &mut err).expect("rendering to memory");
        if matches!(format, Format::Json | Format::Sarif)
            && let Err(e) = serde_json::from_slice::<serde_json::Value>(&out)
        {
            panic!("{format:?} output does not parse: {e}");
        }
    }
    found
}

/// One round of fixes by hand, unsafe ones included: every byte outside the edits as applied
/// stays, no edit crosses a line, and the BOM and line endings stay. The fixed text, if any
/// edit applies.
pub fn fix_round(text: &str) -> Option<String> {
    fix_round_with(text, Applicability::Unsafe)
}

/// As [`fix_round`], applying edits up to `allowed`.
pub fn fix_round_with(text: &str, allowed: Applicability) -> Option<String> {
    let vocab = Vocab::default();
    let doc = parse(source(text), &vocab);
    let diagnostics = check_document(&doc, &Settings::default());
    let (edits, _) = select_edits(&diagnostics, allowed);
    if edits.is_empty() {
        return None;
    }
    let fixed = apply_edits(text, &edits);
    let (mut old, mut new) = (0, 0);
    for e in effective_edits(text, &edits) {
        let kept = e.span.start - old;
        assert_eq!(
            text.as_bytes()[old..e.span.start],
            fixed.as_bytes()[new..new + kept],
            "bytes {old}..{} changed outside the edits",
            e.span.start
        );
        assert!(
            !text[e.span.clone()].contains(['\n', '\r']) && !e.replacement.contains(['\n', '\r']),
            "an edit crosses a line at byte {}",
            e.span.start
        );
        new += kept;
        assert_eq!(
            &fixed[new..new + e.replacement.len()],
            e.replacement,
            "the edit at byte {} is not what was applied",
            e.span.start
        );
        new += e.replacement.len();
        old = e.span.end;
    }
    assert_eq!(
        text.as_bytes()[old..],
        fixed.as_bytes()[new..],
        "bytes after the last edit changed"
    );
    assert_eq!(
        text.starts_with('\u{feff}'),
        fixed.starts_with('\u{feff}'),
        "the BOM changed"
    );
    Some(fixed)
}

/// Each item's state, in document order: what no fix may change.
pub fn ticks(text: &str) -> Vec<State> {
    let doc = parse(source(text), &Vocab::default());
    doc.units
        .iter()
        .filter_map(|u| u.is_item().then_some(u.marker.as_ref()?.state))
        .collect()
}

/// `fix` (safe edits) on `text`: when it settles, no item's tick changed and fixing the
/// result again changes nothing. `None` when the rules did not settle.
pub fn fix_is_idempotent(text: &str) -> Option<Fixed> {
    let settings = Settings::default();
    let fixed = fix_text(source(text), &settings, false).ok()?;
    assert_eq!(ticks(text), ticks(&fixed.text), "an item's tick changed");
    let again =
        fix_text(source(&fixed.text), &settings, false).expect("a fixed text settles again");
    assert_eq!(again.text, fixed.text, "fixing twice changes the text");
    assert_eq!(again.applied, 0, "fixing twice applies a fix");
    Some(fixed)
}

/// A tracker of tasks with estimates and dependencies drawn from `bytes`: references to
/// earlier and later tasks (cycles), to itself, to missing tasks, ranges (`Tasks 2-9`),
/// `ALL previous tasks`, and a declared critical path. Small inputs make small graphs; long
/// ones reach a few hundred tasks with wide fan-out.
pub fn graph_document(bytes: &[u8]) -> String {
    let mut it = bytes.iter().copied();
    let mut next = move || it.next();
    let tasks = usize::from(next().unwrap_or(3)) % 200 + 1;
    let mut text = String::from("# Plan\n\n");
    for i in 1..=tasks {
        let Some(b) = next() else { break };
        let state = ["✅", "⏳", "⬜"][usize::from(b) % 3];
        let days = usize::from(b / 3) % 7;
        text.push_str(&format!("### Task {i}: step {i} {state} ({days} days)\n\n"));
        let refs = usize::from(next().unwrap_or(0)) % 6;
        let mut deps = Vec::new();
        for _ in 0..refs {
            let (kind, n) = (next().unwrap_or(0), usize::from(next().unwrap_or(0)));
            let target = n % (tasks + 2) + 1;
            deps.push(match kind % 8 {
                0 => "ALL previous tasks".to_string(),
                1 => format!("Tasks {}-{}", target.min(i), target.max(i)),
                2 => format!("Task {i}"),
                3 => format!("Task {}", tasks + 1 + n),
                _ => format!("Task {target}"),
            });
        }
        if !deps.is_empty() {
            let label = if b % 2 == 0 {
                "Dependencies"
            } else {
                "Blocked By"
            };
            text.push_str(&format!("**{label}**: {}\n\n", deps.join(", ")));
        }
    }
    let chain: Vec<String> = (1..=tasks.min(4)).map(|i| format!("Task {i}")).collect();
    text.push_str(&format!(
        "**Critical Path:** {} (Total: {} days)\n",
        chain.join(" → "),
        next().unwrap_or(4)
    ));
    text
}

/// The graph of `text`: every critical path is a chain of edges whose length is the sum of
/// its units' durations, and no chain of its part is longer; a part without one holds a
/// cycle. Returns the number of edges.
pub fn critical_paths_are_longest(text: &str) -> usize {
    let settings = Settings::default();
    let doc = parse(source(text), &settings.vocab);
    let resolver = Resolver::new(&doc, settings.rules.counting.clone());
    let graph = Graph::build(&[(&doc, &resolver)]);
    let cycles = graph.cycles();
    let weight = |n: usize| graph.nodes[n].duration.map_or(0.0, |d| d.max);
    for part in 0..graph.parts.len() {
        let Some(path) = graph.critical_path(part) else {
            assert!(
                cycles
                    .iter()
                    .any(|c| c.nodes.iter().all(|&n| graph.part_of[n] == Some(part))),
                "part {part} has no critical path and no cycle"
            );
            continue;
        };
        for pair in path.nodes.windows(2) {
            assert!(
                graph.has_edge(pair[0], pair[1]),
                "the critical path steps {} → {} without an edge",
                pair[0],
                pair[1]
            );
        }
        let length: f64 = path.nodes.iter().map(|&n| weight(n)).sum();
        assert!(
            (length - path.max).abs() < 1e-6,
            "length {length} ≠ {}",
            path.max
        );
        let longest = longest_chain(&graph, &graph.parts[part], weight);
        assert!(
            (longest - path.max).abs() < 1e-6,
            "a chain of {longest} is longer than the critical path's {}",
            path.max
        );
    }
    graph.edges.edge_count()
}

/// The longest chain of a part without cycles, by its own topological sort (Kahn's).
fn longest_chain(graph: &Graph, part: &[usize], weight: impl Fn(usize) -> f64) -> f64 {
    let mut waiting: std::collections::HashMap<usize, usize> = part
        .iter()
        .map(|&n| (n, graph.dependencies(n).count()))
        .collect();
    let mut dist: std::collections::HashMap<usize, f64> = std::collections::HashMap::new();
    let mut ready: Vec<usize> = part.iter().copied().filter(|n| waiting[n] == 0).collect();
    while let Some(n) = ready.pop() {
        let before = graph.dependencies(n).map(|d| dist[&d]).fold(0.0, f64::max);
        dist.insert(n, before + weight(n));
        for m in graph.dependents(n) {
            let w = waiting.get_mut(&m).expect("a dependent is in the part");
            *w -= 1;
            if *w == 0 {
                ready.push(m);
            }
        }
    }
    assert_eq!(dist.len(), part.len(), "a part without a cycle sorts");
    dist.values().copied().fold(0.0, f64::max)
}

/// A tracker every config is tried on: a legend, a declared count, a status table.
const PLAN: &str = "# Plan\n\n**Legend:** ✅ Done · ⬜ To do\n\n## Phase 1 (1/3 tasks)\n\n- ✅ a\n- ⬜ b\n- [x] c\n\n| Task | Status |\n|---|---|\n| a | Done |\n";

/// Config text is accepted or refused with an error, never a panic; an accepted one gives
/// globs, settings and a vocabulary that check a tracker. Whether it was accepted.
pub fn config_is_accepted_or_refused(text: &str) -> bool {
    let Ok(config) = tracker::config::parse(text) else {
        return false;
    };
    let _ = config.globs();
    let settings = Settings {
        rules: config.rule_settings(),
        vocab: config.vocab(),
        ..Settings::default()
    };
    let doc = parse(
        SourceFile::new("plan.md", PLAN.to_string()),
        &settings.vocab,
    );
    check_document(&doc, &settings);
    true
}

/// `text`'s lines (each without its break) and whether the text ends with a break.
fn split_lines(text: &str) -> (Vec<&str>, bool) {
    let mut lines = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(['\n', '\r']) {
        lines.push(&rest[..at]);
        let width = if rest[at..].starts_with("\r\n") { 2 } else { 1 };
        rest = &rest[at + width..];
    }
    let ends_with_break = rest.is_empty() && !lines.is_empty();
    if !rest.is_empty() {
        lines.push(rest);
    }
    (lines, ends_with_break)
}

/// `text` with its line breaks as `choices` say, cycled: `\n`, `\r\n` or a lone `\r` for each
/// byte's value modulo 3. A lone `\r` is never followed by an empty line's `\n`, which would
/// make the two one break.
pub fn with_line_endings(text: &str, choices: &[u8]) -> String {
    const BREAKS: [&str; 3] = ["\n", "\r\n", "\r"];
    let (lines, ends_with_break) = split_lines(text);
    let mut out = String::with_capacity(text.len() + lines.len());
    let mut previous = "";
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        if i + 1 == lines.len() && !ends_with_break {
            break;
        }
        let pick = choices.get(i % choices.len().max(1)).copied().unwrap_or(0);
        let mut brk = BREAKS[usize::from(pick) % 3];
        if previous == "\r" && line.is_empty() && brk == "\n" {
            brk = "\r";
        }
        out.push_str(brk);
        previous = brk;
    }
    out
}

/// The findings of `text` as line breaks do not change them: rule, line, column, message.
fn findings(text: &str) -> Vec<(&'static str, (usize, usize), String)> {
    let vocab = Vocab::default();
    let doc = parse(source(text), &vocab);
    check_document(&doc, &Settings::default())
        .into_iter()
        .map(|d| (d.rule.code, doc.source.line_col(d.span.start), d.message))
        .collect()
}

/// Line breaks change nothing: `text` with its breaks mixed as `choices` say has the findings
/// of `text` with `\n` breaks, and fixing it gives the same lines (each keeping its break).
pub fn line_endings_do_not_matter(text: &str, choices: &[u8]) {
    let lf = with_line_endings(text, &[0]);
    let mixed = with_line_endings(text, choices);
    assert_eq!(
        findings(&lf),
        findings(&mixed),
        "the findings changed with the line endings"
    );
    let settings = Settings::default();
    let fixed_lf = fix_text(source(&lf), &settings, true).map(|f| f.text);
    let fixed_mixed = fix_text(source(&mixed), &settings, true).map(|f| f.text);
    match (fixed_lf, fixed_mixed) {
        (Ok(a), Ok(b)) => {
            assert_eq!(
                split_lines(&a),
                split_lines(&b),
                "fix changed other lines with other line endings"
            );
            assert_eq!(
                with_line_endings(&a, choices),
                b,
                "fix changed a line break"
            );
        }
        (a, b) => assert_eq!(
            a.is_ok(),
            b.is_ok(),
            "fix settled with one line ending only"
        ),
    }
}

/// Every property on one input, for inputs a fuzz target found: as text, as config, and as
/// the choices of a generated graph.
pub fn all(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        check_renders(text);
        fix_round(text);
        fix_is_idempotent(text);
        config_is_accepted_or_refused(text);
        line_endings_do_not_matter(text, data);
    }
    let graph = graph_document(data);
    critical_paths_are_longest(&graph);
    check_renders(&graph);
}
