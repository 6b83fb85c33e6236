//! `status-drift`: a declared status contradicts what the items say, or one unit shown in
//! several places (table row, summary entry, checklist item, section) disagrees with itself.

use super::figures::{format_percent, lines_list};
use super::rule::{Context, Fixable, Rule};
use crate::diagnostic::{Diagnostic, Edit};
use crate::model::{Claim, ClaimKind, Marker, Site, Subject, UnitIdx, UnitKind};
use crate::resolve::{Basis, Cancelled, Eval};
use crate::vocab::State;

pub(crate) static RULE: Rule = Rule {
    code: "TRK004",
    name: "status-drift",
    summary: "A declared status contradicts the state its items give",
    fixable: Fixable::Mixed,
    doc: include_str!("../../docs/rules/status-drift.md"),
    check: super::rule::Check::Document(check),
};

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = ctx
        .doc
        .claims
        .iter()
        .filter_map(|c| check_claim(ctx, c))
        .collect();
    let views: Vec<(UnitIdx, Diagnostic)> = (0..ctx.doc.units.len())
        .filter_map(|u| check_item_view(ctx, u).map(|d| (u, d)))
        .collect();
    out.extend(one_per_run(ctx, views));
    out
}

/// Entries of one list that each contradict their unit elsewhere (a summary checklist ticked
/// all through over sections still open) are one finding, on the first entry, naming the
/// others' lines: the list is stale as a whole.
fn one_per_run(ctx: &Context, views: Vec<(UnitIdx, Diagnostic)>) -> Vec<Diagnostic> {
    let mut out: Vec<(UnitIdx, Diagnostic, Vec<usize>)> = Vec::new();
    for (u, d) in views {
        let unit = ctx.doc.unit(u);
        if let Some((prev, _, more)) = out.last_mut()
            && next_sibling(ctx, *prev) == Some(u)
        {
            more.push(unit.line);
            *prev = u;
            continue;
        }
        out.push((u, d, Vec::new()));
    }
    out.into_iter()
        .map(|(_, mut d, more)| {
            match more.len() {
                0 => {}
                1 => d.message += &format!("; so does the next entry ({})", lines_list(&more)),
                n => {
                    d.message += &format!(
                        "; so do the next {n} entries of this list ({})",
                        lines_list(&more)
                    );
                }
            }
            d
        })
        .collect()
}

/// The unit right after `u` under the same parent.
fn next_sibling(ctx: &Context, u: UnitIdx) -> Option<UnitIdx> {
    let siblings = &ctx.doc.unit(ctx.doc.unit(u).parent?).children;
    // Children are kept in document order, so a search finds `u` in a long list at once;
    // a miss (an order the parser did not keep) falls back to a scan.
    let at = (siblings.binary_search(&u).ok()).or_else(|| siblings.iter().position(|&s| s == u))?;
    siblings.get(at + 1).copied()
}

/// Whether a declared state agrees with a computed one. "In progress" with nothing ticked
/// yet is allowed: work can start before the first box is ticked.
fn agrees(declared: State, computed: State) -> bool {
    match declared {
        State::Done => computed == State::Done,
        State::InProgress | State::Blocked => computed != State::Done,
        State::Open => !computed.started(),
        State::Cancelled => true,
    }
}

/// What the items say of a status claim's subject, under each counting policy, and the unit
/// read. `None` when the subject is its own only evidence or nothing is counted.
fn computed(ctx: &Context, claim: &Claim) -> Option<(Vec<Eval>, UnitIdx)> {
    let r = ctx.resolver;
    let scope = *r.claim_scopes(claim).first()?;
    if claim.subject == Subject::Unit(scope) && ctx.doc.unit(scope).kind == UnitKind::Row {
        return None;
    }
    let evals: Vec<Eval> = r
        .counting
        .policies
        .iter()
        .filter_map(|&p| r.scope_eval(scope, p))
        .collect();
    (!evals.is_empty()).then_some((evals, scope))
}

