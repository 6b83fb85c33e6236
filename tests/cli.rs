//! The real `tracker` binary, run on files in a temporary directory.

mod common;

use common::Dir;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn tracker(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tracker"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("run tracker")
}

/// The JSON document a run printed.
fn json_of(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

/// One field of every finding in a JSON document.
fn field(json: &serde_json::Value, name: &str) -> Vec<String> {
    let findings = json["diagnostics"].as_array().expect("diagnostics array");
    findings
        .iter()
        .map(|d| d[name].as_str().expect("string field").to_string())
        .collect()
}

/// Exit code, stdout and stderr as one string for snapshots.
fn transcript(out: &Output) -> String {
    format!(
        "exit: {}\n--- stdout\n{}--- stderr\n{}",
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

const CLEAN: &str = "# Plan\n\n## Phase 1 (1/2)\n\n- [x] Schema\n- [ ] API\n";
const STALE: &str = "# Plan\n\n## Phase 1 (0/2)\n\n- [x] Schema\n- [ ] API\n";

#[test]
fn clean_document_prints_only_the_summary_and_exits_0() {
    let dir = Dir::new("clean");
    dir.write("plan.md", CLEAN);
    let out = tracker(&dir.0, &["check", "plan.md"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Checked 1 file: no findings.\n"
    );
    assert!(out.stderr.is_empty());
}

#[test]
fn findings_exit_1_with_arithmetic_caret_and_fix() {
    let dir = Dir::new("stale");
    dir.write("plan.md", STALE);
    let out = tracker(&dir.0, &["check", "plan.md"]);
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn unreadable_and_non_utf8_files_beside_good_ones_exit_2() {
    let dir = Dir::new("mixed");
    dir.write("a_good.md", STALE);
    dir.write("b_latin1.md", b"# Caf\xe9\n\n- [x] ok\n");
    dir.write("c_binary.md", b"# x\0y\n");
    dir.write("d_clean.md", CLEAN);
    let out = tracker(
        &dir.0,
        &[
            "check",
            "a_good.md",
            "b_latin1.md",
            "c_binary.md",
            "missing.md",
            "d_clean.md",
        ],
    );
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn directories_are_walked_for_markdown_files() {
    let dir = Dir::new("walk");
    dir.write("docs/a.md", STALE);
    dir.write("docs/nested/b.markdown", STALE);
    dir.write("docs/notes.txt", STALE);
    dir.write("docs/.hidden/c.md", STALE);
    let out = tracker(&dir.0, &["check", "docs", "--format", "json"]);
    let json = json_of(&out);
    let paths = field(&json, "path");
    assert_eq!(paths, ["docs/a.md", "docs/nested/b.markdown"]);
    assert_eq!(json["files_checked"], 2);
}

#[test]
fn with_no_paths_the_repository_is_walked_for_tracker_documents_only() {
    let dir = Dir::new("discover");
    dir.write(".gitignore", "build/\n");
    dir.write("ROADMAP.md", STALE);
    dir.write("docs/plan.md", STALE);
    dir.write("docs/epics/epic-01.markdown", STALE);
    dir.write(
        "README.md",
        "# Project\n\nHow to build it.\n\n## Install\n\n- run make\n",
    );
    dir.write(
        "build/broken.md",
        b"# Plan\n\n## Phase 1 (0/9)\n\n- [x] \xff\n",
    );
    let out = tracker(&dir.0, &["check", "--format", "json"]);
    let json = json_of(&out);
    assert_eq!(json["files_checked"], 3, "{json}");
    assert_eq!(
        field(&json, "path"),
        ["ROADMAP.md", "docs/epics/epic-01.markdown", "docs/plan.md"]
    );
    assert_eq!(json["errors"], serde_json::json!([]));
    assert_eq!(out.status.code(), Some(1));
    // A file named on the command line is always taken, tracker or not.
    let named = tracker(&dir.0, &["check", "--format", "json", "README.md"]);
    assert_eq!(json_of(&named)["files_checked"], 1);
}

#[test]
fn references_from_named_files_resolve_across_the_repository() {
    // As a pre-commit hook names only the staged files.
    let dir = Dir::new("context");
    std::fs::create_dir_all(dir.0.join(".git")).expect("mkdir .git");
    let roadmap =
        "# Roadmap\n\n## Epic 04: Launch (1 week)\n\n**Depends on:** Epic 03\n\n- [x] Announce\n";
    dir.write("ROADMAP.md", roadmap);
    dir.write("epics/e03.md", "# Epic 03: Auth (1 week)\n\n- [ ] Login\n");
    dir.write("docs/README.md", "# Docs\n\nNothing tracked here.\n");
    let out = tracker(
        &dir.0.join("epics"),
        &["check", "--format", "json", "../ROADMAP.md"],
    );
    let json = json_of(&out);
    assert_eq!(
        json["files_checked"], 1,
        "only the named file is reported on"
    );
    assert_eq!(field(&json, "rule"), ["done-before-dependency"], "{json}");
    assert!(
        field(&json, "message")[0].contains("E04 is done, but it depends on E03 (not started)")
    );
    std::fs::remove_file(dir.0.join("epics/e03.md")).expect("remove");
    let out = tracker(&dir.0, &["check", "--format", "json", "ROADMAP.md"]);
    assert_eq!(field(&json_of(&out), "rule"), ["unknown-dependency"]);
}

#[test]
fn an_id_that_several_trackers_share_names_none_of_them() {
    let dir = Dir::new("shared-ids");
    std::fs::create_dir_all(dir.0.join(".git")).expect("mkdir .git");
    let done_phase = |name: &str| format!("# {name}\n\n## Phase 2: Build ✅\n\n- [x] Done\n");
    dir.write("web/ROADMAP.md", done_phase("Web"));
    dir.write("api/ROADMAP.md", done_phase("API"));
    dir.write(
        "infra/tasks.md",
        "# Infra\n\n### Task 1.5: Validate\n\n**Blocks:** Phase 2\n\n- [ ] Run\n",
    );
    for args in [
        &["check", "--format", "json"][..],
        &[
            "check",
            "--format",
            "json",
            "infra/tasks.md",
            "web/ROADMAP.md",
        ],
    ] {
        let json = json_of(&tracker(&dir.0, args));
        assert_eq!(
            field(&json, "rule"),
            Vec::<String>::new(),
            "{args:?}: {json}"
        );
    }
}

#[test]
fn json_output_follows_the_schema() {
    let dir = Dir::new("json");
    dir.write("plan.md", STALE);
    dir.write("bad.md", b"\xff\xfe");
    let out = tracker(&dir.0, &["check", "--format", "json", "plan.md", "bad.md"]);
    assert_eq!(out.status.code(), Some(2));
    let json = json_of(&out);
    assert_eq!(json["version"], 1);
    let d = &json["diagnostics"][0];
    assert_eq!(
        (d["path"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
        (Some("plan.md"), Some(3), Some(13))
    );
    assert_eq!(
        (d["end_line"].as_u64(), d["end_column"].as_u64()),
        (Some(3), Some(16))
    );
    assert_eq!(
        (
            d["code"].as_str(),
            d["rule"].as_str(),
            d["severity"].as_str()
        ),
        (Some("TRK001"), Some("count-mismatch"), Some("error"))
    );
    assert_eq!(d["fix"]["applicability"], "safe");
    assert_eq!(d["fix"]["edits"][0]["content"], "1");
    assert_eq!(json["errors"][0]["path"], "bad.md");
}

#[test]
fn github_format_writes_annotations() {
    let dir = Dir::new("github");
    dir.write("plan.md", STALE);
    let out = tracker(&dir.0, &["check", "--format", "github", "plan.md"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "::error file=plan.md,line=3,col=13,endLine=3,endColumn=16,title=TRK001 count-mismatch::declared 0/2, but 1 of 2 items under Phase 1 are done\n"
    );
}

#[test]
fn select_and_ignore_choose_rules() {
    let dir = Dir::new("select");
    dir.write(
        "plan.md",
        "# P\n\n## Phase 1 (0/2)\n\n- [] Schema\n- [x] API\n",
    );
    let codes = |args: &[&str]| {
        let out = tracker(
            &dir.0,
            &[&["check", "--format", "json", "plan.md"], args].concat(),
        );
        let json = json_of(&out);
        field(&json, "code")
    };
    assert_eq!(codes(&[]), ["TRK001", "TRK006"]);
    assert_eq!(codes(&["--select", "checkbox-syntax"]), ["TRK006"]);
    assert_eq!(codes(&["--ignore", "TRK006"]), ["TRK001"]);
    let out = tracker(&dir.0, &["check", "--select", "cout-mismatch", "plan.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "tracker: error: unknown rule `cout-mismatch`\n"
    );
}

#[test]
fn misspelt_rule_in_config_is_a_clear_error() {
    let dir = Dir::new("config-rule");
    dir.write("plan.md", STALE);
    dir.write(
        ".tracker.yml",
        "rules:\n  count-mismatch: warning\n  cout-mismatch: off\n",
    );
    let out = tracker(&dir.0, &["check", "plan.md"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(".tracker.yml: invalid config: unknown rule `cout-mismatch` at line 3"),
        "{err}"
    );
}

#[test]
fn unknown_config_key_names_its_line() {
    let dir = Dir::new("config-key");
    dir.write("plan.md", STALE);
    dir.write("custom.yml", "rules: {}\ncountng:\n  cancelled: done\n");
    let out = tracker(&dir.0, &["check", "--config", "custom.yml", "plan.md"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("custom.yml")
            && err.contains("unknown field `countng`")
            && err.contains("line 2"),
        "{err}"
    );
}

#[test]
fn config_is_found_in_a_parent_and_sets_severity() {
    let dir = Dir::new("config-parent");
    dir.write(".tracker.yml", "rules:\n  count-mismatch: warning\n");
    dir.write("sub/plan.md", STALE);
    let out = tracker(
        &dir.0.join("sub"),
        &["check", "--format", "json", "plan.md"],
    );
    assert_eq!(out.status.code(), Some(0), "warnings do not fail the run");
    let json = json_of(&out);
    assert_eq!(json["diagnostics"][0]["severity"], "warning");
    dir.write(".tracker.yml", "rules:\n  count-mismatch: off\n");
    let out = tracker(&dir.0.join("sub"), &["check", "plan.md"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn misspelt_rule_in_a_suppression_comment_is_reported() {
    let dir = Dir::new("suppress");
    dir.write(
        "plan.md",
        format!("<!-- tracker-disable-next-line cout-mismatch -->\n{STALE}"),
    );
    let out = tracker(&dir.0, &["check", "--format", "json", "plan.md"]);
    let json = json_of(&out);
    let codes = field(&json, "code");
    assert_eq!(codes, ["TRK008", "TRK001"]);
    dir.write(
        "plan.md",
        STALE.replace(
            "## Phase",
            "<!-- tracker-disable-next-line count-mismatch -->\n## Phase",
        ),
    );
    assert_eq!(
        tracker(&dir.0, &["check", "plan.md"]).status.code(),
        Some(0)
    );
    dir.write("plan.md", format!("<!-- tracker-disable-file -->\n{STALE}"));
    assert_eq!(
        tracker(&dir.0, &["check", "plan.md"]).status.code(),
        Some(0)
    );
}

#[test]
fn standard_input_is_named_by_stdin_filename() {
    let dir = Dir::new("stdin");
    let mut child = Command::new(env!("CARGO_BIN_EXE_tracker"))
        .args([
            "check",
            "-",
            "--stdin-filename",
            "docs/plan.md",
            "--format",
            "github",
        ])
        .current_dir(&dir.0)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(STALE.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("::error file=docs/plan.md,line=3,"));
}

#[test]
fn colours_follow_the_flag_and_no_color() {
    let dir = Dir::new("color");
    dir.write("plan.md", STALE);
    let always = tracker(&dir.0, &["check", "--color", "always", "plan.md"]);
    assert!(String::from_utf8_lossy(&always.stdout).contains("\x1b["));
    let never = tracker(&dir.0, &["check", "--color", "never", "plan.md"]);
    assert!(!String::from_utf8_lossy(&never.stdout).contains("\x1b["));
    let piped = tracker(&dir.0, &["check", "plan.md"]);
    assert!(
        !String::from_utf8_lossy(&piped.stdout).contains("\x1b["),
        "not a terminal: no colour"
    );
}

#[test]
fn crlf_and_bom_files_report_the_same_positions() {
    let dir = Dir::new("crlf");
    dir.write("lf.md", STALE);
    dir.write("crlf.md", STALE.replace('\n', "\r\n"));
    dir.write("bom.md", format!("\u{feff}{STALE}"));
    for name in ["lf.md", "crlf.md", "bom.md"] {
        let out = tracker(&dir.0, &["check", "--format", "github", name]);
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        assert!(
            text.contains("line=3,col=13,endLine=3,endColumn=16"),
            "{name}: {text}"
        );
    }
}

#[test]
fn help_explains_every_flag() {
    let dir = Dir::new("help");
    let top = String::from_utf8_lossy(&tracker(&dir.0, &["--help"]).stdout).to_string();
    assert!(top.contains("check") && top.contains("--version"), "{top}");
    let check = String::from_utf8_lossy(&tracker(&dir.0, &["check", "--help"]).stdout).to_string();
    for flag in [
        "--format",
        "--select",
        "--ignore",
        "--config",
        "--color",
        "--stdin-filename",
        "[PATH]",
    ] {
        assert!(check.contains(flag), "check --help lacks {flag}");
    }
    for rule in tracker::rules::RULES {
        assert!(
            check.contains(rule.name) && check.contains(rule.code),
            "check --help lacks {}",
            rule.name
        );
    }
}

#[test]
fn the_readme_command_checks_the_bundled_seeds() {
    let out = tracker(&common::root(), &["check", "fixtures/seeds"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("Checked 5 files: 185 findings"),
        "{}",
        stdout.lines().last().unwrap_or_default()
    );
}

#[test]
fn include_and_exclude_globs_filter_walked_files() {
    let dir = Dir::new("globs");
    dir.write("docs/plan.md", STALE);
    dir.write("docs/archive/old.md", STALE);
    dir.write("notes/todo.md", STALE);
    dir.write(
        ".tracker.yml",
        "include: [\"docs/**\"]\nexclude: [\"docs/archive/**\"]\n",
    );
    let out = tracker(&dir.0, &["check", "--format", "json", "."]);
    let json = json_of(&out);
    let paths = field(&json, "path");
    assert_eq!(paths, ["docs/plan.md"]);
    let named = json_of(&tracker(
        &dir.0,
        &["check", "--format", "json", "notes/todo.md"],
    ));
    assert_eq!(
        named["files_checked"], 1,
        "files named on the command line are always taken"
    );
}

#[test]
fn globs_are_relative_to_the_config_file() {
    let dir = Dir::new("globs-sub");
    dir.write(".tracker.yml", "exclude: [\"docs/archive/**\"]\n");
    dir.write("docs/plan.md", STALE);
    dir.write("docs/archive/old.md", STALE);
    let out = tracker(&dir.0.join("docs"), &["check", "--format", "json"]);
    let json = json_of(&out);
    assert_eq!(json["files_checked"], 1, "{json}");
}

// ---------------------------------------------------------------- fix

const FIXED: &str = "# Plan\n\n## Phase 1 (1/2)\n\n- [x] Schema\n- [ ] API\n";

#[test]
fn fix_rewrites_the_figure_and_exits_0_when_nothing_remains() {
    let dir = Dir::new("fix");
    let path = dir.write("plan.md", STALE);
    let out = tracker(&dir.0, &["fix", "plan.md"]);
    insta::assert_snapshot!(transcript(&out));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), FIXED);
    let again = tracker(&dir.0, &["fix", "plan.md"]);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&again.stdout),
        "Checked 1 file: no findings.\n"
    );
}

#[test]
fn fix_exits_1_when_findings_without_a_safe_fix_remain() {
    let dir = Dir::new("fix-remaining");
    let path = dir.write("plan.md", "# P\n\n## Phase 1 ✅\n\n- [x] A\n- [ ] B\n");
    let out = tracker(&dir.0, &["fix", "plan.md"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("TRK004 status-drift"));
    let unsafe_fix = tracker(&dir.0, &["fix", "--unsafe-fixes", "plan.md"]);
    assert_eq!(unsafe_fix.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "# P\n\n## Phase 1 ⏳\n\n- [x] A\n- [ ] B\n"
    );
}

#[test]
fn diff_writes_nothing_and_applies_with_git_apply() {
    let dir = Dir::new("diff");
    let lf = dir.write("plan.md", STALE);
    let crlf = dir.write("crlf.md", STALE.replace('\n', "\r\n"));
    let out = tracker(&dir.0, &["fix", "--diff", "plan.md", "crlf.md"]);
    assert_eq!(out.status.code(), Some(1), "something would change");
    assert_eq!(
        std::fs::read_to_string(&lf).unwrap(),
        STALE,
        "--diff writes nothing"
    );
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout).replace('\r', "␍"));
    dir.write("changes.diff", &out.stdout);
    let apply = Command::new("git")
        .args(["apply", "changes.diff"])
        .current_dir(&dir.0)
        .output()
        .expect("git apply");
    assert!(
        apply.status.success(),
        "{}",
        String::from_utf8_lossy(&apply.stderr)
    );
    assert_eq!(std::fs::read_to_string(&lf).unwrap(), FIXED);
    assert_eq!(
        std::fs::read_to_string(&crlf).unwrap(),
        FIXED.replace('\n', "\r\n")
    );
    let clean = tracker(&dir.0, &["fix", "--diff", "plan.md", "crlf.md"]);
    assert_eq!((clean.status.code(), clean.stdout.len()), (Some(0), 0));
}

#[test]
fn permissions_survive_a_fix() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Dir::new("perms");
    let path = dir.write("plan.md", STALE);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    assert_eq!(tracker(&dir.0, &["fix", "plan.md"]).status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), FIXED);
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640
    );
}

#[test]
fn a_symlinked_file_stays_a_symlink() {
    let dir = Dir::new("symlink");
    let target = dir.write("real/plan.md", STALE);
    let link = dir.0.join("plan.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    assert_eq!(tracker(&dir.0, &["fix", "plan.md"]).status.code(), Some(0));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), FIXED);
}

/// Makes a file unwritable even for root (immutable), or its directory read-only otherwise.
fn make_unwritable(path: &Path) -> impl Drop {
    struct Restore(PathBuf, bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            if self.1 {
                let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
            } else if let Some(dir) = self.0.parent() {
                use std::os::unix::fs::PermissionsExt;
                let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755));
            }
        }
    }
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    if root {
        let status = Command::new("chattr")
            .arg("+i")
            .arg(path)
            .status()
            .expect("chattr");
        assert!(
            status.success(),
            "chattr +i is needed to make a file unwritable for root"
        );
    } else {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            path.parent().unwrap(),
            std::fs::Permissions::from_mode(0o555),
        )
        .unwrap();
    }
    Restore(path.to_path_buf(), root)
}

#[test]
fn an_unwritable_file_gives_exit_2_while_the_others_are_fixed() {
    let dir = Dir::new("unwritable");
    let good = dir.write("a.md", STALE);
    let locked = dir.write("locked/b.md", STALE);
    let restore = make_unwritable(&locked);
    let out = tracker(&dir.0, &["fix", "a.md", "locked/b.md"]);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    drop(restore);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    // Immutable (as root) the file is not writable; in a read-only folder (otherwise) the
    // temporary file cannot be made.
    assert!(
        stderr.starts_with("error: locked/b.md: permission denied (the file is not writable)")
            || stderr.starts_with("error: locked/b.md: cannot write:"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&good).unwrap(), FIXED);
    assert_eq!(std::fs::read_to_string(&locked).unwrap(), STALE);
    let leftovers: Vec<_> = std::fs::read_dir(locked.parent().unwrap())
        .unwrap()
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
}

#[test]
fn fixing_standard_input_prints_the_fixed_text() {
    let dir = Dir::new("fix-stdin");
    let mut child = Command::new(env!("CARGO_BIN_EXE_tracker"))
        .args(["fix", "-"])
        .current_dir(&dir.0)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(STALE.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        FIXED,
        "only the document goes to stdout"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "Fixed 1 finding in 1 file.\nChecked 1 file: no findings.\n"
    );
}

/// `tracker fix ARGS` in `dir` with `input` on standard input and `env` set.
fn fix_stdin(dir: &Path, args: &[&str], input: &[u8], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tracker"));
    cmd.arg("fix")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("spawn");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}

#[test]
fn fixing_standard_input_that_fails_gives_the_document_back_and_reports_on_stderr() {
    let dir = Dir::new("fix-stdin-fails");
    // Not UTF-8: the bytes come back as they were.
    let mut bad = STALE.as_bytes().to_vec();
    bad.extend_from_slice(b"\xff\n");
    let out = fix_stdin(&dir.0, &["-"], &bad, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(out.stdout, bad, "stdout holds the document as it was");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error: -: not valid UTF-8") && stderr.contains("1 file failed"),
        "{stderr}"
    );
    // A failure while fixing it (an internal error): the same.
    let out = fix_stdin(
        &dir.0,
        &["-", "--stdin-filename", "plan.md"],
        STALE.as_bytes(),
        &[("TRACKER_DEBUG_PANIC", "fix:plan.md")],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stdout), STALE);
    assert!(String::from_utf8_lossy(&out.stderr).contains("error: plan.md: internal error"));
}

#[test]
fn fixing_standard_input_beside_files_keeps_every_report_on_stderr() {
    let dir = Dir::new("fix-stdin-beside");
    dir.write("other.md", STALE);
    std::fs::set_permissions(
        dir.0.join("other.md"),
        std::os::unix::fs::PermissionsExt::from_mode(0o444),
    )
    .unwrap();
    for format in ["human", "json", "concise", "github", "sarif"] {
        let out = fix_stdin(
            &dir.0,
            &["-", "other.md", "--format", format],
            STALE.as_bytes(),
            &[],
        );
        assert_eq!(out.status.code(), Some(2), "{format}");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            FIXED,
            "{format}: only the document goes to stdout"
        );
        assert!(!out.stderr.is_empty(), "{format}");
    }
}

#[test]
fn the_working_calendar_of_the_config_converts_durations() {
    let dir = Dir::new("calendar");
    dir.write(
        "plan.md",
        "# Release\n\n## Task 1: Design (12 hours)\n**Blocks:** Task 2\n\n## Task 2: Build (4 hours)\n\n**Critical Path:** Task 1 → Task 2 (Total: 2 days)\n",
    );
    // Eight hours a day: 16 hours are the 2 days declared.
    let out = tracker(&dir.0, &["check", "plan.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", transcript(&out));
    // Six: they are not, and only the hours per day were set.
    dir.write(".tracker.yml", "duration:\n  hours-per-day: 6\n");
    let out = tracker(&dir.0, &["check", "--format", "concise", "plan.md"]);
    assert_eq!(out.status.code(), Some(1), "{}", transcript(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("declared total 2 days, but"),
        "{}",
        transcript(&out)
    );
    dir.write(".tracker.yml", "duration:\n  hours-per-day: -8\n");
    let out = tracker(&dir.0, &["check", "plan.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(
            "invalid config: duration.hours-per-day at line 2 must be a number above 0 and at most 24, not -8"
        ),
        "{}",
        transcript(&out)
    );
}
