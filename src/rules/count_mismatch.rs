//! `count-mismatch`: a count or size claim disagrees with the units it counts.

use super::rule::{Context, Fixable, Rule};
use crate::diagnostic::{Diagnostic, Edit};
use crate::model::{Claim, ClaimKind, Figure, Site, Subject};
use crate::resolve::Readings;

pub(crate) static RULE: Rule = Rule {
    code: "TRK001",
    name: "count-mismatch",
    summary: "A count or size claim disagrees with the units it counts",
    fixable: Fixable::Safe,
    doc: include_str!("../../docs/rules/count-mismatch.md"),
    check: super::rule::Check::Document(|ctx| super::rule::each_claim(ctx, check_claim)),
};

fn check_claim(ctx: &Context, claim: &Claim) -> Option<Diagnostic> {
    if claim.approx {
        return None;
    }
    let (done, total, noun, list_len, alone) = match &claim.kind {
        ClaimKind::Count {
            done,
            total,
            noun,
            alone,
        } => (Some(done), total, noun.as_deref(), None, *alone),
        ClaimKind::Size {
            total,
            noun,
            list_len,
        } => (None, total, Some(noun.as_str()), *list_len, false),
        ClaimKind::IdRange {
            figure,
            noun,
            letters,
            first,
            last,
            digits,
        } => return check_range(ctx, figure, noun, letters, (*first, *last, *digits)),
        _ => return None,
    };
    let scopes = ctx.resolver.claim_scopes(claim);
    let any_noun = claim.site == Site::Heading || noun.is_none();
    let readings = ctx.resolver.count_readings(&scopes, noun, any_noun);
    if readings.all.is_empty() {
        return list_len
            .filter(|&n| n != total.value)
            .map(|n| list_finding(total, n));
    }
    let own_total = readings.all.iter().any(|r| r.total == total.value);
    if readings.agrees(done.map(|d| d.value), total.value)
        || scopes.iter().any(|&s| ctx.resolver.has_unread_part(s))
        || alone && !own_total
    {
        return None;
    }
    match shares(ctx, claim) {
        // The headings split the total between them: each holds its share.
        Some(sum) if sum == total.value => None,
        // They share a total they do not add up to: which figure is wrong is not evident.
        Some(sum) => {
            let mut d = finding(ctx, done, total, noun, &readings);
            d.edits.clear();
            d.message.push_str(&format!(
                " (the headings beside it share the total {} and add up to {sum})",
                total.value
            ));
            Some(d)
        }
        None => Some(finding(ctx, done, total, noun, &readings)),
    }
}

fn finding(
    ctx: &Context,
    done: Option<&Figure>,
    total: &Figure,
    noun: Option<&str>,
    readings: &Readings,
) -> Diagnostic {
    let r = readings
        .evident_where(|r| r.total == total.value)
        .expect("readings are not empty");
    let scope = ctx.resolver.name(r.scope);
    let what = r.basis.describe(r.total);
    let noun = noun.map_or(String::new(), |n| format!(" {n}"));
    let (message, span) = match done {
        Some(d) => (
            format!(
                "declared {}/{}, but {} of {} {what} under {scope} are done",
                d.value, total.value, r.done, r.total
            ),
            d.span.start..total.span.end,
        ),
        None => (
            format!(
                "declared {}{noun}s, but {scope} has {} {what}",
                total.value, r.total
            ),
            total.span.clone(),
        ),
    };
    let mut edits = Vec::new();
    if let Some(d) = done.filter(|d| d.value != r.done) {
        edits.push(Edit::safe(d.span.clone(), r.done.to_string()));
    }
    if total.value != r.total {
        edits.push(Edit::safe(total.span.clone(), r.total.to_string()));
    }
    Diagnostic::new(&RULE, span, message).with_edits(edits)
}

fn list_finding(total: &Figure, n: u64) -> Diagnostic {
    let message = format!(
        "declared {}, but the list after it has {n} entries",
        total.value
    );
    Diagnostic::new(&RULE, total.span.clone(), message)
        .with_edits(vec![Edit::safe(total.span.clone(), n.to_string())])
}

/// A heading's count read as its section's share of a total that sibling headings split
/// between them (`## Done (16/60)`, `## In progress (0/60)`, `## Open (44/60)`): when two
/// or more sibling headings declare counts of the same total, the sum of their first
/// figures. Such a count says how many of the document's units the section holds, not how
/// many of its own are done.
fn shares(ctx: &Context, claim: &Claim) -> Option<u64> {
    let (Site::Heading, Subject::Unit(unit)) = (claim.site, &claim.subject) else {
        return None;
    };
    let ClaimKind::Count { total, .. } = &claim.kind else {
        return None;
    };
    let mut shares = 0;
    let mut sum = 0u64;
    for c in ctx.resolver.sibling_heading_claims(*unit) {
        if let ClaimKind::Count { done, total: t, .. } = &c.kind
            && t.value == total.value
        {
            shares += 1;
            sum += done.value;
        }
    }
    (shares >= 2).then_some(sum)
}

/// `6 tasks (T001-T006)`: the count must be the ids the range spans, or those of them the
/// document lists (a range with a number left out or one added, `T038a`).
fn check_range(
    ctx: &Context,
    figure: &Figure,
    noun: &str,
    letters: &str,
    (first, last, digits): (u64, u64, usize),
) -> Option<Diagnostic> {
    let spanned = last - first + 1;
    // Only ids written with a kind's letter (`T012`, `E03`) are units the document can list.
    let kind = crate::vocab::kinds::KIND_NOUNS
        .iter()
        .find(|k| k.letter.is_some_and(|l| letters.as_bytes() == [l]))
        .map(|k| k.noun);
    let listed = kind.map(|kind| {
        ctx.resolver
            .entities()
            .iter()
            .filter_map(|e| e.id.as_ref())
            .filter(|id| {
                id.kind.as_deref() == Some(kind)
                    && id
                        .number
                        .parse::<u64>()
                        .is_ok_and(|n| (first..=last).contains(&n))
            })
            .count() as u64
    });
    if figure.value == spanned || listed == Some(figure.value) {
        return None;
    }
    let listed_text = listed.map_or(String::new(), |n| {
        format!(", and the document lists {n} of them")
    });
    let message = format!(
        "declared {} {noun}s, but {letters}{first:0digits$} to {letters}{last:0digits$} span {spanned} ids{listed_text}",
        figure.value,
    );
    let mut d = Diagnostic::new(&RULE, figure.span.clone(), message);
    // One reading is evident when the document lists every id the range spans.
    if listed.is_none_or(|n| n == spanned) {
        d = d.with_edits(vec![Edit::safe(figure.span.clone(), spanned.to_string())]);
    }
    Some(d)
}
