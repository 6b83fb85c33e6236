//! Dependencies, durations and declared critical paths (SPEC section 5).

use super::ids::normalize_number;
use super::scan::{Cursor, Span, boundary, is_space, is_word};
use crate::model::{Reference, Target, UnitId};
use crate::vocab::kinds::{self, kind_of};
use crate::vocab::labels;
use compact_str::CompactString;

/// One reference in a declaration: where it ends, its kind word or letter, its number and
/// the number a range runs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Atom {
    kind: Option<Span>,
    number: Span,
    to: Option<Span>,
}

/// `(\d+(?:\.\d+)*)(?:\s*[-–]\s*(?:[ET])?(\d+(?:\.\d+)*))?\b` from `c`.
fn atom_number(c: &Cursor, kind: Option<Span>) -> Option<(usize, Atom)> {
    for end in c.dotted_ends() {
        let number = (c.at, end);
        let mut r = Cursor { s: c.s, at: end };
        if r.spaces().byte(b'-') || r.lit("–") {
            r.spaces();
            let _ = r.byte(b'E') || r.byte(b'T');
            for to_end in r.dotted_ends() {
                if boundary(c.s, to_end) {
                    let to = Some((r.at, to_end));
                    return Some((to_end, Atom { kind, number, to }));
                }
            }
        }
        if boundary(c.s, end) {
            return Some((
                end,
                Atom {
                    kind,
                    number,
                    to: None,
                },
            ));
        }
    }
    None
}

/// `(?i)\b(?:(phase|...|step)s?\s+#?|((?-i)[ET]))?(\d+(?:\.\d+)*)(?:\s*[-–]\s*(?:(?-i)[ET])?(\d+(?:\.\d+)*))?\b`.
fn atom_at(text: &str, at: usize) -> Option<(usize, Atom)> {
    let c = Cursor::new(text, at);
    let mut k = c;
    if let Some(i) = k.one_of_ci(kinds::dependency_words()) {
        let kind = Some((at, at + kinds::dependency_words()[i].len()));
        let mut plural = k;
        let found = [
            (plural.byte(b's') || plural.byte(b'S')).then_some(plural),
            Some(k),
        ];
        for mut p in found.into_iter().flatten() {
            if p.spaces1() {
                p.byte(b'#');
                if let Some(m) = atom_number(&p, kind) {
                    return Some(m);
                }
            }
        }
    }
    let mut l = c;
    if (l.byte(b'E') || l.byte(b'T'))
        && let Some(m) = atom_number(&l, Some((at, at + 1)))
    {
        return Some(m);
    }
    atom_number(&c, None)
}

/// Every reference in `text`, left to right: where it starts and ends, and its parts.
fn atom_matches(text: &str) -> impl Iterator<Item = (usize, (usize, Atom))> + '_ {
    let starts = |s: &[u8], i: usize| is_word(s[i]) && boundary(s, i);
    super::scan::find_all(text, starts, |t, i| {
        atom_at(t, i).map(|(end, a)| (end, (end, a)))
    })
}

/// `(?i)^\W*all\s+(?:(?:previous|prior|earlier)\s+(\w+)|complete\b|done\b)`: where the
/// phrase ends and the kind word it names.
fn all_previous(text: &str) -> Option<(usize, Option<Span>)> {
    let mut c = Cursor::new(text, 0);
    while c.peek().is_some_and(|b| !is_word(b)) {
        c.at += 1;
    }
    if !(c.lit_ci("all") && c.spaces1()) {
        return None;
    }
    let mut p = c;
    if p.one_of_ci(labels::EARLIER).is_some() && p.spaces1() {
        let from = p.at;
        while p.peek().is_some_and(is_word) {
            p.at += 1;
        }
        if p.at > from {
            return Some((p.at, Some((from, p.at))));
        }
    }
    labels::ALL_DONE.iter().find_map(|w| {
        let mut t = c;
        (t.lit_ci(w) && t.boundary()).then_some((t.at, None))
    })
}

/// `\]\(([^)\s]+\.(?:md|markdown))(?:#[^)]*)?\)`: links to other Markdown files.
fn links(text: &str) -> impl Iterator<Item = Span> + '_ {
    super::scan::find_all_at(text, b']', |t, i| {
        let s = t.as_bytes();
        if s.get(i + 1) != Some(&b'(') {
            return None;
        }
        let from = i + 2;
        let run_end = from
            + s[from..]
                .iter()
                .take_while(|&&b| b != b')' && !is_space(b))
                .count();
        let close = t[run_end..].find(')').map(|j| run_end + j);
        // The path is the longest run that ends in an extension the rest can follow.
        (from + 1..run_end).rev().find_map(|k| {
            let ext = [".md", ".markdown"].iter().find_map(|e| {
                let end = k + e.len();
                let fits = end <= run_end && s[k..].starts_with(e.as_bytes());
                let rest = fits.then(|| match s.get(end) {
                    Some(b')') => Some(end + 1),
                    Some(b'#') => close.map(|c| c + 1),
                    _ => None,
                });
                rest.flatten().map(|after| (end, after))
            })?;
            Some((ext.1, (from, ext.0)))
        })
    })
    .map(|(_, path)| path)
}

