//! Properties of `fix` over generated trackers (../shared/bench/gen_corpus.py, five seeds,
//! each document also with CRLF line endings, a BOM, and no final newline): every byte outside
//! the edits stays, fixing twice changes nothing, no safe fix is left undone, and no item's
//! tick ever changes.

mod common;

use std::path::Path;

use tracker::check::{RuleSettings, check_document};
use tracker::diagnostic::Applicability;
use tracker::fix::{apply_edits, effective_edits, fix_text, select_edits};
use tracker::parse::parse;
use tracker::source::SourceFile;
use tracker::vocab::{State, Vocab};

fn variants(text: &str) -> [String; 4] {
    let crlf = text.replace('\n', "\r\n");
    [
        text.to_string(),
        crlf.clone(),
        format!("\u{feff}{crlf}"),
        text.trim_end_matches('\n').to_string(),
    ]
}

/// Each item's state, in document order.
fn ticks(text: &str) -> Vec<State> {
    let doc = parse(SourceFile::new("t.md", text.to_string()), &Vocab::default());
    doc.units
        .iter()
        .filter_map(|u| u.is_item().then_some(u.marker.as_ref()?.state))
        .collect()
}

/// Line endings of a text, in order: what every fix must keep.
fn endings(text: &str) -> Vec<&str> {
    text.split_inclusive('\n')
        .map(|l| {
            if l.ends_with("\r\n") {
                "\r\n"
            } else if l.ends_with('\n') {
                "\n"
            } else {
                ""
            }
        })
        .collect()
}

/// One round by hand: edits stay inside one line and outside them nothing changes.
fn check_round(text: &str) -> Option<String> {
    let vocab = Vocab::default();
    let doc = parse(SourceFile::new("t.md", text.to_string()), &vocab);
    let (edits, _) = select_edits(
        &check_document(&doc, &vocab, &RuleSettings::default()),
        Applicability::Safe,
    );
    if edits.is_empty() {
        return None;
    }
    let effective = effective_edits(text, &edits);
    let touched: Vec<usize> = effective
        .iter()
        .map(|e| doc.source.line_of(e.span.start))
        .collect();
    for e in &effective {
        assert!(
            !text[e.span.clone()].contains('\n') && !e.replacement.contains('\n'),
            "an edit crosses a line"
        );
    }
    let fixed = apply_edits(text, &edits);
    assert_eq!(endings(text), endings(&fixed), "line endings change");
    assert_eq!(
        text.starts_with('\u{feff}'),
        fixed.starts_with('\u{feff}'),
        "the BOM changes"
    );
    for (n, (a, b)) in text.split('\n').zip(fixed.split('\n')).enumerate() {
        assert!(
            a == b || touched.contains(&(n + 1)),
            "line {} changed outside the edits",
            n + 1
        );
    }
    Some(fixed)
}

#[test]
fn fix_keeps_bytes_settles_and_never_ticks() {
    if common::generator().is_none() {
        eprintln!("skipped: ../shared/bench/gen_corpus.py is not beside this checkout");
        return;
    }
    let (vocab, settings) = (Vocab::default(), RuleSettings::default());
    let (mut documents, mut changed) = (0, 0);
    for seed in [21, 22, 23, 24, 25] {
        let dir =
            std::env::temp_dir().join(format!("tracker-fixprop-{}-{seed}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, _, _) in common::generate(
            &dir,
            26,
            seed,
            &[
                "--size-kb",
                "4",
                "--defect-rate",
                "0.6",
                "--mojibake-rate",
                "0.1",
            ],
        ) {
            let original = std::fs::read_to_string(&path).expect("generated file");
            for text in variants(&original) {
                documents += 1;
                let mut round = text.clone();
                while let Some(next) = check_round(&round) {
                    round = next;
                }
                let fixed = fix_text(
                    SourceFile::new(Path::new("t.md"), text.clone()),
                    &vocab,
                    &settings,
                    false,
                )
                .unwrap_or_else(|u| panic!("{}: did not settle: {:?}", path.display(), u.rules));
                assert_eq!(
                    fixed.text,
                    round,
                    "{}: fix differs from its rounds",
                    path.display()
                );
                changed += usize::from(fixed.text != text);
                assert!(
                    fixed.remaining.iter().all(|d| !d.has_safe_fix()),
                    "{}: a safe fix is left",
                    path.display()
                );
                assert_eq!(
                    ticks(&text),
                    ticks(&fixed.text),
                    "{}: an item's tick changed",
                    path.display()
                );
                let again = fix_text(
                    SourceFile::new(Path::new("t.md"), fixed.text.clone()),
                    &vocab,
                    &settings,
                    false,
                )
                .expect("settles");
                assert_eq!(
                    again.text,
                    fixed.text,
                    "{}: fixing twice changes the text",
                    path.display()
                );
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    assert!(documents >= 500, "only {documents} documents");
    assert!(
        changed * 4 >= documents,
        "only {changed} of {documents} documents needed a fix"
    );
}
