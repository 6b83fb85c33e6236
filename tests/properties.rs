//! Properties over generated trackers (../shared/bench/gen_corpus.py, each document also
//! with CRLF line endings, a BOM, and no final newline, and cut short at many points) and
//! generated dependency graphs: every byte outside the edits stays, fixing twice changes
//! nothing, no safe fix is left undone, no item's tick ever changes, check never panics and
//! its JSON parses, and each critical path is a real path with none longer.

mod common;
#[path = "common/props.rs"]
mod props;

use std::path::{Path, PathBuf};

use tracker::diagnostic::Applicability;
use tracker::fix::fix_text;
use tracker::pipeline::Settings;
use tracker::source::SourceFile;

fn variants(text: &str) -> [String; 4] {
    let crlf = text.replace('\n', "\r\n");
    [
        text.to_string(),
        crlf.clone(),
        format!("\u{feff}{crlf}"),
        text.trim_end_matches('\n').to_string(),
    ]
}

/// The generator's trackers for `seed`: (path shown in messages, text).
fn generated(seed: u32, files: usize) -> Vec<(PathBuf, String)> {
    let dir = std::env::temp_dir().join(format!("tracker-props-{}-{seed}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let args = [
        "--size-kb",
        "4",
        "--defect-rate",
        "0.6",
        "--mojibake-rate",
        "0.1",
    ];
    let docs = common::generate(&dir, files, seed, &args)
        .into_iter()
        .map(|(path, _, _)| {
            let text = std::fs::read_to_string(&path).expect("generated file");
            (path, text)
        })
        .collect();
    let _ = std::fs::remove_dir_all(&dir);
    docs
}

fn skipped() -> bool {
    let missing = common::generator().is_none();
    if missing {
        eprintln!("skipped: ../shared/bench/gen_corpus.py is not beside this checkout");
    }
    missing
}

/// `text` cut at about `n` points (on character boundaries): documents that stop mid-table,
/// mid-list, mid-figure.
fn prefixes(text: &str, n: usize) -> impl Iterator<Item = &str> {
    let step = (text.len() / n).max(1);
    (1..n).filter_map(move |i| {
        let mut at = (i * step).min(text.len());
        while !text.is_char_boundary(at) {
            at += 1;
        }
        (at < text.len()).then(|| &text[..at])
    })
}

#[test]
fn fix_keeps_bytes_settles_and_never_ticks() {
    if skipped() {
        return;
    }
    let (mut documents, mut changed) = (0, 0);
    for seed in [21, 22, 23, 24, 25] {
        for (path, original) in generated(seed, 26) {
            for text in variants(&original) {
                documents += 1;
                let mut round = text.clone();
                while let Some(next) = props::fix_round_with(&round, Applicability::Safe) {
                    round = next;
                }
                let fixed = props::fix_is_idempotent(&text).unwrap_or_else(|| {
                    let u = fix_text(
                        SourceFile::new(Path::new("t.md"), text.clone()),
                        &Settings::default(),
                        false,
                    );
                    panic!("{}: did not settle: {:?}", path.display(), u.err())
                });
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
            }
        }
    }
    assert!(documents >= 500, "only {documents} documents");
    assert!(
        changed * 4 >= documents,
        "only {changed} of {documents} documents needed a fix"
    );
}

#[test]
fn unsafe_fixes_keep_bytes_outside_their_edits() {
    if skipped() {
        return;
    }
    let mut edited = 0;
    for (_, original) in generated(26, 40) {
        for text in variants(&original) {
            edited += usize::from(props::fix_round(&text).is_some());
        }
    }
    assert!(edited >= 40, "only {edited} documents had an edit");
}

#[test]
fn check_never_panics_and_its_json_parses_on_cut_documents() {
    if skipped() {
        return;
    }
    let (mut documents, mut findings) = (0, 0);
    for (_, original) in generated(27, 12) {
        for text in variants(&original) {
            for cut in prefixes(&text, 25).chain([text.as_str()]) {
                documents += 1;
                findings += props::check_renders(cut);
            }
        }
    }
    assert!(documents >= 1000, "only {documents} documents");
    assert!(findings > 0, "no document had a finding");
}

/// A deterministic stream of bytes (xorshift), for generated graphs.
fn bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut rng = common::Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    (0..len).map(|_| (rng.next() >> 24) as u8).collect()
}

#[test]
fn critical_paths_are_real_paths_and_none_is_longer() {
    let mut edges = 0;
    for seed in 0..300 {
        let len = [8, 64, 400, 1500][seed as usize % 4];
        let text = props::graph_document(&bytes(seed, len));
        edges += props::critical_paths_are_longest(&text);
        props::check_renders(&text);
    }
    assert!(edges >= 10_000, "only {edges} edges in all");
}

#[test]
fn critical_paths_of_generated_trackers() {
    if skipped() {
        return;
    }
    let edges: usize = generated(28, 40)
        .iter()
        .map(|(_, text)| props::critical_paths_are_longest(text))
        .sum();
    assert!(edges > 0, "the generated trackers have no dependencies");
}
