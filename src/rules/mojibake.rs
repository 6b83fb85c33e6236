//! `mojibake`: emoji and punctuation that went through a Mac Roman or Windows-1252 decode.
//! One finding per file, with a count and examples; the fix reverses each exact sequence.

use super::rule::{Context, Fixable, Rule};
use crate::diagnostic::{Diagnostic, Edit};
use crate::vocab::mojibake::Garbled;

pub(crate) static RULE: Rule = Rule {
    code: "TRK007",
    name: "mojibake",
    summary: "Characters garbled by a Mac Roman or Windows-1252 decode of UTF-8",
    fixable: Fixable::Safe,
    doc: include_str!("../../docs/rules/mojibake.md"),
    check: super::rule::Check::Document(check),
};

const EXAMPLES: usize = 4;

fn check(ctx: &Context) -> Vec<Diagnostic> {
    let garbled = &ctx.doc.garbled;
    let Some(first) = garbled.first() else {
        return Vec::new();
    };
    let text = &ctx.doc.source.text;
    let mut examples: Vec<String> = Vec::new();
    for run in runs(garbled) {
        let written = &text[run[0].span.start..run[run.len() - 1].span.end];
        let original: String = run.iter().map(|g| g.original).collect();
        let example = format!("`{written}` → `{original}`");
        if !examples.contains(&example) && examples.len() < EXAMPLES {
            examples.push(example);
        }
    }
    let n = garbled.len();
    let message = format!(
        "{n} garbled sequence{} (UTF-8 read as {}), e.g. {}",
        if n == 1 { "" } else { "s" },
        first.code_page.name(),
        examples.join(", ")
    );
    let edits = garbled
        .iter()
        .map(|g| Edit::safe(g.span.clone(), g.original.to_string()))
        .collect();
    vec![Diagnostic::new(&RULE, first.span.clone(), message).with_edits(edits)]
}

/// Adjacent sequences that make one character together (`⚠` and its variation selector).
fn runs(garbled: &[Garbled]) -> Vec<&[Garbled]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=garbled.len() {
        if i == garbled.len() || garbled[i].span.start != garbled[i - 1].span.end {
            out.push(&garbled[start..i]);
            start = i;
        }
    }
    out
}
