//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use tracker::diagnostic::{Applicability, Diagnostic};
use tracker::parse::parse;
use tracker::pipeline::{Settings, check_document};
use tracker::report::{self, FileResult, Format, Report};
use tracker::source::SourceFile;
use tracker::vocab::Vocab;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Checks a file with the default settings; paths in output are relative to the crate root.
pub fn check(path: &Path) -> FileResult {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let shown = path.strip_prefix(root()).unwrap_or(path);
    check_text(shown, text)
}

pub fn check_text(shown: &Path, text: String) -> FileResult {
    let vocab = Vocab::default();
    let doc = parse(SourceFile::new(shown, text), &vocab);
    let diagnostics = check_document(&doc, &Settings::default());
    FileResult {
        source: doc.source,
        diagnostics,
    }
}

/// The human output, without colour.
pub fn human(file: FileResult) -> String {
    let report = Report {
        files: vec![file],
        errors: Vec::new(),
        fixes: None,
    };
    let mut out = Vec::new();
    report::render(&report, Format::Human, false, &mut out, &mut Vec::new())
        .expect("render to memory");
    String::from_utf8(out).expect("UTF-8 output")
}

/// Applies the edits of `diagnostics` at or below `applicability`, sorted, skipping overlaps.
pub fn apply(text: &str, diagnostics: &[&Diagnostic], applicability: Applicability) -> String {
    let mut edits: Vec<_> = diagnostics
        .iter()
        .flat_map(|d| &d.edits)
        .filter(|e| e.applicability <= applicability)
        .collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::new();
    let mut last = 0;
    for e in edits {
        if e.span.start < last {
            continue;
        }
        out.push_str(&text[last..e.span.start]);
        out.push_str(&e.replacement);
        last = e.span.end;
    }
    out.push_str(&text[last..]);
    out
}

/// The text of every fixture (the seeds and every rule's), in name order.
pub fn fixture_texts() -> Vec<String> {
    let mut dirs = vec![root().join("fixtures/seeds")];
    for entry in std::fs::read_dir(root().join("fixtures/rules")).expect("fixtures/rules") {
        dirs.push(entry.expect("entry").path());
    }
    dirs.sort();
    let mut texts = Vec::new();
    for dir in dirs {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .expect("fixture dir")
            .map(|e| e.expect("entry").path())
            .collect();
        paths.sort();
        texts.extend(
            paths
                .iter()
                .map(|p| std::fs::read_to_string(p).expect("UTF-8 fixture")),
        );
    }
    texts
}

/// ../shared/bench/gen_corpus.py, when it is beside this checkout.
pub fn generator() -> Option<PathBuf> {
    let path = root().join("../shared/bench/gen_corpus.py");
    path.is_file().then_some(path)
}

/// (file, style, defects) rows of the generator's manifest.
pub fn generate(
    out: &Path,
    files: usize,
    seed: u32,
    extra: &[&str],
) -> Vec<(PathBuf, String, Vec<String>)> {
    let script = generator().expect("generator present");
    let status = Command::new("python3")
        .arg(&script)
        .arg(out)
        .args(["--files", &files.to_string(), "--seed", &seed.to_string()])
        .args(extra)
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

/// A temporary repository (a folder with a `.git` folder) holding copies of fixtures at their
/// paths under the crate root, so that a run sees only them as the repository's trackers.
pub struct Repo(pub PathBuf);

impl Repo {
    pub fn with(name: &str, fixtures: &[&str]) -> Self {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir =
            std::env::temp_dir().join(format!("tracker-repo-{}-{name}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join(".git")).expect("create temp repo");
        for f in fixtures {
            copy(&root().join(f), &dir.join(f));
        }
        Repo(dir)
    }
}

fn copy(from: &Path, to: &Path) {
    if from.is_dir() {
        for entry in std::fs::read_dir(from).expect("read fixture dir") {
            let entry = entry.expect("entry");
            copy(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        std::fs::copy(from, to).expect("copy fixture");
    }
}

impl Drop for Repo {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs the real binary in `dir`, colour off.
pub fn tracker_at(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tracker"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run tracker")
}

/// Runs the real binary in a temporary repository holding only the fixtures its arguments
/// name, so that references resolve among them alone. Colour is off.
pub fn tracker_in_repo(args: &[&str]) -> std::process::Output {
    let fixtures: Vec<&str> = args
        .iter()
        .copied()
        .filter(|a| a.starts_with("fixtures/"))
        .collect();
    let repo = Repo::with("run", &fixtures);
    tracker_at(&repo.0, args)
}

/// A fresh directory per test under the system temp dir.
pub struct Dir(pub PathBuf);

impl Dir {
    pub fn new(name: &str) -> Self {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let path =
            std::env::temp_dir().join(format!("tracker-cli-{}-{name}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("create temp dir");
        Dir(path)
    }

    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, bytes).expect("write");
        path
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A small deterministic generator (xorshift), so failures reproduce.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 as usize
    }
}
