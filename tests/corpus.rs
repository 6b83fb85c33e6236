//! Precision and recall over generated trackers (../shared/bench/gen_corpus.py): files the
//! generator wrote consistent must produce no finding beyond `[]` boxes and mojibake, and
//! injected count, status and overall-progress defects must be found.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn generator() -> Option<PathBuf> {
    let path = common::root().join("../shared/bench/gen_corpus.py");
    path.is_file().then_some(path)
}

/// (file, style, defects) rows of the generator's manifest.
fn generate(out: &Path, files: usize, seed: u32) -> Vec<(PathBuf, String, Vec<String>)> {
    let script = generator().expect("generator present");
    let status = Command::new("python3")
        .arg(&script)
        .arg(out)
        .args(["--files", &files.to_string(), "--seed", &seed.to_string()])
        .output()
        .expect("python3 runs the generator");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let manifest = std::fs::read_to_string(out.join("manifest.tsv")).expect("manifest");
    manifest
        .lines()
        .skip(1)
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let defects = cols[3]
                .split(',')
                .filter(|d| *d != "-")
                .map(str::to_string)
                .collect();
            (out.join(cols[0]), cols[1].to_string(), defects)
        })
        .collect()
}

#[test]
fn generated_trackers_precision_and_recall() {
    if generator().is_none() {
        eprintln!("skipped: ../shared/bench/gen_corpus.py is not beside this checkout");
        return;
    }
    let mut checked = 0;
    let (mut injected, mut found) = (0, 0);
    for seed in [3, 11] {
        let dir =
            std::env::temp_dir().join(format!("tracker-corpus-{}-{seed}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, style, defects) in generate(&dir, 100, seed) {
            let file = common::check(&path);
            let rules: Vec<&str> = file
                .diagnostics
                .iter()
                .map(|d| d.rule.name)
                .filter(|r| !matches!(*r, "checkbox-syntax" | "mojibake"))
                .collect();
            let visible: Vec<&String> = defects
                .iter()
                .filter(|d| matches!(d.as_str(), "count" | "status" | "overall"))
                .collect();
            if defects.iter().all(|d| d == "mojibake") {
                assert!(
                    rules.is_empty(),
                    "{} ({style}) is consistent, but: {:?}",
                    path.display(),
                    common::human(file)
                );
            } else if !visible.is_empty() {
                injected += 1;
                found += usize::from(!rules.is_empty());
            }
            checked += 1;
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    assert_eq!(checked, 200);
    assert!(injected > 20, "only {injected} files with defects");
    assert!(
        found * 100 >= injected * 90,
        "found {found} of {injected} files with injected defects"
    );
}
