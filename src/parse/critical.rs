//! Declared critical paths: `1.1 → 1.2 → 1.5 (Total: 4.5-6.5 days)`.

use super::deps::atoms;
use super::durations::duration;
use super::scan::{Cursor, Span, is_word};
use crate::model::{Reference, Target};
use crate::vocab::Calendar;
use compact_str::CompactString;

/// `(?i)^\W*critical path\W*`: where the text after the label starts.
fn critical_label(line: &str) -> Option<usize> {
    let mut c = Cursor::new(line, 0);
    let skip = |c: &mut Cursor| {
        while c.peek().is_some_and(|b| !is_word(b)) {
            c.at += 1;
        }
    };
    skip(&mut c);
    if !c.lit_ci("critical path") {
        return None;
    }
    skip(&mut c);
    Some(c.at)
}

/// `(?i)\(\s*total\s*:\s*([^)]*)\)`: where `(Total: ...)` starts and the span inside.
fn total(text: &str) -> Option<(usize, Span)> {
    super::scan::find_all_at(text, b'(', |t, i| {
        let mut c = Cursor::new(t, i + 1);
        if !(c.spaces().lit_ci("total") && c.spaces().byte(b':')) {
            return None;
        }
        let from = c.spaces().at;
        let end = from + t[from..].find(')')?;
        Some((end + 1, (from, end)))
    })
    .next()
}

/// Arrows between the steps of a chain, as written (garbled forms included).
const ARROWS: &[&str] = &["→", "‚Üí", "â†’", "->", "⟶", "=>"];

/// A declared critical path in `text` (the part after the label): steps, total, arrow.
pub fn chain(
    text: &str,
    base: usize,
    calendar: Calendar,
) -> Option<crate::model::CriticalPathDecl> {
    let arrow = ARROWS.iter().find(|a| text.contains(**a))?;
    let mut steps = Vec::new();
    let mut kind: Option<CompactString> = None;
    let mut offset = 0;
    let total_at = total(text).map_or(text.len(), |(at, _)| at);
    for part in text[..total_at].split(arrow) {
        let refs = atoms(part, base + offset, kind.as_deref());
        if let Some(Reference {
            target: Target::Id(id),
            span,
            ..
        }) = refs.into_iter().next()
        {
            kind = id.kind.clone().filter(|_| !id.number.contains('.'));
            steps.push((id, span));
        }
        offset += part.len() + arrow.len();
    }
    if steps.len() < 2 {
        return None;
    }
    let span = steps[0].1.start..steps[steps.len() - 1].1.end;
    let total = total(text).and_then(|(_, (s, e))| duration(&text[s..e], base + s, calendar));
    Some(crate::model::CriticalPathDecl {
        line: 0,
        steps,
        span,
        total,
        arrow: (*arrow).to_string(),
    })
}

/// The text after a `Critical Path` label at the start of a line, if the line has one.
pub fn after_critical_label(line: &str) -> Option<usize> {
    critical_label(line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::scan::oracle::{agree, groups};

    const SP: &[&str] = &["", " ", "  "];

    #[test]
    fn critical_paths_as_the_patterns() {
        let critical: &[&[&str]] = &[
            &["", "**", "## ", "🔥 ", "x"],
            &[
                "Critical Path",
                "critical path",
                "Critical  Path",
                "critical",
            ],
            &["", ":**", ": ", " → ", "x"],
            &["", "1.1 → 1.2"],
        ];
        agree(
            r"(?i)^\W*critical path\W*",
            critical,
            45,
            |re, l| re.find(l).map(|m| m.end()),
            critical_label,
        );
        let totals: &[&[&str]] = &[
            &["", "1.1 → 1.2 ", "("],
            &["(", ""],
            SP,
            &["Total", "total", "TOTAL", "Totals"],
            SP,
            &[":", ""],
            SP,
            &["4.5-6.5 days", "", "(x"],
            &[")", "", " )"],
        ];
        agree(
            r"(?i)\(\s*total\s*:\s*([^)]*)\)",
            totals,
            46,
            |re, l| groups(re, l).map(|g| (g[0].unwrap().0, g[1].unwrap())),
            total,
        );
    }

    #[test]
    fn chains() {
        let c = Calendar::default();
        let p = chain(" 1.1 → 1.2 → 1.4 → 1.5 (Total: 4.5-6.5 days)", 0, c).unwrap();
        let steps: Vec<String> = p.steps.iter().map(|(id, _)| id.to_string()).collect();
        assert_eq!(steps, ["1.1", "1.2", "1.4", "1.5"]);
        let (total, span, _) = p.total.unwrap();
        assert_eq!((total.min, total.max), (36.0, 52.0));
        assert_eq!(
            &" 1.1 → 1.2 → 1.4 → 1.5 (Total: 4.5-6.5 days)"[span],
            "4.5-6.5 days"
        );
        let garbled = chain("E01 ‚Üí E02 ‚Üí E03", 0, c).unwrap();
        assert_eq!(garbled.steps.len(), 3);
        assert_eq!(garbled.arrow, "‚Üí");
    }
}
