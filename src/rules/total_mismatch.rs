//! `total-mismatch`: Total / Completed / In Progress / Not Started lines, table TOTAL rows,
//! and "N total" figures over listed parts disagree with their parts.

use super::figures::share_finding;
use super::rule::{Context, Fixable, Rule};
use crate::diagnostic::{Diagnostic, Edit};
use crate::graph::format_duration;
use crate::model::{Claim, ClaimKind, Duration, Figure, Site, Subject, Tally, Unit, UnitIdx};
use crate::resolve::{Basis, CountReading};
use crate::vocab::kinds::kind_of;

pub(crate) static RULE: Rule = Rule {
    code: "TRK003",
    name: "total-mismatch",
    summary: "A total disagrees with the parts it sums",
    fixable: Fixable::Mixed,
    doc: include_str!("../../docs/rules/total-mismatch.md"),
    check: super::rule::Check::Document(|ctx| super::rule::each_claim(ctx, check_claim)),
};

fn check_claim(ctx: &Context, claim: &Claim) -> Option<Diagnostic> {
    match &claim.kind {
        ClaimKind::Tally {
            tally,
            figure,
            noun,
            optional,
        } => check_tally(
            ctx,
            claim,
            *tally,
            figure,
            noun.as_deref(),
            optional.as_ref(),
        ),
        ClaimKind::Sum {
            figure,
            parts,
            what,
        } => check_sum(figure, parts, what),
        ClaimKind::TimeTotal { total, span } => check_time_total(ctx, claim, total, span),
        ClaimKind::SumPercent {
            percent,
            done,
            total,
        } => share_finding(&RULE, claim, percent, (*done, *total), |share| {
            format!("the columns above sum to {done} of {total} ({share}%)")
        }),
        _ => None,
    }
}

fn check_sum(figure: &Figure, parts: &[u64], what: &str) -> Option<Diagnostic> {
    let sum: u64 = parts.iter().sum();
    if sum == figure.value || parts.is_empty() {
        return None;
    }
    let terms: Vec<String> = parts.iter().map(u64::to_string).collect();
    let message = format!(
        "declared {} {what} in total, but the parts add up to {sum} ({})",
        figure.value,
        terms.join(" + ")
    );
    Some(
        Diagnostic::new(&RULE, figure.span.clone(), message)
            .with_edits(vec![Edit::safe(figure.span.clone(), sum.to_string())]),
    )
}

/// The figure a tally reads from a count.
fn value(tally: Tally, r: &CountReading) -> u64 {
    match tally {
        Tally::Total => r.total,
        Tally::Done => r.done,
        Tally::InProgress => r.in_progress,
        Tally::NotStarted => r.open,
    }
}

fn check_tally(
    ctx: &Context,
    claim: &Claim,
    tally: Tally,
    figure: &Figure,
    noun: Option<&str>,
    optional: Option<&Figure>,
) -> Option<Diagnostic> {
    let r = ctx.resolver;
    let scope = match claim.subject {
        // A count table's row: `| Fase 1 | 35 |` tallies the unit it names.
        Subject::Named(_) => *r.claim_scopes(claim).first()?,
        // A count table's total row tallies what holds every unit its rows name.
        Subject::Unit(_) if claim.site == Site::Cell => table_scope(ctx, claim)?,
        Subject::Unit(start) => r.tally_scope(start, noun),
    };
    let readings = r.count_readings(&[scope], noun, true).all;
    let without: Vec<&CountReading> = readings.iter().filter(|x| !x.policy.optional).collect();
    // With "(+ N optional)" the main figure excludes optional units and N counts them. A
    // reading in which counting optional units leaves fewer gives no such N (found by fuzzing:
    // fixtures/fuzz/total-mismatch-optional-fewer.bin).
    let optional_of = |base: &CountReading| {
        readings
            .iter()
            .find(|x| {
                x.policy.optional
                    && x.policy.cancelled == base.policy.cancelled
                    && x.basis == base.basis
            })
            .and_then(|with| value(tally, with).checked_sub(value(tally, base)))
    };
    let agrees = |x: &CountReading| match optional {
        Some(o) => {
            !x.policy.optional && value(tally, x) == figure.value && optional_of(x) == Some(o.value)
        }
        None => value(tally, x) == figure.value,
    };
    // A total of a kind counts every unit of it, also those without work to read a state
    // from (`### T005` with no boxes): `Total Tasks: 19` over 19 task headings.
    let every_unit = (tally == Tally::Total && optional.is_none())
        .then(|| noun.and_then(kind_of))
        .flatten()
        .map(|k| r.kinded_units(scope, &k).len() as u64)
        .filter(|&n| n > 0);
    if readings.is_empty() || readings.iter().any(agrees) || every_unit == Some(figure.value) {
        return None;
    }
    let best = if optional.is_some() {
        *without.first()?
    } else {
        readings.first()?
    };
    let right = value(tally, best);
    // Another basis under the same policy (the leaves, not the top items) that gives
    // another figure leaves more than one reading: the figure to write is not evident.
    let evident = matches!(best.basis, Basis::Kind(_))
        || readings
            .iter()
            .filter(|x| x.policy == best.policy)
            .all(|x| value(tally, x) == right);
    let mut edits = Vec::new();
    if right != figure.value && evident && every_unit.is_none_or(|n| n == right) {
        edits.push(Edit::safe(figure.span.clone(), right.to_string()));
    }
    if let (Some(o), Some(n)) = (optional, optional_of(best))
        && o.value != n
    {
        edits.push(Edit::safe(o.span.clone(), n.to_string()));
    }
    let what = best.basis.describe(best.total);
    let scope_label = r.name(scope);
    let message = format!(
        "declared {}, but {scope_label} has {} {what}: {} done, {} in progress, {} not started",
        figure.value, best.total, best.done, best.in_progress, best.open
    );
    Some(Diagnostic::new(&RULE, figure.span.clone(), message).with_edits(edits))
}

