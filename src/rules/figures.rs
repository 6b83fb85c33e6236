//! How rules compare and write figures.

/// Formats a figure as written: `66.7`, `50`.
pub(crate) fn format_percent(value: f64, decimals: u8) -> String {
    let scale = 10f64.powi(i32::from(decimals));
    let rounded = (value * scale + 0.5 + 1e-9).floor() / scale;
    let text = format!("{rounded:.*}", usize::from(decimals));
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// Whether a declared percentage agrees with a progress interval (fractions 0..=1).
pub(crate) fn percent_agrees(declared: f64, decimals: u8, approx: bool, lo: f64, hi: f64) -> bool {
    let tolerance = if approx {
        5.0 + 1e-9
    } else {
        10f64.powi(-i32::from(decimals)) - 1e-9
    };
    declared > lo * 100.0 - tolerance && declared < hi * 100.0 + tolerance
}

/// A percentage checked against the `done` of `total` written with it (a table's TOTAL row,
/// a count beside it): `None` when it agrees, else a finding whose message ends with
/// `basis(share)` and whose safe fix writes the share at the percentage's precision.
pub(crate) fn share_finding(
    rule: &'static super::rule::Rule,
    claim: &crate::model::Claim,
    percent: &crate::model::Percent,
    (done, total): (u64, u64),
    basis: impl FnOnce(&str) -> String,
) -> Option<crate::diagnostic::Diagnostic> {
    use crate::diagnostic::{Diagnostic, Edit};
    let fraction = (total > 0).then(|| done as f64 / total as f64)?;
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
    let message = format!("declared {}%, but {}", percent.value, basis(&text));
    Some(
        Diagnostic::new(rule, percent.span.clone(), message)
            .with_edits(vec![Edit::safe(percent.span.clone(), text)]),
    )
}

/// "lines 12, 14, 19 and 3 more".
pub(crate) fn lines_list(lines: &[usize]) -> String {
    const SHOWN: usize = 5;
    let shown: Vec<String> = lines.iter().take(SHOWN).map(usize::to_string).collect();
    let word = if lines.len() == 1 { "line" } else { "lines" };
    match lines.len().saturating_sub(SHOWN) {
        0 => format!("{word} {}", shown.join(", ")),
        more => format!("{word} {} and {more} more", shown.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_formatting() {
        assert_eq!(format_percent(50.0, 1), "50");
        assert_eq!(format_percent(200.0 / 3.0, 1), "66.7");
        assert_eq!(format_percent(68.0, 0), "68");
        assert_eq!(format_percent(12.5, 0), "13");
    }

    #[test]
    fn percent_tolerance() {
        assert!(percent_agrees(66.0, 0, false, 2.0 / 3.0, 2.0 / 3.0));
        assert!(percent_agrees(67.0, 0, false, 2.0 / 3.0, 2.0 / 3.0));
        assert!(!percent_agrees(12.5, 1, false, 0.5, 0.5));
        assert!(percent_agrees(12.5, 1, false, 0.125, 0.125));
        assert!(!percent_agrees(67.0, 0, false, 0.66, 0.66));
        assert!(percent_agrees(70.0, 0, true, 0.68, 0.68));
        assert!(!percent_agrees(25.0, 0, true, 0.68, 0.68));
    }
}
