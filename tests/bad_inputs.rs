//! Every kind of bad input, given to the real binary beside a good file: a one-line error
//! naming the bad file and the cause, exit 2, the bad file untouched, and the good file
//! still checked and fixed. Inputs that are odd but valid (empty, only a BOM, CR line
//! endings, deep nesting, huge lines, many edges) are processed, never crash.

mod common;

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use common::Dir;

/// A good tracker whose declared count is stale: `check` reports it, `fix` corrects it.
const STALE: &str = "# Plan\n\n## Phase 1 (0/2)\n\n- [x] Schema\n- [ ] API\n";
const FIXED: &str = "# Plan\n\n## Phase 1 (1/2)\n\n- [x] Schema\n- [ ] API\n";

fn tracker(dir: &Path, args: &[&str]) -> Output {
    tracker_env(dir, args, &[])
}

fn tracker_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tracker"));
    cmd.args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("RUST_BACKTRACE");
    for (k, v) in env {
        cmd.env(k, v);
    }
    run_bounded(cmd)
}

/// Runs a command, killing it if it has not finished in 120 s (a hang is a failure). The
/// output is drained while it runs, so a large report cannot fill the pipe and stall it.
fn run_bounded(mut cmd: Command) -> Output {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tracker");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            pipe.read_to_end(&mut buf).expect("read output");
            buf
        })
    };
    let stdout = drain(Box::new(child.stdout.take().expect("stdout")));
    let stderr = drain(Box::new(child.stderr.take().expect("stderr")));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("tracker did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: stdout.join().expect("stdout thread"),
        stderr: stderr.join().expect("stderr thread"),
    }
}

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `check` and `fix` on `bad` beside `ok.md`: the error is one line naming `bad` and
/// containing `cause`, exit 2, `ok.md` is reported and then fixed, and `bad` keeps its bytes
/// (when it is a file that can be read at all).
fn refused(dir: &Dir, bad: &str, cause: &str) {
    dir.write("ok.md", STALE);
    let bytes = |name: &str| {
        let path = dir.0.join(name);
        // Reading a FIFO would wait for a writer: only regular files are compared.
        std::fs::metadata(&path)
            .is_ok_and(|m| m.is_file())
            .then(|| std::fs::read(&path).expect("read"))
    };
    let before = bytes(bad);
    let out = tracker(&dir.0, &["check", bad, "ok.md"]);
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(
        stderr.starts_with(&format!("error: {bad}: ")) && stderr.contains(cause),
        "expected `{cause}` for {bad}: {stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("ok.md:3:"), "ok.md still checked: {stdout}");
    assert!(stdout.contains("1 file failed"), "{stdout}");

    let out = tracker(&dir.0, &["fix", bad, "ok.md"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr_of(&out));
    assert_eq!(std::fs::read_to_string(dir.0.join("ok.md")).unwrap(), FIXED);
    assert_eq!(bytes(bad), before, "{bad} untouched");
}

#[test]
fn not_utf8_is_refused_with_the_offset() {
    let dir = Dir::new("not-utf8");
    dir.write("latin1.md", b"# Plan\n\n- [x] caf\xe9\n");
    refused(
        &dir,
        "latin1.md",
        "not valid UTF-8 (invalid byte at offset 17)",
    );
}

#[test]
fn a_nul_byte_is_a_binary_file() {
    let dir = Dir::new("binary");
    dir.write("image.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    refused(&dir, "image.md", "binary file (NUL byte at offset 8)");
}

#[test]
fn a_fifo_named_on_the_command_line_does_not_hang() {
    let dir = Dir::new("fifo");
    let status = Command::new("mkfifo")
        .arg(dir.0.join("pipe.md"))
        .status()
        .expect("mkfifo");
    assert!(status.success());
    refused(&dir, "pipe.md", "not a regular file");
}

#[test]
fn a_device_is_not_a_regular_file() {
    let dir = Dir::new("device");
    dir.write("ok.md", STALE);
    let out = tracker(&dir.0, &["check", "/dev/zero", "ok.md"]);
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr, "error: /dev/zero: not a regular file\n");
    assert!(String::from_utf8_lossy(&out.stdout).contains("ok.md:3:"));
}

#[test]
fn a_dangling_symlink_is_no_such_file() {
    let dir = Dir::new("dangling");
    std::os::unix::fs::symlink("gone.md", dir.0.join("link.md")).unwrap();
    refused(&dir, "link.md", "no such file");
}

#[test]
fn a_symlink_loop_named_is_refused_and_one_walked_ends() {
    let dir = Dir::new("loop");
    std::os::unix::fs::symlink("b.md", dir.0.join("a.md")).unwrap();
    std::os::unix::fs::symlink("a.md", dir.0.join("b.md")).unwrap();
    refused(&dir, "a.md", "symbolic links");

    // A directory that links back to its parent: the walk does not follow it, so it ends
    // and finds each file once.
    let tree = Dir::new("dir-loop");
    tree.write("docs/ok.md", STALE);
    std::os::unix::fs::symlink("..", tree.0.join("docs/up")).unwrap();
    std::os::unix::fs::symlink("../docs", tree.0.join("docs/again")).unwrap();
    let out = tracker(&tree.0, &["check", "--format", "concise", "."]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert_eq!(stdout.matches("ok.md:3:").count(), 1, "{stdout}");
    assert!(stdout.contains("Checked 1 file"), "{stdout}");
}

#[test]
fn a_missing_file_is_no_such_file() {
    let dir = Dir::new("missing");
    refused(&dir, "missing.md", "no such file");
}

#[test]
fn empty_bom_only_and_whitespace_files_are_clean() {
    let dir = Dir::new("empty");
    for (name, bytes) in [
        ("empty.md", &b""[..]),
        ("bom.md", b"\xef\xbb\xbf"),
        ("blank.md", b"\n\r\n \t\n"),
    ] {
        dir.write(name, bytes);
        let out = tracker(&dir.0, &["check", name]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr_of(&out));
        let out = tracker(&dir.0, &["fix", name]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr_of(&out));
        assert_eq!(std::fs::read(dir.0.join(name)).unwrap(), bytes, "{name}");
    }
}

#[test]
fn cr_only_line_endings_are_read_and_kept() {
    let dir = Dir::new("cr");
    let cr = STALE.replace('\n', "\r");
    dir.write("mac.md", &cr);
    let out = tracker(&dir.0, &["check", "--format", "concise", "mac.md"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.starts_with("mac.md:3:13: TRK001"), "{stdout}");
    let out = tracker(&dir.0, &["fix", "mac.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert_eq!(
        std::fs::read_to_string(dir.0.join("mac.md")).unwrap(),
        FIXED.replace('\n', "\r")
    );
}

#[test]
fn a_3000_deep_list_and_a_20000_deep_quote_do_not_overflow_the_stack() {
    let dir = Dir::new("deep");
    let mut list = String::from("# Plan (0/3000)\n\n");
    for depth in 0..3000 {
        list.push_str(&"  ".repeat(depth));
        list.push_str("- [x] step\n");
    }
    dir.write("list.md", &list);
    let quote = format!("# Plan\n\n{}- [ ] deep (1/1)\n", "> ".repeat(20_000));
    dir.write("quote.md", &quote);
    for name in ["list.md", "quote.md"] {
        for command in ["check", "graph", "status"] {
            let out = tracker(&dir.0, &[command, name]);
            let code = out.status.code();
            assert!(
                matches!(code, Some(0 | 1)),
                "{command} {name}: {code:?} {}",
                stderr_of(&out)
            );
        }
        let out = tracker(&dir.0, &["fix", "--diff", name]);
        assert!(matches!(out.status.code(), Some(0 | 1)), "{name}");
    }
}

#[test]
fn a_single_50_mb_line_is_checked() {
    let dir = Dir::new("long-line");
    let mut text = String::from("# Plan\n\n- [x] a\n- [ ] b (3/4) ");
    text.push_str(&"figure 50% (1/2) ✅ ".repeat(50 * 1024 * 1024 / 22));
    dir.write("long.md", &text);
    dir.write("ok.md", STALE);
    let out = tracker(
        &dir.0,
        &["check", "--format", "concise", "long.md", "ok.md"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("ok.md:3:"));
}

#[test]
fn a_hundred_thousand_dependency_edges() {
    let dir = Dir::new("edges");
    let mut text = String::from("# Plan\n\n");
    let mut edges = 0;
    for i in 1..=2100_usize {
        text.push_str(&format!("### Task {i}: step {i}\n\n"));
        let deps: Vec<String> = (i.saturating_sub(50).max(1)..i)
            .map(|j| format!("Task {j}"))
            .collect();
        edges += deps.len();
        if !deps.is_empty() {
            text.push_str(&format!("**Dependencies**: {}\n", deps.join(", ")));
        }
        text.push_str("**Estimate**: 1 day\n\n");
    }
    assert!(edges >= 100_000);
    dir.write("plan.md", &text);
    let out = tracker(&dir.0, &["check", "plan.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let out = tracker(&dir.0, &["graph", "--format", "json", "plan.md"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["edges"].as_array().unwrap().len(), edges);
    let path = json["critical_paths"][0]["nodes"].as_array().unwrap();
    assert_eq!(path.len(), 2100, "each task waits for the one before");
}

/// `## Task i` depending on `Task i-1`, for `from..=to`.
fn chain(from: usize, to: usize) -> String {
    let mut text = String::new();
    for i in from..=to {
        text.push_str(&format!("## Task {i}: step\n\n"));
        if i > 1 {
            text.push_str(&format!("**Depends on:** Task {}\n\n", i - 1));
        }
        text.push_str("- [ ] work\n\n");
    }
    text
}

#[test]
fn a_200000_unit_chain_in_one_file_does_not_overflow_the_stack() {
    let dir = Dir::new("chain");
    dir.write("chain.md", format!("# Chain\n\n{}", chain(1, 200_000)));
    dir.write("ok.md", STALE);
    // Beside another file, alone, and as a graph.
    for args in [
        &["check", "chain.md", "ok.md"][..],
        &["check", "chain.md"],
        &["graph", "--format", "json", "chain.md"],
        &["fix", "--diff", "chain.md", "ok.md"],
    ] {
        let out = tracker(&dir.0, args);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {:?} {}",
            out.status,
            stderr_of(&out)
        );
    }
    let out = tracker(&dir.0, &["graph", "--format", "json", "chain.md"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["edges"].as_array().unwrap().len(), 199_999);
}

#[test]
fn a_cycle_through_200000_files_does_not_overflow_the_stack() {
    let dir = Dir::new("file-chain");
    dir.write(".git/HEAD", "ref: refs/heads/main\n");
    let n = 200_000;
    // Each task waits for the one before, in a file of its own; the first waits for the
    // last, so the cycle search walks the whole chain.
    for i in 1..=n {
        let before = if i == 1 { n } else { i - 1 };
        dir.write(
            &format!("d{:03}/t{i}.md", i / 1000),
            format!("# Task {i}: step\n\n**Depends on:** Task {before}\n\n- [ ] work\n"),
        );
    }
    let out = tracker(&dir.0, &["check", "--format", "concise", "."]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    assert_eq!(
        stdout.matches("TRK101 dependency-cycle").count(),
        1,
        "one cycle, reported once"
    );
    assert!(stdout.contains("Checked 200000 files"), "{stdout}");
}

/// Every fixture, one after another, until `bytes`: many trackers in one document, each
/// repeating the ids of the others.
fn concatenated_fixtures(bytes: usize) -> String {
    let texts = common::fixture_texts();
    let mut out = String::new();
    for text in texts.iter().cycle() {
        if out.len() >= bytes {
            break;
        }
        out.push_str(text);
        out.push('\n');
    }
    out
}

#[test]
fn a_100000_row_table_and_5_mb_of_concatenated_trackers_take_bounded_time() {
    // Time that grew with the square of one document's size made these take many minutes
    // (a 16,000-row table took 12 s in a release build); each command is given 120 s here.
    let dir = Dir::new("one-large-document");
    let mut table = String::from("# Plan\n\n| Task | Status | Progress |\n|---|---|---|\n");
    for i in 0..100_000 {
        let state = ["Done", "In Progress", "Not Started"][i % 3];
        table.push_str(&format!(
            "| Task {} | {state} | {}% |\n",
            i + 1,
            (i * 7) % 3 * 50
        ));
    }
    dir.write("table.md", &table);
    dir.write("concatenated.md", concatenated_fixtures(5_000_000));
    for name in ["table.md", "concatenated.md"] {
        for args in [
            &["check"][..],
            &["fix", "--diff"],
            &["status"],
            &["graph", "--format", "json"],
        ] {
            let out = tracker(&dir.0, &[args, &[name]].concat());
            assert!(
                matches!(out.status.code(), Some(0 | 1)),
                "{args:?} {name}: {:?} {}",
                out.status,
                stderr_of(&out)
            );
        }
    }
}

/// A config error is one line naming the config file, exit 2, and nothing is written.
fn bad_config(yaml: &str, cause: &str) {
    let dir = Dir::new("config");
    dir.write(".tracker.yml", yaml);
    dir.write("ok.md", STALE);
    let start = Instant::now();
    let out = tracker(&dir.0, &["fix", "ok.md"]);
    let stderr = stderr_of(&out);
    assert!(start.elapsed() < Duration::from_secs(10), "refused fast");
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains(".tracker.yml: invalid config") && stderr.contains(cause),
        "expected `{cause}`: {stderr}"
    );
    assert_eq!(std::fs::read_to_string(dir.0.join("ok.md")).unwrap(), STALE);
}

#[test]
fn malformed_config() {
    bad_config("rules: [\n", "line");
    bad_config("rules:\n  count-mismatch: loud\n", "loud");
}

#[test]
fn config_with_an_unknown_key() {
    bad_config("rulez: {}\n", "unknown field `rulez`");
}

#[test]
fn config_alias_bombs_are_refused_without_expanding() {
    // A billion laughs: nine levels of nine aliases each.
    let mut bomb = String::from("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 9].join(",");
        bomb.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    bad_config(&format!("{bomb}rules: *a9\n"), "unknown field `a0`");
    // The same under keys the config has, so that parsing reaches the aliases.
    let nested = bomb.lines().map(|l| format!("  {l}\n")).collect::<String>();
    bad_config(&format!("markers:\n{nested}"), "invalid config");
}

#[test]
fn a_panic_in_one_file_is_an_internal_error_and_the_others_go_on() {
    let dir = Dir::new("panic");
    dir.write("a.md", STALE);
    dir.write("b.md", STALE);
    for stage in ["parse", "check", "fix"] {
        dir.write("b.md", STALE);
        let spec = format!("{stage}:a.md");
        let env = [("TRACKER_DEBUG_PANIC", spec.as_str())];
        let command = if stage == "fix" { "fix" } else { "check" };
        let out = tracker_env(&dir.0, &[command, "a.md", "b.md"], &env);
        let stderr = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{stage}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stage}: one line: {stderr}");
        assert!(
            stderr.starts_with(&format!(
                "error: a.md: internal error: TRACKER_DEBUG_PANIC at {stage}"
            )) && stderr.contains("a bug in tracker"),
            "{stage}: {stderr}"
        );
        assert!(!stderr.contains("panicked at"), "{stderr}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(std::fs::read_to_string(dir.0.join("a.md")).unwrap(), STALE);
        if command == "fix" {
            assert_eq!(std::fs::read_to_string(dir.0.join("b.md")).unwrap(), FIXED);
        } else {
            assert!(
                stdout.contains("b.md:3:"),
                "{stage}: b.md checked: {stdout}"
            );
        }
    }
    // `fix` also checks while it fixes, and `status` checks before it shows.
    let env = [("TRACKER_DEBUG_PANIC", "check:a.md")];
    for command in ["fix", "status"] {
        dir.write("b.md", STALE);
        let out = tracker_env(&dir.0, &[command, "a.md", "b.md"], &env);
        let stderr = stderr_of(&out);
        assert_eq!(out.status.code(), Some(2), "{command}: {stderr}");
        assert!(
            stderr.starts_with("error: a.md: internal error:"),
            "{command}: {stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "{command}: {stderr}");
    }
    assert_eq!(std::fs::read_to_string(dir.0.join("b.md")).unwrap(), STALE);
}
