//! `critical-path-mismatch`: a declared critical path whose sequence or total differs from
//! the longest chain of dependencies by duration.
//!
//! Both checks keep to what can be known. Units without an estimate take no time, so the
//! computed longest chain is a lower bound when some are missing: a declared chain is then
//! reported only when it is itself fully estimated and shorter. A declared chain that ties the
//! longest one (another order of equal length) agrees. A declared total agrees when it is the
//! computed total of the part or, for a declared chain that agrees, the sum of its own
//! estimates.

use super::rule::{Fixable, GraphContext, Rule};
use crate::diagnostic::{Diagnostic, Edit};
use crate::graph::{CriticalPath, Graph, common_unit, format_duration, id_like, short_id};
use crate::model::{CriticalPathDecl, Duration};

pub(crate) static RULE: Rule = Rule {
    code: "TRK104",
    name: "critical-path-mismatch",
    summary: "A declared critical path that is not the longest chain",
    fixable: Fixable::Mixed,
    doc: include_str!("../../docs/rules/critical-path-mismatch.md"),
    check: super::rule::Check::Graph(check),
};

/// Hours closer than this are the same.
const EPSILON: f64 = 1e-6;

fn check(ctx: &GraphContext) -> Vec<Diagnostic> {
    ctx.critical_paths
        .iter()
        .filter_map(|decl| check_decl(ctx, decl))
        .collect()
}

/// What the graph says about one declaration.
struct Judged {
    steps: Vec<usize>,
    path: CriticalPath,
    /// The declared steps follow edges of the graph.
    is_chain: bool,
    /// The declared steps' own estimates, summed, when every step has one.
    sum: Option<Duration>,
    /// Every unit of the part has an estimate, so the computed path is exact.
    estimated: bool,
    /// Every unit of the part is in this document.
    local: bool,
}

fn judge(ctx: &GraphContext, decl: &CriticalPathDecl) -> Option<Judged> {
    let g = ctx.graph;
    let steps: Vec<usize> = decl
        .steps
        .iter()
        .map(|(id, _)| g.resolve(ctx.index, id))
        .collect::<Option<_>>()?;
    let part = g.part_of[steps[0]]?;
    let path = g.critical_path(part)?;
    let members = &g.parts[part];
    Some(Judged {
        is_chain: steps.windows(2).all(|w| g.has_edge(w[0], w[1])),
        sum: chain_sum(g, &steps),
        estimated: members.iter().all(|&n| g.nodes[n].duration.is_some()),
        local: members.iter().all(|&n| g.nodes[n].doc == ctx.index),
        steps,
        path,
    })
}

fn chain_sum(g: &Graph, steps: &[usize]) -> Option<Duration> {
    let durations: Vec<Duration> = steps
        .iter()
        .map(|&n| g.nodes[n].duration)
        .collect::<Option<_>>()?;
    Some(Duration {
        min: durations.iter().map(|d| d.min).sum(),
        max: durations.iter().map(|d| d.max).sum(),
        unit: common_unit(durations.iter().copied()),
    })
}

impl Judged {
    fn sequence_differs(&self) -> bool {
        if self.steps == self.path.nodes {
            return false;
        }
        let ties = self.is_chain && self.sum.is_some_and(|s| same(s.max, self.path.max));
        let shorter = self.is_chain && self.sum.is_some_and(|s| s.max + EPSILON < self.path.max);
        !ties && (self.estimated || shorter)
    }

    /// The chain's own sum is a reading only for a chain that is itself a critical path.
    fn total_agrees(&self, total: &Duration) -> bool {
        let computed = same(total.min, self.path.min) && same(total.max, self.path.max);
        let own = self.is_chain
            && !self.sequence_differs()
            && self
                .sum
                .is_some_and(|s| same(total.min, s.min) && same(total.max, s.max));
        computed || own
    }

    /// A total is judged only when it can be known: the declared chain is fully estimated,
    /// or the whole part is.
    fn total_judged(&self) -> bool {
        self.estimated || (self.is_chain && self.sum.is_some())
    }
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() < EPSILON
}

fn check_decl(ctx: &GraphContext, decl: &CriticalPathDecl) -> Option<Diagnostic> {
    let j = judge(ctx, decl)?;
    let text = &ctx.source.text;
    let sequence_differs = j.sequence_differs();
    let total_differs = decl
        .total
        .as_ref()
        .filter(|(t, _, _)| j.total_judged() && !j.total_agrees(t));
    if !sequence_differs && total_differs.is_none() {
        return None;
    }
    let unit = decl.total.as_ref().map_or_else(
        || {
            common_unit(
                j.path
                    .nodes
                    .iter()
                    .filter_map(|&n| ctx.graph.nodes[n].duration),
            )
        },
        |t| t.0.unit,
    );
    let computed_total = format_duration(j.path.min, j.path.max, unit, ctx.vocab.calendar);
    let mut edits = Vec::new();
    if sequence_differs && j.local {
        let like = &text[decl.steps[0].1.clone()];
        let steps: Vec<String> = j
            .path
            .nodes
            .iter()
            .map(|&n| id_like(&ctx.graph.nodes[n].id, like))
            .collect();
        edits.push(Edit::unsafe_(
            decl.span.clone(),
            steps.join(&format!(" {} ", decl.arrow)),
        ));
    }
    if let Some((_, span, _)) = total_differs {
        edits.push(Edit::safe(span.clone(), computed_total.clone()));
    }
    let chain = chain(ctx, &j.path);
    let message = match total_differs {
        _ if sequence_differs => format!(
            "declared {}, but the longest chain of dependencies is {chain} ({computed_total})",
            &text[decl.span.clone()]
        ),
        Some((_, span, _)) => format!(
            "declared total {}, but {chain} takes {computed_total}",
            &text[span.clone()]
        ),
        None => return None,
    };
    let end = decl.total.as_ref().map_or(decl.span.end, |t| t.1.end);
    Some(Diagnostic::new(&RULE, decl.span.start..end, message).with_edits(edits))
}

/// `1.1 (0.5 days) → 1.2 (2-3 days) → …`, each step in the unit it was estimated in.
fn chain(ctx: &GraphContext, path: &CriticalPath) -> String {
    let g = ctx.graph;
    let steps: Vec<String> = path
        .nodes
        .iter()
        .map(|&n| {
            let node = &g.nodes[n];
            let d = node.duration.map_or("no estimate".to_string(), |d| {
                format_duration(d.min, d.max, d.unit, ctx.vocab.calendar)
            });
            format!("{} ({d})", short_id(&node.id))
        })
        .collect();
    steps.join(" → ")
}
