//! No input makes `tracker` panic: every fixture, mutated deterministically (markup, emoji
//! and table pipes spliced in, spans cut, text truncated), is parsed, checked and rendered.

mod common;
#[path = "common/props.rs"]
mod props;

use std::path::Path;

const PIECES: &[&str] = &[
    "🟢",
    "|",
    "**",
    "`",
    "[]",
    "[x]",
    "- ",
    "\n",
    "\r\n",
    "# ",
    "(3/5)",
    "50%",
    "~",
    "‚úÖ",
    "é",
    "\u{feff}",
    "| 🟢|",
    "<!-- tracker-disable -->",
    "**Status:** ",
    "Phase 2 ",
    "---\n",
    "```\n",
    "> ",
    "1. ",
    "|   |\n|---|\n",
];

fn mutate(text: &mut String, rng: &mut common::Rng) {
    for _ in 0..=rng.next() % 12 {
        let mut at = rng.next() % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        match rng.next() % 3 {
            0 => text.insert_str(at, PIECES[rng.next() % PIECES.len()]),
            1 => {
                let mut end = (at + rng.next() % 40).min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                text.replace_range(at..end, "");
            }
            _ => text.truncate(at),
        }
    }
}

#[test]
fn mutated_fixtures_never_panic() {
    let texts = common::fixture_texts();
    let mut rng = common::Rng(0x5eed);
    for round in 0..600 {
        let mut text = texts[round % texts.len()].clone();
        mutate(&mut text, &mut rng);
        props::check_renders(&text);
    }
}

#[test]
fn table_cells_ending_in_emoji_and_blank_cells() {
    let text =
        "| Task | Status |\n|---|---|\n| Task 1 |🟢|\n|   |   |\n|T2|\n\n## Task 1\n- [ ] a\n";
    let file = common::check_text(Path::new("t.md"), text.to_string());
    assert_eq!(file.diagnostics.len(), 1, "{:?}", file.diagnostics);
    assert_eq!(file.diagnostics[0].rule.name, "status-drift");
}
