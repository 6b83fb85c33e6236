#!/usr/bin/env python3
"""Does `tracker` say the same as it did at another commit?

    python3 scripts/compare_output.py REV [--shared ../shared] [--show 40]

Builds `tracker` at REV (in a worktree under target/compare/, kept between runs) and at the
working tree, then runs both, from the same folder, on:

- the seeds: the bundled `fixtures/seeds` folder, and each document of SHARED/seeds named alone;
- three generated corpora (`gen_corpus.py --files 300 --seed 1/2/3`);
- every case of SHARED/realworld/set-*, each copied alone into a fresh folder (as the scorer
  checks them),

with each of `check`, `check --format json`, `fix --diff`, `fix --diff --unsafe-fixes`,
`graph`, `graph --format json`, `status` and `status --format json`. Standard output, standard
error and the exit code must be the same bytes. Prints each difference (the first SHOW lines
of a unified diff) and one closing line; exits 1 when something differs. Nothing is written to
the inputs: `fix` runs only with `--diff`.
"""
import argparse, difflib, glob, os, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COMMANDS = [
    ["check"],
    ["check", "--format", "json"],
    ["fix", "--diff"],
    ["fix", "--diff", "--unsafe-fixes"],
    ["graph"],
    ["graph", "--format", "json"],
    ["status"],
    ["status", "--format", "json"],
]


def git(*args, cwd=ROOT):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout.strip()


def build_at(rev):
    """The release binary of `rev`, built once in a worktree of its own."""
    sha = git("rev-parse", "--verify", f"{rev}^{{commit}}")
    base = os.path.join(ROOT, "target", "compare", sha)
    binary = os.path.join(base, "target", "release", "tracker")
    if not os.path.exists(binary):
        tree = os.path.join(base, "tree")
        if not os.path.isdir(tree):
            git("worktree", "add", "--detach", tree, sha)
        subprocess.run(["cargo", "build", "--release", "--quiet", "--target-dir",
                        os.path.join(base, "target")], cwd=tree, check=True)
    return sha, binary


def build_here():
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    return os.path.join(ROOT, "target", "release", "tracker")


def cases(shared, scratch):
    """(label, folder to run in, paths to name) for every input of the comparison."""
    found = [("fixtures/seeds", ROOT, ["fixtures/seeds"])]
    seeds = sorted(glob.glob(os.path.join(shared, "seeds", "*.txt")))
    found += [(f"seeds/{os.path.basename(s)}", os.path.dirname(s), [os.path.basename(s)])
              for s in seeds]
    gen = os.path.join(shared, "bench", "gen_corpus.py")
    for seed in (1, 2, 3):
        out = os.path.join(scratch, f"corpus-{seed}")
        subprocess.run([sys.executable, gen, out, "--files", "300", "--seed", str(seed)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        found.append((f"corpus --seed {seed}", out, ["."]))
    for case in sorted(glob.glob(os.path.join(shared, "realworld", "set-*", "*"))):
        name = os.path.basename(case)
        if name in ("truth", "MANIFEST.tsv"):
            continue
        alone = os.path.join(scratch, "realworld", os.path.basename(os.path.dirname(case)))
        os.makedirs(alone, exist_ok=True)
        dest = os.path.join(alone, name)
        if os.path.isdir(case):
            shutil.copytree(case, dest)
        else:
            shutil.copyfile(case, dest)
        found.append((f"realworld/{os.path.basename(alone)}/{name}", alone, [name]))
    return found


def run(binary, command, cwd, paths):
    p = subprocess.run([binary, *command, *paths], cwd=cwd, capture_output=True,
                       env={**os.environ, "NO_COLOR": "1"})
    return p.stdout, p.stderr, p.returncode


def difference(before, after, show):
    lines = []
    for stream, b, a in (("stdout", before[0], after[0]), ("stderr", before[1], after[1])):
        if b != a:
            diff = difflib.unified_diff(
                b.decode("utf-8", "replace").splitlines(),
                a.decode("utf-8", "replace").splitlines(),
                f"{stream} before", f"{stream} after", lineterm="")
            lines += list(diff)
    if before[2] != after[2]:
        lines.append(f"exit code {before[2]} -> {after[2]}")
    return "\n".join(lines[:show])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("rev", help="the commit to compare with")
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--show", type=int, default=40, help="lines of each difference shown")
    a = ap.parse_args()
    sha, before = build_at(a.rev)
    after = build_here()
    scratch = tempfile.mkdtemp(prefix="tracker-compare-")
    differ = runs = 0
    try:
        for label, cwd, paths in cases(os.path.abspath(a.shared), scratch):
            for command in COMMANDS:
                runs += 1
                b = run(before, command, cwd, paths)
                n = run(after, command, cwd, paths)
                if b != n:
                    differ += 1
                    print(f"--- {label}: tracker {' '.join(command)}")
                    print(difference(b, n, a.show))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"compared with {sha[:12]}: {runs - differ} of {runs} runs the same, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
