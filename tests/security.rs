//! What `tracker` touches: nothing is written but the files it fixes (no temporary file is
//! left), nothing outside the repository is read through links, symlinks or references, and
//! nothing is executed.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::Dir;

const STALE: &str = "# Plan\n\n## Phase 1 (0/2)\n\n- [x] Schema\n- [ ] API\n";
const FIXED: &str = "# Plan\n\n## Phase 1 (1/2)\n\n- [x] Schema\n- [ ] API\n";
const CLEAN: &str = "# Notes\n\n## Phase 1 (1/2)\n\n- [x] Schema\n- [ ] API\n";

fn tracker(dir: &Path, args: &[&str]) -> Output {
    common::tracker_at(dir, args)
}

/// Every entry under `root`: its kind, bytes or link target, permissions and mtime.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, String> {
    use std::os::unix::fs::PermissionsExt;
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir") {
            let path = entry.expect("entry").path();
            let meta = std::fs::symlink_metadata(&path).expect("metadata");
            let what = if meta.is_symlink() {
                format!(
                    "link {}",
                    std::fs::read_link(&path).expect("link").display()
                )
            } else if meta.is_dir() {
                stack.push(path.clone());
                "dir".to_string()
            } else {
                let bytes = std::fs::read(&path).expect("read");
                format!(
                    "file {:o} {:?} {}",
                    meta.permissions().mode(),
                    meta.modified().expect("mtime"),
                    String::from_utf8_lossy(&bytes)
                )
            };
            out.insert(
                path.strip_prefix(root).expect("under root").to_path_buf(),
                what,
            );
        }
    }
    out
}

/// The entries that differ between two snapshots.
fn changed(before: &BTreeMap<PathBuf, String>, after: &BTreeMap<PathBuf, String>) -> Vec<PathBuf> {
    let paths: std::collections::BTreeSet<&PathBuf> = before
        .keys()
        .chain(after.keys())
        .filter(|p| before.get(*p) != after.get(*p))
        .collect();
    paths.into_iter().cloned().collect()
}

/// A repository beside a folder outside it, with a stale tracker in each, a clean one, a
/// file that is not Markdown, a config, and symlinks leading out of the repository.
fn layout() -> Dir {
    let dir = Dir::new("security");
    dir.write("outside/plan.md", STALE);
    dir.write(
        "outside/other.md",
        "# Other\n\n## Epic 09: Far (0/1)\n\n- [x] done\n",
    );
    dir.write("repo/.git/HEAD", "ref: refs/heads/main\n");
    dir.write("repo/.tracker.yml", "rules:\n  mojibake: warning\n");
    dir.write("repo/stale.md", STALE);
    dir.write("repo/docs/also-stale.md", STALE);
    dir.write("repo/clean.md", CLEAN);
    dir.write("repo/notes.txt", STALE);
    std::os::unix::fs::symlink("../outside/plan.md", dir.0.join("repo/linked.md")).unwrap();
    std::os::unix::fs::symlink("../outside", dir.0.join("repo/docs/out")).unwrap();
    dir
}

#[test]
fn fix_writes_only_the_files_it_fixes_and_leaves_no_temporary_file() {
    let dir = layout();
    let repo = dir.0.join("repo");
    let before = snapshot(&dir.0);
    let out = tracker(&repo, &["fix", "."]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = snapshot(&dir.0);
    assert_eq!(
        changed(&before, &after),
        [
            PathBuf::from("repo/docs/also-stale.md"),
            PathBuf::from("repo/stale.md")
        ]
    );
    for fixed in ["repo/stale.md", "repo/docs/also-stale.md"] {
        assert_eq!(std::fs::read_to_string(dir.0.join(fixed)).unwrap(), FIXED);
    }
    // The symlinks lead out of the walked tree: their targets are neither read nor written.
    assert_eq!(
        std::fs::read_to_string(dir.0.join("outside/plan.md")).unwrap(),
        STALE
    );
}

#[test]
fn reading_commands_write_nothing() {
    let dir = layout();
    let repo = dir.0.join("repo");
    let before = snapshot(&dir.0);
    for args in [
        &["check", "."][..],
        &["fix", "--diff", "."],
        &["graph", "."],
        &["status", "."],
        &["check", "stale.md"],
        &["fix", "--diff", "linked.md"],
    ] {
        let out = tracker(&repo, args);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            changed(&before, &snapshot(&dir.0)),
            Vec::<PathBuf>::new(),
            "{args:?}"
        );
    }
}

#[test]
fn walking_does_not_follow_symlinks_out_of_the_tree() {
    let dir = layout();
    let out = tracker(&dir.0.join("repo"), &["check", "--format", "concise", "."]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("stale.md:3:"), "{stdout}");
    assert!(!stdout.contains("linked.md"), "{stdout}");
    assert!(!stdout.contains("out/"), "{stdout}");
    assert!(stdout.contains("Checked 3 files"), "{stdout}");
}

