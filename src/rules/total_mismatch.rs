//! `total-mismatch`: Total / Completed / In Progress / Not Started lines, table TOTAL rows,
//! and "N total" figures over listed parts disagree with their parts.

use super::figures::{format_percent, percent_agrees};
use super::rule::{Context, Fixable, Rule};
use crate::diagnostic::{Diagnostic, Edit};
use crate::model::{Claim, ClaimKind, Figure, Subject, Tally};
use crate::resolve::CountReading;

pub(crate) static RULE: Rule = Rule {
    code: "TRK003",
    name: "total-mismatch",
    summary: "A total disagrees with the parts it sums",
    fixable: Fixable::Safe,
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
        ClaimKind::SumPercent {
            percent,
            done,
            total,
        } => {
            let fraction = if *total == 0 {
                return None;
            } else {
                *done as f64 / *total as f64
            };
            if percent_agrees(
                percent.value,
                percent.decimals,
                claim.approx,
                fraction,
                fraction,
            ) {
                return None;
            }
            let text = format_percent(fraction * 100.0, percent.decimals);
            let message = format!(
                "declared {}%, but the columns above sum to {done} of {total} ({text}%)",
                percent.value
            );
            Some(
                Diagnostic::new(&RULE, percent.span.clone(), message)
                    .with_edits(vec![Edit::safe(percent.span.clone(), text)]),
            )
        }
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
    let Subject::Unit(start) = claim.subject else {
        return None;
    };
    let r = ctx.resolver;
    let scope = r.tally_scope(start, noun);
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
    if readings.is_empty() || readings.iter().any(agrees) {
        return None;
    }
    let best = if optional.is_some() {
        *without.first()?
    } else {
        readings.first()?
    };
    let right = value(tally, best);
    let mut edits = Vec::new();
    if right != figure.value {
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
