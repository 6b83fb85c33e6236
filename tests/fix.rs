//! `tracker fix` on the seeds: exactly the bytes tests/seeds/EXPECTED.md asks for (the oracles
//! in tests/seeds/fixed/ were written from its table, independently of `tracker`), the same
//! for CRLF and BOM variants, nothing more on a second run, and only findings without a safe
//! fix left over.

mod common;

use std::path::Path;

use tracker::fix::{Fixed, fix_text};
use tracker::pipeline::Settings;
use tracker::source::SourceFile;

/// Each seed and the lines its fix changes.
const SEEDS: &[(&str, &[usize])] = &[
    ("000_ff67d35669cf0d0b", &[]),
    ("001_55a3e97fab6ddf14", &[]),
    ("002_242a6cbad7f31881", &[]),
    (
        "003_0d13b72687c9cc93",
        &[
            10, 13, 14, 15, 394, 398, 556, 626, 936, 937, 938, 939, 947, 948, 950, 951,
        ],
    ),
    ("004_182c52a2c30351e5", &[6, 16, 19, 59]),
];

fn read(path: &str) -> String {
    std::fs::read_to_string(common::root().join(path)).expect("seed")
}

fn fix(text: &str, unsafe_fixes: bool) -> Fixed {
    let source = SourceFile::new(Path::new("seed.md"), text.to_string());
    fix_text(source, &Settings::default(), unsafe_fixes).expect("fixes settle")
}

fn changed_lines(a: &str, b: &str) -> Vec<usize> {
    assert_eq!(
        a.lines().count(),
        b.lines().count(),
        "fixes never add or remove lines"
    );
    a.lines()
        .zip(b.lines())
        .enumerate()
        .filter(|(_, (x, y))| x != y)
        .map(|(i, _)| i + 1)
        .collect()
}

#[test]
fn seeds_are_fixed_to_the_expected_bytes() {
    for (name, lines) in SEEDS {
        let original = read(&format!("fixtures/seeds/{name}.md"));
        let expected = read(&format!("tests/seeds/fixed/{name}.md"));
        let fixed = fix(&original, false);
        assert!(
            fixed.text == expected,
            "{name}: fixed text differs from tests/seeds/fixed/{name}.md"
        );
        if name.starts_with("000") {
            // Every line with a garbled character changes, and only those.
            let garbled: Vec<usize> = original
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.is_ascii())
                .map(|(i, _)| i + 1)
                .collect();
            assert_eq!(changed_lines(&original, &fixed.text), garbled);
        } else if name.starts_with("001") {
            let boxes: Vec<usize> = original
                .lines()
                .enumerate()
                .filter(|(_, l)| l.contains("[]"))
                .map(|(i, _)| i + 1)
                .collect();
            assert_eq!(changed_lines(&original, &fixed.text), boxes);
        } else {
            assert_eq!(changed_lines(&original, &fixed.text), *lines, "{name}");
        }
    }
}

#[test]
fn crlf_and_bom_variants_are_fixed_the_same_way() {
    for (name, _) in SEEDS {
        let original = read(&format!("fixtures/seeds/{name}.md"));
        let expected = read(&format!("tests/seeds/fixed/{name}.md"));
        let variants: [fn(&str) -> String; 3] = [
            |t| t.replace('\n', "\r\n"),
            |t| format!("\u{feff}{t}"),
            |t| format!("\u{feff}{}", t.replace('\n', "\r\n")),
        ];
        for variant in variants {
            let fixed = fix(&variant(&original), false);
            assert!(
                fixed.text == variant(&expected),
                "{name}: a CRLF or BOM variant is fixed differently"
            );
        }
    }
}

#[test]
fn a_second_fix_changes_nothing() {
    for (name, _) in SEEDS {
        let fixed = fix(&read(&format!("tests/seeds/fixed/{name}.md")), false);
        assert!(
            fixed.text == read(&format!("tests/seeds/fixed/{name}.md")),
            "{name}"
        );
        assert_eq!(fixed.applied, 0, "{name}");
    }
}

#[test]
fn only_findings_without_a_safe_fix_remain() {
    for (name, _) in SEEDS {
        let fixed = fix(&read(&format!("fixtures/seeds/{name}.md")), false);
        assert!(fixed.remaining.iter().all(|d| !d.has_safe_fix()), "{name}");
    }
    let remaining: Vec<usize> = fix(&read("fixtures/seeds/003_0d13b72687c9cc93.md"), false)
        .remaining
        .iter()
        .map(|d| d.span.start)
        .collect();
    assert_eq!(
        remaining.len(),
        3,
        "003 keeps only its three `Not Started` words"
    );
}

#[test]
fn unsafe_fixes_rewrite_the_status_words() {
    let original = read("fixtures/seeds/003_0d13b72687c9cc93.md");
    let fixed = fix(&original, true);
    for n in [937, 938, 939] {
        let line = fixed.text.lines().nth(n - 1).expect("line");
        assert!(line.ends_with("** - Complete"), "line {n}: {line}");
    }
    assert!(
        fixed.remaining.is_empty(),
        "{:?}",
        fixed
            .remaining
            .iter()
            .map(|d| &d.message)
            .collect::<Vec<_>>()
    );
    let table = fix(&read("fixtures/seeds/004_182c52a2c30351e5.md"), true);
    assert!(
        table
            .text
            .lines()
            .nth(15)
            .expect("line 16")
            .contains("| 🔴 | 0% |")
    );
}