/// The unit that holds every unit the rows of a count table name (`| Fase 0 | 13 |` …
/// `| Fase 4 | 18 |`): what its total row counts.
fn table_scope(ctx: &Context, total: &Claim) -> Option<UnitIdx> {
    let r = ctx.resolver;
    let named: Vec<UnitIdx> = ctx
        .doc
        .claims
        .iter()
        .filter(|c| c.group == total.group && matches!(c.subject, Subject::Named(_)))
        .filter_map(|c| r.claim_scopes(c).first().copied())
        .collect();
    let first = *named.first()?;
    let mut scope = ctx.doc.unit(first).parent?;
    while !named.iter().all(|&u| r.is_ancestor(scope, u)) {
        scope = ctx.doc.unit(scope).parent?;
    }
    Some(scope)
}

/// A declared total of time against the durations of its section's parts: every part must
/// carry one (`### 16. Dashboard (8-12 hours)`, a row's Effort cell), and there must be two.
fn check_time_total(
    ctx: &Context,
    claim: &Claim,
    total: &Duration,
    span: &std::ops::Range<usize>,
) -> Option<Diagnostic> {
    let Subject::Unit(scope) = claim.subject else {
        return None;
    };
    let parts: Vec<&Unit> = ctx
        .doc
        .unit(scope)
        .children
        .iter()
        .map(|&c| ctx.doc.unit(c))
        .collect();
    let durations: Vec<Duration> = parts.iter().filter_map(|u| u.duration).collect();
    if durations.len() < 2 || durations.len() != parts.len() {
        return None;
    }
    let (min, max) = durations
        .iter()
        .fold((0.0, 0.0), |(a, b), d| (a + d.min, b + d.max));
    let same = |x: f64, y: f64| (x - y).abs() < 1e-6;
    if same(min, total.min) && same(max, total.max) {
        return None;
    }
    let calendar = ctx.vocab.calendar;
    let show = |d: &Duration| format_duration(d.min, d.max, d.unit, calendar);
    let sum = format_duration(min, max, total.unit, calendar);
    // `(8-12 + 10-15 + 6-10)` when every part is shown in the sum's unit.
    let word = sum.rsplit(' ').next().unwrap_or_default();
    let shown: Vec<String> = durations.iter().map(show).collect();
    let bare = |t: &str| {
        let stem = word.trim_end_matches('s');
        let b = t.strip_suffix(word).or(t.strip_suffix(stem))?;
        Some(b.trim_end().to_string())
    };
    let terms: Vec<String> = match shown.iter().map(|t| bare(t)).collect::<Option<Vec<_>>>() {
        Some(terms) => terms,
        None => shown,
    };
    let message = format!(
        "declared {} in total, but the {} parts of {} add up to {sum} ({})",
        show(total),
        durations.len(),
        ctx.resolver.name(scope),
        terms.join(" + ")
    );
    // The figures a total is written in may be repeated in other units beside it
    // (`80-120 hours (10-15 days)`): the fix is offered, not applied unasked.
    Some(
        Diagnostic::new(&RULE, span.clone(), message)
            .with_edits(vec![Edit::unsafe_(span.clone(), sum)]),
    )
}
