//! What `fix`'s write promises (docs/fix.md): an edit saved while `fix` works is never lost,
//! the fixed copy is never readable by more people than the file, the file keeps its owner,
//! group and mode, and a file that replacing would change in another way (hard links,
//! read-only) or that the walk does not take (ignored, excluded, reached through a symlink)
//! is left as it is, with a one-line error where it was named.

mod common;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::Dir;

const STALE: &str = "# Plan\n\n## Phase 1 (0/2)\n\n- [x] Schema\n- [ ] API\n";
const FIXED: &str = "# Plan\n\n## Phase 1 (1/2)\n\n- [x] Schema\n- [ ] API\n";

fn tracker(dir: &Path, args: &[&str]) -> Output {
    common::tracker_at(dir, args)
}

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn read(path: impl AsRef<Path>) -> String {
    std::fs::read_to_string(path).expect("read")
}

fn mode(path: impl AsRef<Path>) -> u32 {
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o7777
}

/// Runs `fix args` in `dir`, pausing before each rename (the temporary copy written and
/// synced); `at_pause` gets the pause's number and runs while `fix` waits.
fn fix_pausing(dir: &Path, args: &[&str], mut at_pause: impl FnMut(usize)) -> (Output, usize) {
    let flags = Dir::new("pause-flags");
    let mut child = Command::new(env!("CARGO_BIN_EXE_tracker"))
        .arg("fix")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("TRACKER_DEBUG_PAUSE_BEFORE_RENAME", &flags.0)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tracker");
    let flag = flags.0.join("paused");
    let (mut pauses, start) = (0, Instant::now());
    while child.try_wait().expect("wait").is_none() {
        assert!(start.elapsed() < Duration::from_secs(60), "no hang");
        if flag.exists() {
            at_pause(pauses);
            pauses += 1;
            std::fs::remove_file(&flag).expect("release");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    (child.wait_with_output().expect("output"), pauses)
}

/// The temporary copies `fix` has beside its targets in `dir`.
fn temporaries(dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".tmp"))
        .collect()
}

#[test]
fn an_edit_saved_after_the_fixed_copy_is_written_is_kept() {
    let dir = Dir::new("race");
    dir.write("a.md", STALE);
    dir.write("b.md", STALE);
    let edited = "# Plan\n\n## Phase 1 (0/3)\n\n- [x] Schema\n- [ ] API\n- [ ] UI\n";
    // Files are written in input order: a.md is edited under tracker's feet once its fixed
    // copy is written, as an editor saving at that moment would.
    let (out, pauses) = fix_pausing(&dir.0, &["a.md", "b.md"], |n| {
        if n == 0 {
            dir.write("a.md", edited);
        }
    });
    let stderr = stderr_of(&out);
    assert_eq!(pauses, 2, "both writes paused before their rename");
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(
        stderr,
        "error: a.md: the file changed on disk while it was being fixed; not written\n"
    );
    assert_eq!(read(dir.0.join("a.md")), edited);
    assert_eq!(read(dir.0.join("b.md")), FIXED);
    assert!(temporaries(&dir.0).is_empty(), "no temporary file left");
}

#[test]
fn the_fixed_copy_is_never_readable_by_more_than_the_file() {
    let dir = Dir::new("private");
    let secret = dir.write("secret.md", STALE);
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o600)).unwrap();
    let shared = dir.write("shared.md", STALE);
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o640)).unwrap();
    let mut seen = Vec::new();
    let (out, pauses) = fix_pausing(&dir.0, &["secret.md", "shared.md"], |_| {
        for temp in temporaries(&dir.0) {
            seen.push((temp.clone(), mode(&temp)));
        }
    });
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(pauses, 2);
    let modes: Vec<u32> = seen.iter().map(|(_, m)| *m).collect();
    assert_eq!(modes, [0o600, 0o640], "{seen:?}");
    assert_eq!((mode(&secret), mode(&shared)), (0o600, 0o640));
    assert_eq!(read(&secret), FIXED);
}

#[test]
fn the_file_keeps_its_owner_and_group() {
    let dir = Dir::new("owner");
    let path = dir.write("plan.md", STALE);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    // Files this process makes are its own; as root, the file is given to someone else, as
    // a root `fix` over a user's checkout would find it.
    let me = std::fs::metadata(&path).unwrap();
    let owner = if me.uid() == 0 {
        std::os::unix::fs::chown(&path, Some(4242), Some(4343)).unwrap();
        (4242, 4343)
    } else {
        (me.uid(), me.gid())
    };
    let out = tracker(&dir.0, &["fix", "plan.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(read(&path), FIXED);
    let after = std::fs::metadata(&path).unwrap();
    assert_eq!((after.uid(), after.gid()), owner);
    assert_eq!(mode(&path), 0o640);
}

#[test]
fn a_file_with_other_hard_links_is_refused_and_stays_linked() {
    let dir = Dir::new("hard-link");
    let path = dir.write("plan.md", STALE);
    std::fs::hard_link(&path, dir.0.join("copy.md")).unwrap();
    dir.write("ok.md", STALE);
    let out = tracker(&dir.0, &["fix", "plan.md", "ok.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr_of(&out),
        "error: plan.md: the file has 2 hard links, which replacing it would separate; not written\n"
    );
    assert_eq!(read(&path), STALE);
    assert_eq!(std::fs::metadata(&path).unwrap().nlink(), 2);
    assert_eq!(read(dir.0.join("ok.md")), FIXED, "the other file is fixed");
    // `--diff` shows the change all the same: nothing is written.
    let out = tracker(&dir.0, &["fix", "--diff", "plan.md"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("+## Phase 1 (1/2)"));
}

#[test]
fn a_read_only_file_is_refused() {
    let dir = Dir::new("read-only");
    let path = dir.write("plan.md", STALE);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = tracker(&dir.0, &["fix", "plan.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr_of(&out),
        "error: plan.md: the file is read-only; not written\n"
    );
    assert_eq!(read(&path), STALE);
    assert_eq!(mode(&path), 0o444);
}

#[test]
fn ignored_and_excluded_files_are_not_fixed_through_a_symlink() {
    let dir = Dir::new("link-ignored");
    dir.write(".git/HEAD", "ref: refs/heads/main\n");
    dir.write(".gitignore", "private/\n");
    dir.write(".tracker.yml", "exclude: [\"drafts/**\"]\n");
    dir.write("private/plan.md", STALE);
    dir.write("drafts/plan.md", STALE);
    dir.write("stale.md", STALE);
    std::os::unix::fs::symlink("private/plan.md", dir.0.join("ignored.md")).unwrap();
    std::os::unix::fs::symlink("drafts/plan.md", dir.0.join("excluded.md")).unwrap();
    let out = tracker(&dir.0, &["fix", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(read(dir.0.join("stale.md")), FIXED);
    assert_eq!(read(dir.0.join("private/plan.md")), STALE);
    assert_eq!(read(dir.0.join("drafts/plan.md")), STALE);
    let out = tracker(&dir.0, &["check", "--format", "concise", "."]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Checked 1 file"), "{stdout}");
}
