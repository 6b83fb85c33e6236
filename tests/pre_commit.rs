//! The pre-commit hooks of .pre-commit-hooks.yaml, run by the real `pre-commit` client from
//! PyPI (installed into a virtual environment under target/tmp/) in a temporary git repository
//! that uses this repository's hooks at its current commit. pre-commit builds `tracker` with
//! cargo, as it would for a user.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const STALE: &str = "# Plan\n\n## Phase 1 (0/2)\n\n- [x] Schema\n- [ ] API\n";
const FIXED: &str = "# Plan\n\n## Phase 1 (1/2)\n\n- [x] Schema\n- [ ] API\n";

fn run(cmd: &mut Command) -> Output {
    cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"))
}

fn ok(cmd: &mut Command) -> String {
    let out = run(cmd);
    assert!(
        out.status.success(),
        "{cmd:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The pre-commit client, installed from PyPI on first use.
fn pre_commit(target: &Path) -> PathBuf {
    let venv = target.join("pre-commit-venv");
    let client = venv.join("bin/pre-commit");
    if !client.exists() {
        ok(Command::new("python3").args(["-m", "venv"]).arg(&venv));
        ok(Command::new(venv.join("bin/pip")).args(["install", "--quiet", "pre-commit"]));
    }
    client
}

/// A git repository in a temporary folder, with the hook of `id` from this repository.
struct Repo {
    dir: PathBuf,
    client: PathBuf,
    home: PathBuf,
}

impl Repo {
    fn new(client: PathBuf, home: PathBuf) -> Self {
        let dir = std::env::temp_dir().join(format!("tracker-pre-commit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let repo = Repo { dir, client, home };
        repo.git(&["init", "--quiet"]);
        repo.git(&["config", "user.email", "tracker@example.com"]);
        repo.git(&["config", "user.name", "tracker"]);
        repo.git(&["config", "commit.gpgsign", "false"]);
        repo
    }

    fn git(&self, args: &[&str]) -> Output {
        run(Command::new("git")
            .args(args)
            .current_dir(&self.dir)
            .env("PRE_COMMIT_HOME", &self.home)
            .env("NO_COLOR", "1"))
    }

    /// Uses the hook `id` of this repository at `rev`, and installs the git hook.
    fn use_hook(&self, id: &str, rev: &str) {
        let config = format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: {id}\n",
            common::root().display()
        );
        std::fs::write(self.dir.join(".pre-commit-config.yaml"), config).expect("config");
        ok(Command::new(&self.client)
            .arg("install")
            .current_dir(&self.dir)
            .env("PRE_COMMIT_HOME", &self.home));
    }

    fn commit(&self, message: &str) -> (bool, String) {
        self.git(&["add", "--all"]);
        let out = self.git(&["commit", "--quiet", "-m", message]);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.success(), text)
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir.join(name)).expect("read")
    }
}

impl Drop for Repo {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn hooks_refuse_a_stale_tracker_and_fix_it() {
    let root = common::root();
    let rev = ok(Command::new("git")
        .args(["rev-parse", "HEAD"])
        .current_dir(&root))
    .trim()
    .to_string();
    let target = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let client = pre_commit(&target);
    let repo = Repo::new(client, target.join("pre-commit-home"));

    // tracker-check refuses the commit and shows the finding.
    repo.use_hook("tracker-check", &rev);
    std::fs::write(repo.dir.join("plan.md"), STALE).expect("write");
    std::fs::write(repo.dir.join("README.md"), "# Notes\n\nNothing tracked.\n").expect("write");
    let (passed, output) = repo.commit("a stale plan");
    assert!(!passed, "the commit is refused:\n{output}");
    assert!(output.contains("tracker check"), "{output}");
    assert!(
        output.contains("plan.md:3:13: TRK001 [*] count-mismatch declared 0/2, but 1 of 2 items"),
        "{output}"
    );
    assert_eq!(repo.read("plan.md"), STALE, "check writes nothing");

    // tracker-fix repairs the file and refuses the commit once, so it is re-staged.
    repo.use_hook("tracker-fix", &rev);
    let (passed, output) = repo.commit("a stale plan");
    assert!(!passed, "refused once:\n{output}");
    assert!(
        output.contains("files were modified by this hook"),
        "{output}"
    );
    assert_eq!(repo.read("plan.md"), FIXED);

    // The next commit passes.
    let (passed, output) = repo.commit("a fixed plan");
    assert!(passed, "{output}");
    let log = String::from_utf8_lossy(&repo.git(&["log", "--oneline"]).stdout).into_owned();
    assert!(log.contains("a fixed plan"), "{log}");
}
