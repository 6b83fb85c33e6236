//! `critical-path-mismatch`: a declared critical path whose sequence or total differs from
//! the longest chain of dependencies by duration.

use super::{Context, Fixable, Rule};
use crate::diagnostic::{Diagnostic, Edit};
use crate::graph::{CriticalPath, common_unit, format_duration, id_like, short_id};
use crate::model::CriticalPathDecl;

pub(crate) static RULE: Rule = Rule {
    code: "TRK104",
    name: "critical-path-mismatch",
    summary: "A declared critical path that is not the longest chain",
    fixable: Fixable::Mixed,
    doc: include_str!("../../docs/rules/critical-path-mismatch.md"),
    check,
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let Some(path) = ctx.graph.critical_path(ctx.index) else {
        return Vec::new();
    };
    ctx.doc
        .critical_paths
        .iter()
        .filter_map(|decl| check_decl(ctx, decl, &path))
        .collect()
}

fn check_decl(ctx: &Context, decl: &CriticalPathDecl, path: &CriticalPath) -> Option<Diagnostic> {
    let g = ctx.graph;
    let declared: Vec<usize> = decl
        .steps
        .iter()
        .map(|(id, _)| g.resolve(ctx.index, id))
        .collect::<Option<_>>()?;
    let calendar = ctx.vocab.calendar;
    let unit = decl.total.as_ref().map_or_else(
        || common_unit(path.nodes.iter().filter_map(|&n| g.nodes[n].duration)),
        |t| t.0.unit,
    );
    let computed_total = format_duration(path.min, path.max, unit, calendar);
    let mut edits = Vec::new();
    let declared_text = &ctx.doc.source.text[decl.span.clone()];
    let sequence_differs = declared != path.nodes;
    if sequence_differs {
        let like = &ctx.doc.source.text[decl.steps[0].1.clone()];
        let steps: Vec<String> = path
            .nodes
            .iter()
            .map(|&n| id_like(&g.nodes[n].id, like))
            .collect();
        edits.push(Edit::unsafe_(
            decl.span.clone(),
            steps.join(&format!(" {} ", decl.arrow)),
        ));
    }
    let total_differs = decl
        .total
        .as_ref()
        .filter(|(t, _, _)| (t.min - path.min).abs() > 1e-6 || (t.max - path.max).abs() > 1e-6);
    if let Some((_, span, _)) = total_differs {
        edits.push(Edit::safe(span.clone(), computed_total.clone()));
    }
    let message = match (sequence_differs, total_differs) {
        (false, None) => return None,
        (true, _) => format!(
            "declared {declared_text}, but the longest chain of dependencies is {} ({computed_total})",
            chain(ctx, path, unit)
        ),
        (false, Some((_, span, _))) => {
            format!(
                "declared total {}, but {} takes {computed_total}",
                &ctx.doc.source.text[span.clone()],
                chain(ctx, path, unit)
            )
        }
    };
    let end = decl.total.as_ref().map_or(decl.span.end, |t| t.1.end);
    Some(Diagnostic::new(&RULE, decl.span.start..end, message).with_edits(edits))
}

/// `1.1 (0.5 days) → 1.2 (2-3 days) → …`
fn chain(ctx: &Context, path: &CriticalPath, unit: crate::model::TimeUnit) -> String {
    let g = ctx.graph;
    let steps: Vec<String> = path
        .nodes
        .iter()
        .map(|&n| {
            let node = &g.nodes[n];
            let d = node.duration.map_or("no estimate".to_string(), |d| {
                format_duration(d.min, d.max, unit, ctx.vocab.calendar)
            });
            format!("{} ({d})", short_id(&node.id))
        })
        .collect();
    steps.join(" → ")
}
