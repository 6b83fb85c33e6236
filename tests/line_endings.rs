//! Line endings change nothing: every fixture and generated tracker, with its line breaks
//! mixed at random (`\n`, `\r\n`, a lone `\r`, line by line), has the findings it has with
//! `\n` breaks, and `fix` changes the same lines the same way, keeping each line's break.
//!
//! `TRACKER_PROPERTY_SECONDS=600 cargo test --release --test line_endings` keeps drawing
//! new mixes for that long (docs/testing.md records such runs).

mod common;
#[path = "common/props.rs"]
mod props;

use std::time::{Duration, Instant};

/// Every fixture, and generated trackers when the generator is beside this checkout.
fn documents() -> Vec<String> {
    let mut texts = common::fixture_texts();
    if common::generator().is_some() {
        let dir = std::env::temp_dir().join(format!("tracker-eol-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, _, _) in common::generate(&dir, 40, 7, &["--size-kb", "4"]) {
            texts.push(std::fs::read_to_string(path).expect("generated"));
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    texts
}

/// How long to keep drawing mixes: `TRACKER_PROPERTY_SECONDS`, else one round.
pub fn budget() -> Option<Duration> {
    std::env::var("TRACKER_PROPERTY_SECONDS")
        .ok()?
        .parse()
        .ok()
        .map(Duration::from_secs)
}

#[test]
fn findings_and_fixes_do_not_depend_on_line_endings() {
    let texts = documents();
    assert!(texts.len() >= 40, "only {} documents", texts.len());
    let mut rng = common::Rng(0x005e_ed1e);
    let (start, budget) = (Instant::now(), budget());
    let mut checked = 0;
    loop {
        for text in &texts {
            let choices: Vec<u8> = (0..64).map(|_| rng.next() as u8).collect();
            props::line_endings_do_not_matter(text, &choices);
            // One break style throughout, too.
            for style in [[1], [2]] {
                props::line_endings_do_not_matter(text, &style);
            }
            checked += 1;
        }
        if budget.is_none_or(|b| start.elapsed() >= b) {
            break;
        }
    }
    eprintln!("{checked} documents with mixed line endings");
}

#[test]
fn front_matter_ends_at_its_own_closing_line_whatever_the_breaks() {
    // Front matter with `\n` breaks, and a thematic break later with `\r\n`: what lies
    // between is the document, and is checked.
    let text = "---\ntitle: Plan\n---\n\n# Plan\n\n## Phase 1 (0/2)\n\n- [x] a\n- [ ] b\n\n---\r\n\n## Phase 2 (0/1)\n\n- [x] c\n";
    let lf = text.replace("\r\n", "\n");
    for t in [text, lf.as_str()] {
        let file = common::check_text(std::path::Path::new("plan.md"), t.to_string());
        let lines: Vec<usize> = file
            .diagnostics
            .iter()
            .map(|d| file.source.line_of(d.span.start))
            .collect();
        assert_eq!(lines, [7, 14], "{t:?}");
    }
}