#[test]
fn references_and_links_do_not_reach_outside_the_repository() {
    let dir = layout();
    // A cross-file reference and a link to a tracker outside the repository: in a
    // pre-commit run (one file named) the repository is read for context, and only it.
    dir.write(
        "repo/roadmap.md",
        "# Roadmap\n\n## Epic 01: Launch (2 days)\n\n**Depends on:** [far](../outside/other.md), Epic 09\n\n- [ ] Announce\n",
    );
    let out = tracker(&dir.0.join("repo"), &["graph", "roadmap.md"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!stdout.contains("Far"), "{stdout}");
    assert!(!stdout.contains("other.md"), "{stdout}");
    // Epic 09 exists only outside: inside, it names nothing, and no file outside is reported.
    let out = tracker(
        &dir.0.join("repo"),
        &["check", "--format", "concise", "roadmap.md"],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("roadmap.md:5:45: TRK102 unknown-dependency `Epic 09` names no unit"),
        "{stdout}"
    );
    assert!(!stdout.lines().any(|l| l.starts_with("..")), "{stdout}");
    assert_eq!(out.status.code(), Some(1), "{stdout}");
}

#[test]
fn nothing_is_executed() {
    // The tool reads and writes files; it starts no process and runs no shell.
    let mut stack = vec![common::root().join("src")];
    let mut files = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            files += 1;
            let text = std::fs::read_to_string(&path).expect("source");
            for spawn in [
                "process::Command",
                "Command::new",
                "libc::exec",
                "posix_spawn",
            ] {
                assert!(!text.contains(spawn), "{}: {spawn}", path.display());
            }
        }
    }
    assert!(files > 20, "only {files} source files");
}

#[test]
fn walking_takes_no_symlink_and_checks_and_fixes_each_file_once() {
    let dir = Dir::new("dup-link");
    dir.write(".git/HEAD", "ref: refs/heads/main\n");
    dir.write("a.md", STALE);
    dir.write(".hidden.md", STALE);
    let link = |target: &str, name: &str| {
        std::fs::create_dir_all(dir.0.join(name).parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(target, dir.0.join(name)).unwrap();
    };
    link("a.md", "b.md");
    link("../a.md", "sub/c.md");
    // A link to a file the walk skips (hidden) does not bring it in.
    link(".hidden.md", "d.md");
    let out = tracker(&dir.0, &["check", "--format", "concise", "."]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.starts_with("a.md:3:"), "{stdout}");
    assert!(stdout.contains("Checked 1 file"), "{stdout}");
    let out = tracker(&dir.0, &["fix", "."]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(dir.0.join("a.md")).unwrap(), FIXED);
    assert_eq!(
        std::fs::read_to_string(dir.0.join(".hidden.md")).unwrap(),
        STALE
    );
    // Named, a link is followed: its target is checked and fixed, and the link stays.
    let out = tracker(&dir.0, &["fix", "d.md"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(dir.0.join(".hidden.md")).unwrap(),
        FIXED
    );
    assert!(
        std::fs::symlink_metadata(dir.0.join("d.md"))
            .unwrap()
            .is_symlink()
    );
}

/// A plan whose task waits for one that only `other.md` has.
const WAITING: &str = "# Plan\n\n## Task 2: Ship\n\n**Depends on:** Task 9\n\n- [ ] Deploy\n";
const OTHER: &str = "# Other\n\n## Task 9: Build\n\n- [x] Compile\n";

#[test]
fn outside_a_repository_only_the_named_paths_are_read() {
    let dir = Dir::new("no-repo");
    dir.write("plan.md", WAITING);
    dir.write("other.md", OTHER);
    // A file that fails whenever it is read: it must not be.
    dir.write("sub/broken.md", b"# Broken \xff\n");
    let out = tracker(&dir.0, &["check", "--format", "concise", "plan.md"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("plan.md:5:17: TRK102 unknown-dependency `Task 9` names no unit"),
        "{stdout}"
    );
    assert!(stdout.contains("Checked 1 file"), "{stdout}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(1));
    // Named together, they answer each other.
    let out = tracker(&dir.0, &["check", "plan.md", "other.md"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn context_comes_from_the_repository_of_the_paths_not_from_the_current_directory() {
    let dir = Dir::new("elsewhere");
    dir.write("repo/.git/HEAD", "ref: refs/heads/main\n");
    // Task 2 is done, and waits for Task 9, which the repository has open.
    dir.write(
        "repo/docs/plan.md",
        "# Plan\n\n## Task 2: Ship\n\n**Depends on:** Task 9\n\n- [x] Deploy\n",
    );
    dir.write(
        "repo/other.md",
        "# Other\n\n## Task 9: Build\n\n- [ ] Compile\n",
    );
    // The current directory is outside the repository and holds a Task 9 that is done, and
    // an unreadable tracker: neither may be read.
    dir.write(
        "cwd/task9.md",
        "# Other\n\n## Task 9: Build\n\n- [x] Compile\n",
    );
    dir.write("cwd/broken.md", b"# Broken \xff\n");
    let plan = dir.0.join("repo/docs/plan.md");
    for (cwd, path) in [("cwd", plan.to_str().unwrap()), ("repo/docs", "plan.md")] {
        let out = tracker(&dir.0.join(cwd), &["check", "--format", "concise", path]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{cwd}: {stdout}");
        assert!(
            stdout.contains(
                "TRK103 done-before-dependency Task 2 is done, but it depends on Task 9 (not started)"
            ),
            "{cwd}: {stdout}"
        );
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn a_config_above_the_repository_is_not_used() {
    let dir = Dir::new("config-above");
    dir.write(
        ".tracker.yml",
        "exclude: [\"**\"]\nrules:\n  count-mismatch: off\n",
    );
    dir.write("repo/.git/HEAD", "ref: refs/heads/main\n");
    dir.write("repo/plan.md", STALE);
    let out = tracker(&dir.0.join("repo"), &["check", "--format", "concise"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("plan.md:3:13: TRK001"), "{stdout}");
    // Outside any repository, a config above is still found.
    dir.write("loose/plan.md", STALE);
    let out = tracker(&dir.0.join("loose"), &["check", "plan.md"]);
    assert_eq!(out.status.code(), Some(0));
}
