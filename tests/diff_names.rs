//! `fix --diff` applies with `git apply` and with `patch -p1`, for files of any name `fix`
//! accepts (spaces, tabs, newlines, quotes, backslashes, non-ASCII) and any line endings
//! (`\n`, `\r\n`, a lone `\r`, mixed): both give exactly the bytes `fix` writes.
//!
//! `TRACKER_PROPERTY_SECONDS=600 cargo test --release --test diff_names` keeps drawing new
//! names for that long (docs/testing.md records such runs).

mod common;
#[path = "common/props.rs"]
mod props;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::{Dir, Rng};

/// Pieces a name is made of.
const PIECES: &[&str] = &[
    "a", "plan", "Z", "7", " ", "  ", "\t", "\n", "\r", "\"", "\\", "'", "é", "中", "✅", "-", "#",
    ":", "*", "?", "[x]", "$HOME", "%", "=", "~", "\u{7f}", "\u{1b}",
];

/// Stale trackers: each has a figure `fix` corrects.
const STALE: &[&str] = &[
    "# Plan\n\n## Phase 1 (0/2)\n\n- [x] Schema\n- [ ] API\n",
    "# Roadmap\n\n**Overall Progress:** 10%\n\n- [x] One\n- [x] Two\n- [ ] Three\n- [ ] Four\n",
    "---\ntitle: x\n---\n\n# Tasks\n\n| Task | Status | Progress |\n|---|---|---|\n| Task 1 | Done | 0% |\n",
    "# Sprint\n\n## Stories (1/3 done)\n\n- [x] a\n- [x] b\n- [ ] c\n\n---\n\nnotes",
];

fn name(rng: &mut Rng) -> String {
    let mut name: String = (0..1 + rng.next() % 5)
        .map(|_| PIECES[rng.next() % PIECES.len()])
        .collect();
    if rng.next().is_multiple_of(4) {
        name = format!("sub dir/{name}");
    }
    format!("{name}.md")
}

/// Every file under `root` (names as bytes, for any name), with its bytes.
fn tree(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                let rel = path.strip_prefix(root).expect("under root").to_path_buf();
                out.insert(rel, std::fs::read(&path).expect("read"));
            }
        }
    }
    out
}

/// Writes the same files into each of `dirs`.
fn lay_out(dirs: &[&Path], files: &[(String, String)]) {
    for dir in dirs {
        for (name, text) in files {
            let path = dir.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).expect("mkdir");
            std::fs::write(path, text).expect("write");
        }
    }
}

fn run(dir: &Path, program: &str, args: &[&str], stdin: Option<&Path>) -> std::process::Output {
    let mut cmd = Command::new(program);
    cmd.args(args).current_dir(dir).env("NO_COLOR", "1");
    if let Some(input) = stdin {
        cmd.stdin(std::fs::File::open(input).expect("diff"));
    }
    cmd.output().unwrap_or_else(|e| panic!("{program}: {e}"))
}

/// One round: `count` files of random names and line endings, fixed by `fix`, by
/// `git apply` of `fix --diff`, and by `patch -p1` of it; the three trees must be equal.
fn round(rng: &mut Rng, count: usize) {
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    while files.len() < count {
        let text = STALE[rng.next() % STALE.len()];
        let choices: Vec<u8> = (0..12).map(|_| rng.next() as u8).collect();
        files.insert(name(rng), props::with_line_endings(text, &choices));
    }
    let files: Vec<(String, String)> = files.into_iter().collect();
    let (fixed, git, patch, diffs) = (
        Dir::new("names-fix"),
        Dir::new("names-git"),
        Dir::new("names-patch"),
        Dir::new("names-diff"),
    );
    lay_out(&[&fixed.0, &git.0, &patch.0], &files);
    let args: Vec<String> = files.iter().map(|(n, _)| format!("./{n}")).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let tracker = env!("CARGO_BIN_EXE_tracker");
    let diff = run(
        &git.0,
        tracker,
        &[&["fix", "--diff"][..], &args].concat(),
        None,
    );
    assert_eq!(
        diff.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&diff.stderr)
    );
    let out = run(&fixed.0, tracker, &[&["fix"][..], &args].concat(), None);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let changes = diffs.write("changes.diff", &diff.stdout);
    let applied = run(&git.0, "git", &["apply", changes.to_str().unwrap()], None);
    assert!(
        applied.status.success(),
        "git apply: {}\n{files:?}",
        String::from_utf8_lossy(&applied.stderr)
    );
    let applied = run(&patch.0, "patch", &["-p1", "--quiet"], Some(&changes));
    assert!(
        applied.status.success(),
        "patch -p1: {}{}\n{files:?}",
        String::from_utf8_lossy(&applied.stdout),
        String::from_utf8_lossy(&applied.stderr)
    );
    let expected = tree(&fixed.0);
    assert_ne!(
        expected.values().collect::<Vec<_>>(),
        files.iter().map(|(_, t)| t.as_bytes()).collect::<Vec<_>>(),
        "fix changed something"
    );
    assert!(
        tree(&git.0) == expected,
        "git apply differs from fix\n{files:?}"
    );
    assert!(
        tree(&patch.0) == expected,
        "patch -p1 differs from fix\n{files:?}"
    );
}

#[test]
fn fix_diff_applies_with_git_and_patch_for_any_name_and_line_endings() {
    let budget = std::env::var("TRACKER_PROPERTY_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .map(Duration::from_secs);
    let (start, mut rng, mut rounds) = (Instant::now(), Rng(0xd1ff), 0);
    loop {
        round(&mut rng, 24);
        rounds += 1;
        if budget.map_or(rounds >= 3, |b| start.elapsed() >= b) {
            break;
        }
    }
    eprintln!("{rounds} rounds of 24 files");
}

#[test]
fn a_file_named_twice_is_one_hunk() {
    let dir = Dir::new("named-twice");
    dir.write("a.md", STALE[0]);
    let out = run(
        &dir.0,
        env!("CARGO_BIN_EXE_tracker"),
        &["fix", "--diff", "a.md", "./a.md"],
        None,
    );
    let diff = String::from_utf8_lossy(&out.stdout);
    assert_eq!(diff.matches("--- a/a.md").count(), 1, "{diff}");
    let out = run(
        &dir.0,
        env!("CARGO_BIN_EXE_tracker"),
        &["fix", "a.md", "./a.md"],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(dir.0.join("a.md")).unwrap(),
        STALE[0].replace("(0/2)", "(1/2)")
    );
}

#[test]
fn a_control_character_in_a_name_keeps_each_error_on_one_line() {
    let dir = Dir::new("newline-name");
    dir.write("bad\nname.md", b"# Plan \xff\n");
    let out = run(
        &dir.0,
        env!("CARGO_BIN_EXE_tracker"),
        &["check", "bad\nname.md"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: bad\\nname.md: not valid UTF-8 (invalid byte at offset 7)\n"
    );
}