/// Whether a label names a dependency declaration, and which way it points.
pub fn dependency_label(label: &str) -> Option<crate::model::Direction> {
    let label = label.trim().trim_end_matches(':').trim();
    let is = |words: &[&str]| words.iter().any(|w| label.eq_ignore_ascii_case(w));
    if is(labels::BLOCKS) {
        Some(crate::model::Direction::Blocks)
    } else {
        is(labels::DEPENDS_ON).then_some(crate::model::Direction::DependsOn)
    }
}

/// `None`, `-`, `N/A`, `None (final epic)`: no edge.
fn is_none(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| c == '*' || c == '_' || c == '`')
        .trim()
        .to_lowercase();
    let head = t.split(['(', ' ']).next().unwrap_or("");
    t.is_empty() || labels::NO_DEPENDENCY.contains(&head)
}

/// The references in a declaration's text. A bare number counts only when it is dotted
/// (`1.2`) or follows a kinded one in the same list (`Epic 01, 02`); a parenthesis that lists
/// ids replaces the words before it (`All Phase 1 tasks (1.1, 1.2)`).
pub fn references(text: &str, base: usize, default_kind: Option<&str>) -> Vec<Reference> {
    if is_none(text) {
        return Vec::new();
    }
    if let Some((end, word)) = all_previous(text) {
        let kind = word.and_then(|(s, e)| kind_of(&text[s..e]));
        return vec![Reference {
            target: Target::AllPrevious(kind),
            span: base..base + end,
        }];
    }
    let (outside, inside) = split_parentheses(text);
    let lists_ids = |&(s, e): &Span| {
        only_ids(&text[s..e]) && !atoms(&text[s..e], base + s, default_kind).is_empty()
    };
    let chosen = if inside.iter().any(lists_ids) {
        inside.into_iter().filter(lists_ids).collect()
    } else {
        outside
    };
    let mut refs: Vec<Reference> = chosen
        .iter()
        .flat_map(|(s, e)| atoms(&text[*s..*e], base + s, default_kind))
        .collect();
    if refs.is_empty() {
        refs.extend(links(text).map(|(s, e)| Reference {
            target: Target::File(text[s..e].to_string()),
            span: base + s..base + e,
        }));
    }
    refs
}

/// Whether a text is nothing but ids and separators: `1.1, 1.2 and 1.3`.
fn only_ids(text: &str) -> bool {
    let mut rest = String::with_capacity(text.len());
    let mut last = 0;
    for (start, (end, _)) in atom_matches(text) {
        rest.push_str(&text[last..start]);
        last = end;
    }
    rest.push_str(&text[last..]);
    rest.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '&' | '+' | '/'))
        .all(|w| w.is_empty() || w.eq_ignore_ascii_case("and"))
}

/// Byte ranges of `text` outside and inside parentheses.
fn split_parentheses(text: &str) -> (Vec<Span>, Vec<Span>) {
    let (mut outside, mut inside) = (Vec::new(), Vec::new());
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in text.char_indices() {
        match c {
            '(' => {
                if depth == 0 {
                    outside.push((start, i));
                    start = i + 1;
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    inside.push((start, i));
                    start = i + 1;
                }
            }
            _ => {}
        }
    }
    let end = (start, text.len());
    if depth == 0 {
        outside.push(end)
    } else {
        inside.push(end)
    }
    (outside, inside)
}

pub(super) fn atoms(text: &str, base: usize, default_kind: Option<&str>) -> Vec<Reference> {
    let mut out = Vec::new();
    let mut kind: Option<CompactString> = None;
    for (start, (end, atom)) in atom_matches(text) {
        let explicit = atom.kind.and_then(|(s, e)| match &text[s..e] {
            letter if letter.len() == 1 => {
                Some(CompactString::const_new(kinds::kind_of_letter(letter)))
            }
            word => kind_of(word),
        });
        let number = &text[atom.number.0..atom.number.1];
        if explicit.is_some() {
            kind = explicit;
        } else if kind.is_none() && !number.contains('.') && default_kind.is_none() {
            continue;
        }
        let kind = kind.clone().or_else(|| {
            (!number.contains('.'))
                .then(|| default_kind.map(CompactString::from))
                .flatten()
        });
        let span = base + start..base + end;
        for n in expand(number, atom.to.map(|(s, e)| &text[s..e])) {
            let target = Target::Id(UnitId {
                kind: kind.clone(),
                number: n,
            });
            out.push(Reference {
                target,
                span: span.clone(),
            });
        }
    }
    out
}

/// `07-10` → 7, 8, 9, 10; `1.1-1.4` → 1.1 … 1.4. Only the last component counts up.
fn expand(from: &str, to: Option<&str>) -> Vec<CompactString> {
    let from = normalize_number(from);
    let Some(to) = to.map(normalize_number) else {
        return vec![from];
    };
    let (prefix, first) = from
        .rsplit_once('.')
        .map_or(("", from.as_str()), |(p, l)| (p, l));
    let last = to.rsplit_once('.').map_or(to.as_str(), |(_, l)| l);
    match (first.parse::<u32>(), last.parse::<u32>()) {
        (Ok(a), Ok(b)) if a <= b && b - a < 500 => (a..=b)
            .map(|n| {
                if prefix.is_empty() {
                    compact_str::format_compact!("{n}")
                } else {
                    compact_str::format_compact!("{prefix}.{n}")
                }
            })
            .collect(),
        _ => vec![from],
    }
}

#[cfg(test)]
mod tests;
