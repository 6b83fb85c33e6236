//! `percent-mismatch`: a percentage disagrees with the computed progress.

use super::figures::{format_percent, percent_agrees, share_finding};
use super::rule::{Context, Fixable, Rule};
use super::status_drift;
use crate::diagnostic::{Diagnostic, Edit};
use crate::model::{Claim, ClaimKind, Percent, Site, Subject, UnitKind};

pub(crate) static RULE: Rule = Rule {
    code: "TRK002",
    name: "percent-mismatch",
    summary: "A percentage disagrees with the computed progress",
    fixable: Fixable::Safe,
    doc: include_str!("../../docs/rules/percent-mismatch.md"),
    check: super::rule::Check::Document(|ctx| super::rule::each_claim(ctx, check_claim)),
};

/// The progress a fix would write (a fraction) and how it was found.
struct Evident {
    value: f64,
    why: String,
}

fn check_claim(ctx: &Context, claim: &Claim) -> Option<Diagnostic> {
    let percent = match &claim.kind {
        ClaimKind::Percent { percent } => percent,
        // A count of units the document has (`12.5% (1 of 8 phases complete)` over eight
        // phase sections) is checked itself, and the percentage with it.
        ClaimKind::Ratio { percent, .. } if counted_beside(ctx, claim, percent) => percent,
        ClaimKind::Ratio {
            percent,
            done,
            total,
        } => return check_ratio(claim, percent, *done, *total),
        _ => return None,
    };
    if status_drift::row_status_drifts(ctx, claim) {
        return None;
    }
    let r = ctx.resolver;
    let scopes = r.claim_scopes(claim);
    // A figure in an item's own text (`- [x] Core tests pass (97.5% - 39/40)`) measures
    // something the item does not list: its box is no reading of it.
    if scopes.iter().all(|&u| is_leaf_item(ctx, u))
        || share_of_the_whole(ctx, claim)
        || restates_the_unit(ctx, claim, percent, &scopes)
    {
        return None;
    }
    let agrees =
        |lo: f64, hi: f64| percent_agrees(percent.value, percent.decimals, claim.approx, lo, hi);
    if scopes.iter().any(|&scope| r.progress_agrees(scope, agrees)) {
        return None;
    }
    let mut readings: Vec<(f64, f64)> = Vec::new();
    let mut evident = companion(ctx, claim, percent, &scopes, &mut readings);
    if evident.is_none() {
        evident = neighbours(ctx, claim, &mut readings);
    }
    // The scopes' own progress was read above; the companion's and the neighbours'
    // readings are new here.
    if readings.iter().any(|&(lo, hi)| agrees(lo, hi)) {
        return None;
    }
    // Nothing to read the claim against: unverifiable, not wrong.
    if readings.is_empty() && !scopes.iter().any(|&scope| r.has_progress(scope)) {
        return None;
    }
    let evident = evident.or_else(|| structural(ctx, scopes.first().copied()?));
    let (why, edits) = match evident {
        Some(e) => {
            let text = format_percent(e.value * 100.0, percent.decimals);
            (
                e.why.replace("{pct}", &text),
                vec![Edit::safe(percent.span.clone(), text)],
            )
        }
        None => (
            "no reading of its units gives that figure".to_string(),
            Vec::new(),
        ),
    };
    let declared = &ctx.doc.source.text[percent.span.clone()];
    let approx = if claim.approx { "~" } else { "" };
    let message = format!("declared {approx}{declared}%, but {why}");
    Some(Diagnostic::new(&RULE, percent.span.clone(), message).with_edits(edits))
}

/// A percentage beside its own count in a noun the items do not count: only the count is
/// its basis (`75% (19/25 story points)` is 76%).
fn check_ratio(claim: &Claim, percent: &Percent, done: u64, total: u64) -> Option<Diagnostic> {
    share_finding(&RULE, claim, percent, (done, total), |share| {
        format!("the count beside it, {done}/{total}, is {share}%")
    })
}

/// Whether the count right after the percentage is one the document's units can check.
fn counted_beside(ctx: &Context, claim: &Claim, percent: &Percent) -> bool {
    companion_count(ctx, claim, percent).is_some_and(|(_, noun)| {
        let scopes = ctx.resolver.claim_scopes(claim);
        !ctx.resolver
            .count_readings(&scopes, noun.as_deref(), false)
            .all
            .is_empty()
    })
}

/// The total and noun of a count right after the percentage, as in `0% (0/9 sub-tasks)`.
fn companion_count(
    ctx: &Context,
    claim: &Claim,
    percent: &Percent,
) -> Option<(u64, Option<String>)> {
    ctx.resolver
        .claims_on_line(claim.line)
        .find_map(|c| match &c.kind {
            ClaimKind::Count {
                done, total, noun, ..
            } if c.group == claim.group
                && done.span.start > percent.span.end
                && done.span.start - percent.span.end < 24 =>
            {
                Some((total.value, noun.clone()))
            }
            _ => None,
        })
}

