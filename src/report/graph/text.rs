//! The graph as text: each part with its critical path, slack and what can start now.

use std::io::{self, Write};

use rustc_hash::FxHashSet as HashSet;

use super::view::{GraphView, Part};
use crate::graph::{CriticalPath, format_duration, short_id};

/// The text form: cycles first, then per part its critical path, the other units with their
/// slack, and what can start now.
pub fn text(view: &GraphView, out: &mut dyn Write) -> io::Result<()> {
    let g = view.graph;
    for cycle in view.cycles() {
        let files = view.files(&cycle.nodes).join(", ");
        let chain: Vec<String> = cycle
            .nodes
            .iter()
            .chain(std::iter::once(&cycle.nodes[0]))
            .map(|&n| short_id(&g.nodes[n].id))
            .collect();
        match cycle.nodes.len() {
            1 => writeln!(out, "cycle in {files}: {} depends on itself", chain[0])?,
            _ => writeln!(out, "cycle in {files}: {}", chain.join(" → "))?,
        }
    }
    let mut shown = !view.cycles().is_empty();
    for part in view.parts() {
        if let Some(path) = &part.path {
            part_text(view, &part, path, out)?;
            shown = true;
        }
    }
    // An empty answer reads as a failure: say in one line that there is nothing to schedule.
    if !shown {
        let n = view.shown;
        let documents = if n == 1 { "document" } else { "documents" };
        // References that name units in no document given (`Blocked by: 06` for another
        // ticket's file) are dependencies too, just not between these units.
        let outside = view.graph.unknown.iter().filter(|u| u.doc < n).count();
        let elsewhere = match outside {
            0 => String::new(),
            1 => "; 1 reference names a unit elsewhere".to_string(),
            k => format!("; {k} references name units elsewhere"),
        };
        writeln!(
            out,
            "no dependencies between units in {n} {documents}{elsewhere}"
        )?;
    }
    Ok(())
}

fn part_text(
    view: &GraphView,
    part: &Part,
    path: &CriticalPath,
    out: &mut dyn Write,
) -> io::Result<()> {
    let g = view.graph;
    let unit = view.unit(part);
    writeln!(out, "{}", view.files(part.nodes).join(", "))?;
    let steps: Vec<String> = path
        .nodes
        .iter()
        .map(|&n| {
            format!(
                "{} ({}, {})",
                short_id(&g.nodes[n].id),
                view.duration(n),
                view.state(n)
            )
        })
        .collect();
    writeln!(out, "  critical path: {}", steps.join(" → "))?;
    writeln!(
        out,
        "  total: {}",
        format_duration(path.min, path.max, unit, view.calendar)
    )?;
    let on_path: HashSet<usize> = path.nodes.iter().copied().collect();
    let mut others: Vec<(usize, f64)> = g
        .schedule(part.index)
        .map(|s| s.units)
        .unwrap_or_default()
        .into_iter()
        .filter(|(n, _, _)| !on_path.contains(n))
        .map(|(n, _, slack)| (n, slack))
        .collect();
    others.sort_by_cached_key(|&(n, _)| g.order_key(n));
    if !others.is_empty() {
        writeln!(out, "  slack:")?;
        for (n, slack) in others {
            let slack = format_duration(slack, slack, unit, view.calendar);
            writeln!(
                out,
                "    {} ({}, {}): {slack}",
                view.label(n),
                view.duration(n),
                view.state(n)
            )?;
        }
    }
    let ready = g.ready(part.index);
    if !ready.is_empty() {
        writeln!(out, "  can start now:")?;
        for n in ready {
            writeln!(out, "    {}", view.label(n))?;
        }
    }
    Ok(())
}