/// A rule whose fix never settles: it flips `ping` and `pong` forever.
/// A rule whose fix undoes itself: `ping` becomes `pong`, and `pong` becomes `ping`.
fn flip(ctx: &tracker::rules::Context) -> Vec<tracker::diagnostic::Diagnostic> {
    use tracker::diagnostic::{Diagnostic, Edit};
    let text = &ctx.doc.source.text;
    ["ping", "pong"]
        .iter()
        .filter_map(|w| {
            text.find(w)
                .map(|at| (at, if *w == "ping" { "pong" } else { "ping" }))
        })
        .map(|(at, to)| {
            Diagnostic::new(&FLIP, at..at + 4, "flips").with_edits(vec![Edit::safe(at..at + 4, to)])
        })
        .collect()
}

static FLIP: tracker::rules::Rule = tracker::rules::Rule {
    code: "TST001",
    name: "flip",
    summary: "its fix undoes itself",
    fixable: tracker::rules::Fixable::Safe,
    doc: "",
    check: tracker::rules::Check::Document(flip),
};

/// A rule whose fix never ends: every `n=` figure wants one more.
fn grow(ctx: &tracker::rules::Context) -> Vec<tracker::diagnostic::Diagnostic> {
    use tracker::diagnostic::{Diagnostic, Edit};
    let text = &ctx.doc.source.text;
    let Some(at) = text.find("n=").map(|i| i + 2) else {
        return Vec::new();
    };
    let end = at + text[at..].bytes().take_while(u8::is_ascii_digit).count();
    let n: u64 = text[at..end].parse().unwrap_or(0);
    vec![
        Diagnostic::new(&GROW, at..end, "grows")
            .with_edits(vec![Edit::safe(at..end, (n + 1).to_string())]),
    ]
}

static GROW: tracker::rules::Rule = tracker::rules::Rule {
    code: "TST002",
    name: "grow",
    summary: "its fix never ends",
    fixable: tracker::rules::Fixable::Safe,
    doc: "",
    check: tracker::rules::Check::Document(grow),
};

fn fix_with(rule: &'static tracker::rules::Rule, text: &str) -> Fixed {
    let mut settings = Settings::default();
    settings
        .rules
        .enabled
        .push((rule, tracker::diagnostic::Severity::Error));
    let source = SourceFile::new(Path::new("x.md"), text.to_string());
    fix_text(source, &settings, false).expect("settles")
}

const STALE: &str = "# Plan\n\n## Phase 1 (0/2)\n\n- [x] Schema\n- [ ] API\n";

#[test]
fn an_edit_that_undoes_itself_is_set_aside_and_the_other_fixes_are_applied() {
    let text = format!("{STALE}\nping\n");
    let fixed = fix_with(&FLIP, &text);
    assert_eq!(fixed.text, text.replace("(0/2)", "(1/2)"));
    assert_eq!(fixed.applied, 1, "the count's fix");
    let remaining: Vec<_> = fixed.remaining.iter().map(|d| d.rule.name).collect();
    assert_eq!(remaining, ["flip"], "the flip's finding is kept");
}

#[test]
fn an_edit_that_never_ends_is_set_aside_and_the_other_fixes_are_applied() {
    let text = format!("{STALE}\nn=1\n");
    let fixed = fix_with(&GROW, &text);
    assert_eq!(fixed.text, text.replace("(0/2)", "(1/2)"));
    let remaining: Vec<_> = fixed.remaining.iter().map(|d| d.rule.name).collect();
    assert_eq!(remaining, ["grow"]);
}

#[test]
fn a_checkbox_status_cell_beside_work_in_progress_settles_with_the_other_fixes() {
    // The cell's fix writes `[ ]` for a phase in progress, and an empty box agrees with work
    // in progress, so the fix does not ask to be undone.
    let text = "# Plan\n\n| Phase | Status |\n|---|---|\n| Phase 1 | [x] |\n\n## Phase 1 (0/2)\n\n- [x] a\n- [ ] b\n";
    let fixed = fix(text, true);
    assert_eq!(
        fixed.text,
        text.replace("(0/2)", "(1/2)").replace("| [x] |", "| [ ] |")
    );
    assert!(fixed.remaining.is_empty(), "{:?}", fixed.remaining);
}

#[test]
fn a_percentage_is_read_whole_or_not_at_all() {
    // The last digits of a longer number are no percentage, so nothing is rewritten.
    let text = "# Plan\n\n## Phase 1 9999999999999999999956% (1/2)\n\n- [x] a\n- [ ] b\n";
    let fixed = fix(text, false);
    assert_eq!(fixed.text, text);
    assert!(fixed.remaining.is_empty(), "{:?}", fixed.remaining);
    // A figure too long to be a count is not read either (adding these overflowed).
    let text = "# Plan\n\n| Phase | Tasks |\n|---|---|\n| A | 18446744073709551615 |\n| B | 18446744073709551615 |\n| **TOTAL** | 1 |\n\n**Total Tasks:** 18446744073709551615\n";
    assert_eq!(fix(text, false).text, text);
}
