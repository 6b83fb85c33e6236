//! `unknown-dependency`: a dependency in a document's own family of ids that names no unit
//! in its file or the others checked.

use super::rule::{Fixable, GraphContext, Rule};
use crate::diagnostic::Diagnostic;
use crate::graph::Graph;
use crate::model::UnitId;
use crate::vocab::{State, Vocab, word_at};

pub(crate) static RULE: Rule = Rule {
    code: "TRK102",
    name: "unknown-dependency",
    summary: "A dependency that names no unit",
    fixable: Fixable::Never,
    doc: include_str!("../../docs/rules/unknown-dependency.md"),
    check: super::rule::Check::Graph(check),
};

fn check(ctx: &GraphContext) -> Vec<Diagnostic> {
    let others = ctx.graph.documents().saturating_sub(1);
    ctx.graph
        .unknown
        .iter()
        .filter(|u| u.doc == ctx.index)
        .filter_map(|u| {
            let crate::model::Target::Id(id) = &u.reference.target else {
                return None;
            };
            let after = &ctx.source.text[u.reference.span.end..];
            let reported =
                in_own_family(ctx.graph, ctx.index, id) && !stated_done(after, ctx.vocab);
            reported.then(|| {
                let written = &ctx.source.text[u.reference.span.clone()];
                let looked = match others {
                    0 => "in this file (no other tracker was read)".to_string(),
                    1 => "in this file or in the 1 other tracker read".to_string(),
                    n => format!("in this file or in the {n} other trackers read"),
                };
                let message = format!("`{written}` names no unit {looked}");
                Diagnostic::new(&RULE, u.reference.span.clone(), message)
            })
        })
        .collect()
}

/// Whether what follows a reference, up to the next one, states that it is done: a done
/// marker, or a done word in parentheses (`Sprint 1.1 infrastructure (COMPLETE ✅)`). A
/// finished prerequisite named with its own state lies outside the plan, and no edge that
/// matters is lost if no tracker holds it. A bare word is a condition, not a statement
/// (`E01, E09 complete` waits for them).
fn stated_done(after: &str, vocab: &Vocab) -> bool {
    let own = after
        .split(['\n', '\r', ',', ';'])
        .next()
        .unwrap_or_default();
    let mut depth = 0usize;
    own.char_indices().any(|(i, c)| {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        let rest = &own[i..];
        let marker_done = vocab
            .marker_at(rest)
            .is_some_and(|m| vocab.marker_state(&m.canonical) == Some(State::Done));
        let starts_word = own[..i]
            .chars()
            .next_back()
            .is_none_or(|p| !p.is_alphanumeric());
        let word_done = depth > 0
            && starts_word
            && c.is_alphabetic()
            && word_at(rest).is_some_and(|(s, _)| s == State::Done);
        marker_done || word_done
    })
}

/// Whether `id` belongs to the ids the document and its units have: a kind of theirs
/// (`Task 7` beside Task 1 to Task 3, `Phase 2` in the tracker of Phase 1), or, for a bare
/// number, a number of as many parts as one of theirs (`1.9` beside 1.1 to 1.5). A
/// reference outside the family (`task-100.1` in a task file that numbers no unit) names
/// what another file holds, which may not have been read: it is not reported.
fn in_own_family(graph: &Graph, doc: usize, id: &UnitId) -> bool {
    let parts = |n: &str| n.split('.').count();
    let own_ids = graph.doc_nodes(doc).map(|n| &graph.nodes[n].id);
    graph
        .title_id(doc)
        .into_iter()
        .chain(own_ids)
        .any(|own| match &id.kind {
            Some(kind) => own.kind.as_ref() == Some(kind),
            None => parts(&own.number) == parts(&id.number),
        })
}