/// A status table row whose status cell drifts: its progress cell is fixed with it.
pub(crate) fn row_status_drifts(ctx: &Context, claim: &Claim) -> bool {
    claim.site == Site::Cell
        && ctx.resolver.claims_on_line(claim.line).any(|c| {
            c.line == claim.line
                && c.subject == claim.subject
                && matches!(c.kind, ClaimKind::Status { .. })
                && check_claim(ctx, c).is_some()
        })
}

fn check_claim(ctx: &Context, claim: &Claim) -> Option<Diagnostic> {
    let ClaimKind::Status {
        state,
        words,
        marker,
    } = &claim.kind
    else {
        return None;
    };
    let (evals, scope) = computed(ctx, claim)?;
    // A checkbox says done or not done: an empty one agrees with work in progress.
    let checkbox = words.is_none() && marker.as_ref().is_some_and(|m| m.text.starts_with('['));
    let declared_state = match state {
        State::Open if checkbox => State::InProgress,
        s => *s,
    };
    // A part that lists no work may be the one still open: its boxes cannot say "done".
    let unread =
        || evals.iter().all(|e| e.state == State::Done) && ctx.resolver.has_unread_part(scope);
    if evals.iter().any(|e| agrees(declared_state, e.state)) || unread() {
        return None;
    }
    let truth = evals[0];
    let text = &ctx.doc.source.text;
    let declared = words
        .as_ref()
        .or(marker.as_ref().map(|m| &m.span))
        .map_or("", |s| &text[s.clone()]);
    let message = format!(
        "declared {declared} ({state}), but {}",
        describe(ctx, scope, truth)
    );
    let spans = [words.clone(), marker.as_ref().map(|m| m.span.clone())];
    let span = spans
        .iter()
        .flatten()
        .fold(None::<std::ops::Range<usize>>, |acc, s| match acc {
            Some(a) => Some(a.start.min(s.start)..a.end.max(s.end)),
            None => Some(s.clone()),
        })?;
    let mut edits = Vec::new();
    // A fix writes English words, so words in another language keep theirs.
    if let Some(w) = words
        .as_ref()
        .filter(|w| crate::vocab::is_english(&text[(*w).clone()]))
    {
        edits.push(Edit::unsafe_(
            w.clone(),
            word_for(truth.state, &text[w.clone()]),
        ));
    }
    if let Some(m) = marker
        .as_ref()
        .and_then(|m| marker_for(ctx, m, truth.state).map(|r| (m, r)))
    {
        edits.push(Edit::unsafe_(m.0.span.clone(), m.1));
    }
    edits.extend(row_progress_edits(ctx, claim, truth));
    Some(Diagnostic::new(&RULE, span, message).with_edits(edits))
}

/// The progress cell of a drifting row, recomputed (a safe fix).
fn row_progress_edits(ctx: &Context, claim: &Claim, truth: Eval) -> Vec<Edit> {
    let Some(value) = truth.exact() else {
        return Vec::new();
    };
    ctx.resolver
        .claims_on_line(claim.line)
        .filter(|c| c.site == Site::Cell && c.subject == claim.subject)
        .filter_map(|c| match &c.kind {
            ClaimKind::Percent { percent } => {
                let text = format_percent(value * 100.0, percent.decimals);
                (ctx.doc.source.text[percent.span.clone()] != text)
                    .then(|| Edit::safe(percent.span.clone(), text))
            }
            _ => None,
        })
        .collect()
}