/// A count right after the percentage gives its unit: `0% (0/9 sub-tasks)`.
fn companion(
    ctx: &Context,
    claim: &Claim,
    percent: &Percent,
    scopes: &[usize],
    readings: &mut Vec<(f64, f64)>,
) -> Option<Evident> {
    let (total, noun) = companion_count(ctx, claim, percent)?;
    let counted = ctx.resolver.count_readings(scopes, noun.as_deref(), true);
    readings.extend(counted.ratio_ranges());
    let best = counted.evident_where(|r| r.total == total)?;
    let what = best.basis.describe(best.total);
    Some(Evident {
        value: best.ratio()?,
        why: format!("{} of {} {what} are done ({{pct}}%)", best.done, best.total),
    })
}

/// Tallies beside the percentage name its unit: `Total Sub-tasks:` above `Overall Progress:`.
fn neighbours(ctx: &Context, claim: &Claim, readings: &mut Vec<(f64, f64)>) -> Option<Evident> {
    let tally = ctx.resolver.group_tally(claim.group)?;
    let (
        ClaimKind::Tally {
            noun: Some(noun), ..
        },
        Subject::Unit(start),
    ) = (&tally.kind, &tally.subject)
    else {
        return None;
    };
    let start = *start;
    let scope = ctx.resolver.tally_scope(start, Some(noun));
    let counted = ctx.resolver.count_readings(&[scope], Some(noun), true);
    readings.extend(counted.ratio_ranges());
    let best = counted.evident()?;
    let what = best.basis.describe(best.total);
    Some(Evident {
        value: best.ratio()?,
        why: format!("{} of {} {what} are done ({{pct}}%)", best.done, best.total),
    })
}

/// A unitless percentage: the scope's direct units, each weighted equally (org-mode).
fn structural(ctx: &Context, scope: usize) -> Option<Evident> {
    let r = ctx.resolver;
    let policy = r.counting.primary();
    let value = r.scope_eval(scope, policy)?.exact()?;
    let (n, done, noun) = r.progress_basis(scope, policy);
    let label = r.name(scope);
    Some(Evident {
        value,
        why: format!("the {n} {noun} of {label} average {{pct}}% ({done} done)"),
    })
}

/// Whether a percentage written away from the unit it names (`- Sprint 2 done (91%)` in a
/// summary) repeats the figure the unit's own heading or the lines under it declare
/// (`**Status:** done (33h/36h - 91%)`): it says what the unit says of itself, on the basis
/// given there, and is no claim of its own.
fn restates_the_unit(ctx: &Context, claim: &Claim, percent: &Percent, scopes: &[usize]) -> bool {
    /// How many lines under a heading are read as its own: its status and progress fields.
    const HEADER_LINES: usize = 6;
    if !matches!(claim.subject, Subject::Named(_)) {
        return false;
    }
    let source = &ctx.doc.source;
    let declared = &source.text[percent.span.clone()];
    scopes.iter().any(|&scope| {
        let unit = ctx.doc.unit(scope);
        let first_child = unit.children.first().map(|&c| ctx.doc.unit(c).line);
        let last = first_child.map_or(unit.line + HEADER_LINES, |l| l.saturating_sub(1));
        let last = last.min(unit.line + HEADER_LINES).min(source.line_count());
        unit.line != claim.line
            && (unit.line..=last).any(|l| says_percent(source.line_text(l), declared))
    })
}

/// Whether `line` holds the figure `declared` as a percentage (`91%`, not `191%`).
fn says_percent(line: &str, declared: &str) -> bool {
    line.match_indices(declared).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        line[at + declared.len()..].starts_with('%')
            && before.is_none_or(|ch| !ch.is_ascii_digit() && ch != '.')
    })
}

/// An item without sub-items.
fn is_leaf_item(ctx: &Context, unit: usize) -> bool {
    let u = ctx.doc.unit(unit);
    u.kind == UnitKind::Item && u.children.is_empty()
}

/// Whether a heading's percentage is its section's share of the whole, split between sibling
/// headings whose percentages add up to 100 (`## ✅ Done (85%)`, `## ⏳ In progress (15%)`):
/// each says how much of the work the section holds, not how far the section has come.
fn share_of_the_whole(ctx: &Context, claim: &Claim) -> bool {
    let (Site::Heading, Subject::Unit(unit)) = (claim.site, &claim.subject) else {
        return false;
    };
    let mut shares = 0;
    let mut sum = 0.0;
    for c in ctx.resolver.sibling_heading_claims(*unit) {
        if let ClaimKind::Percent { percent } = &c.kind {
            shares += 1;
            sum += percent.value;
        }
    }
    shares >= 2 && (sum - 100.0).abs() <= 1.0
}