/// "Phase 2 is in progress: 18 of 58 items are not done (lines ...)".
fn describe(ctx: &Context, scope: UnitIdx, truth: Eval) -> String {
    let r = ctx.resolver;
    let unit = ctx.doc.unit(scope);
    let name = r.name(scope);
    if unit.kind == UnitKind::Item {
        let kids = r.count_readings(&[scope], None, true);
        let children = kids.evident().map_or(String::new(), |k| {
            format!(" and {} of its {} sub-items are done", k.done, k.total)
        });
        return format!(
            "{name} is {}: its item on line {} is {}{children}",
            truth.state,
            unit.line,
            unit.marker.as_ref().map_or(truth.state, |m| m.state)
        );
    }
    // Describe every item, optional ones included: the claim is wrong under every reading.
    let counted = r.count_readings(&[scope], None, true);
    let full = counted.all.iter().find(|k| {
        k.basis == Basis::Items && k.policy.optional && k.policy.cancelled == Cancelled::Excluded
    });
    match full.or(counted.evident()) {
        Some(k) if k.done == k.total => format!(
            "{name} is {}: all {} of its items are done",
            truth.state, k.total
        ),
        Some(k) => format!(
            "{name} is {}: {} of its {} items are not done ({} not started, {} in progress; {})",
            truth.state,
            k.total - k.done,
            k.total,
            k.open,
            k.in_progress,
            lines_list(&k.open_lines)
        ),
        None => format!("{name} is {}", truth.state),
    }
}

/// The status word for a state, in the case style of the word it replaces.
fn word_for(state: State, original: &str) -> String {
    let word = crate::vocab::written_word(state);
    if original.chars().any(char::is_lowercase) {
        if original.chars().next().is_some_and(char::is_lowercase) {
            word.to_lowercase()
        } else {
            word.to_string()
        }
    } else {
        word.to_uppercase()
    }
}

/// The marker for a state: the document's legend first, else the family of the marker.
fn marker_for(ctx: &Context, marker: &Marker, state: State) -> Option<String> {
    if let Some(m) = ctx.doc.legend.marker_for(state) {
        return Some(m.to_string());
    }
    if marker.text.starts_with('[') {
        return match state {
            State::Done => Some("[x]".to_string()),
            State::Open | State::InProgress => Some("[ ]".to_string()),
            _ => None,
        };
    }
    let families = crate::vocab::MARKER_FAMILIES;
    let family = families
        .iter()
        .find(|f| f.contains(&&*marker.text))
        .unwrap_or(&families[0]);
    match state {
        State::Done => Some(family[0]),
        State::InProgress => Some(family[1]),
        State::Open => Some(family[2]),
        _ => None,
    }
    .map(str::to_string)
    .filter(|m| ctx.vocab.marker_state(m).is_some())
}

/// An item shown elsewhere too (a summary `✅ Task 2.1` beside the Task 2.1 section) whose
/// marker disagrees with the unit's truth. Items are never re-ticked, so there is no fix.
fn check_item_view(ctx: &Context, item: UnitIdx) -> Option<Diagnostic> {
    let r = ctx.resolver;
    let unit = ctx.doc.unit(item);
    if unit.kind != UnitKind::Item || unit.children.iter().any(|&c| ctx.doc.unit(c).is_item()) {
        return None;
    }
    let truth = r
        .entity_of(item)?
        .truth
        .filter(|&t| t != item && !r.is_ancestor(item, t) && !r.is_ancestor(t, item))?;
    let marker = unit.marker.as_ref()?;
    let evals: Vec<Eval> = r
        .counting
        .policies
        .iter()
        .filter_map(|&p| r.eval(truth, p))
        .collect();
    // An empty checkbox says "not done", which work in progress also is.
    let open_box = marker.text.starts_with('[') && marker.state == State::Open;
    let agrees_with =
        |e: &Eval| agrees(marker.state, e.state) || open_box && e.state != State::Done;
    if evals.is_empty() || evals.iter().any(agrees_with) {
        return None;
    }
    let message = format!(
        "marked {} ({}), but {} on line {} is {}",
        ctx.doc.source.text[marker.span.clone()].trim(),
        marker.state,
        unit.id
            .as_ref()
            .map_or_else(|| unit.label(), |id| id.to_string()),
        ctx.doc.unit(truth).line,
        evals[0].state
    );
    Some(Diagnostic::new(&RULE, marker.span.clone(), message))
}
