#!/usr/bin/env python3
"""The tracker benchmark: each command's time and peak memory as a ratio to the parse floor.

    python3 bench/run.py [--runs 5] [--generator PATH] [--out target/bench] [--instructions]

Generates corpora with gen_corpus.py (5,000 files of ~10 KB; 200 files; single files of
10 KB, 10 MB, 20 MB and 40 MB; the 5,000 files concatenated into one file of 5 MB and one
of 20 MB) and status tables of 25,000 and 100,000 rows, builds `tracker` and the floor (bench/floor.rs: read and
parse with comrak, nothing else) in release mode, and times them in one run, alternating
floor and command so that both see the same machine. Reports medians, ratios to the floor,
MB/s and peak resident memory (getrusage of each child), checks them against the targets
in docs/performance.md, and writes the table to OUT/results.md. Exit 1 if a target is missed.

With --instructions it counts instructions instead (valgrind's callgrind, one thread): the
same for the same binary and input whatever else the machine is doing, so a change can be
judged on a noisy machine. Times are still what the targets are about.
"""
import argparse, os, platform, shutil, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RELEASE = os.path.join(ROOT, "target", "release")
TRACKER = os.path.join(RELEASE, "tracker")
FLOOR = os.path.join(RELEASE, "examples", "floor")
PIN = ["taskset", "-c", "0"]  # one core


def corpora(gen, out):
    """name -> (directory, generator arguments); each is its own repository."""
    specs = {
        "5000 files": ["--files", "5000"],
        "200 files": ["--files", "200"],
        "10 KB file": ["--single-kb", "10"],
        "10 MB file": ["--single-kb", "10240"],
        "20 MB file": ["--single-kb", "20480"],
        "40 MB file": ["--single-kb", "40960"],
    }
    dirs = {}
    for name, args in specs.items():
        d = os.path.join(out, name.replace(" ", "-"))
        if not os.path.isdir(os.path.join(d, ".git")):
            shutil.rmtree(d, ignore_errors=True)
            subprocess.run([sys.executable, gen, d, "--seed", "1", *args], check=True,
                           stdout=subprocess.DEVNULL)
            os.makedirs(os.path.join(d, ".git"))  # references resolve within the corpus
        dirs[name] = d
    return dirs


def table(path, rows):
    """A status table of `rows` rows, each with a Status and a Progress cell (a third of them
    stale), under one heading: the largest single block of work a tracker holds."""
    states = ["Done", "In Progress", "Not Started"]
    with open(path, "w") as f:
        f.write("# Plan\n\n| Task | Status | Progress |\n|---|---|---|\n")
        for i in range(rows):
            f.write(f"| Task {i + 1} | {states[i % 3]} | {(i * 7) % 3 * 50}% |\n")


def concatenation(source, path, mb):
    """The files of `source`, in name order, one after another until `mb` megabytes: many
    trackers in one document, ids repeated in each."""
    with open(path, "w") as out:
        written = 0
        for name in sorted(os.listdir(source)):
            if not name.endswith(".md") or written >= mb * 1e6:
                continue
            with open(os.path.join(source, name)) as f:
                text = f.read()
            out.write(text + "\n")
            written += len(text.encode()) + 1


def one_document_corpora(dirs, out):
    """name -> directory holding one large document, each its own repository."""
    made = {}
    specs = {
        "25,000-row table": lambda p: table(p, 25_000),
        "100,000-row table": lambda p: table(p, 100_000),
        "5 MB concatenation": lambda p: concatenation(dirs["5000 files"], p, 5),
        "20 MB concatenation": lambda p: concatenation(dirs["5000 files"], p, 20),
    }
    for name, make in specs.items():
        d = os.path.join(out, name.replace(" ", "-").replace(",", ""))
        if not os.path.isdir(os.path.join(d, ".git")):
            shutil.rmtree(d, ignore_errors=True)
            os.makedirs(os.path.join(d, ".git"))
            make(os.path.join(d, "plan.md"))
        made[name] = d
    return made


def size_mb(d):
    return sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d) if f.endswith(".md")) / 1e6


def run_once(cmd, cwd):
    """Wall seconds and peak resident memory (MB) of one run of `cmd`."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{' '.join(cmd)} in {cwd} exited with {code}")
    return wall, usage.ru_maxrss / 1024


def measure(pairs, cwd, runs):
    """Alternating runs of each command; per command the median time and the largest peak."""
    return measure_in([(name, cmd, cwd) for name, cmd in pairs], runs)


def measure_in(runs_of, runs):
    """As `measure`, for (name, command, folder) triples: every round runs each once, so
    that a machine that speeds up or slows down during the run weighs on all alike."""
    times = {name: [] for name, _, _ in runs_of}
    peaks = {name: 0.0 for name, _, _ in runs_of}
    for _ in range(runs):
        for name, cmd, cwd in runs_of:
            wall, peak = run_once(cmd, cwd)
            times[name].append(wall)
            peaks[name] = max(peaks[name], peak)
    return {name: (statistics.median(times[name]), peaks[name]) for name, _, _ in runs_of}


class Report:
    def __init__(self):
        self.rows, self.checks = [], []

    def row(self, corpus, mb, name, t, peak, floor_t, floor_peak):
        self.rows.append((corpus, name, t, t / floor_t, mb / t, peak, peak / floor_peak))

    def target(self, what, value, limit, fmt="{:.2f}×"):
        ok = value <= limit
        self.checks.append((what, fmt.format(value), fmt.format(limit), ok))
        return ok

    def markdown(self):
        lines = ["| corpus | command | median s | × floor | MB/s | peak MB | peak × floor |",
                 "|---|---|---:|---:|---:|---:|---:|"]
        for c, n, t, r, mbs, p, pr in self.rows:
            lines.append(f"| {c} | {n} | {t:.3f} | {r:.2f} | {mbs:.1f} | {p:.1f} | {pr:.2f} |")
        lines += ["", "| target | measured | limit | met |", "|---|---:|---:|---|"]
        for what, v, l, ok in self.checks:
            lines.append(f"| {what} | {v} | {l} | {'yes' if ok else 'NO'} |")
        return "\n".join(lines)


def instructions(cmd, cwd):
    """Instructions one run of `cmd` executes on one core, counted by callgrind."""
    out = os.path.join(cwd, ".callgrind.out")
    proc = subprocess.run([*PIN, "valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *cmd],
                          cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    os.remove(out)
    refs = [l for l in proc.stderr.splitlines() if "I   refs:" in l]
    if not refs:
        sys.exit(f"callgrind gave no count for {' '.join(cmd)}:\n{proc.stderr}")
    return int(refs[-1].split()[-1].replace(",", ""))


def count_instructions(dirs):
    """Floor and check in instructions, on the corpora small enough for callgrind."""
    lines = ["| corpus | floor (M instructions) | check (M instructions) | × floor |",
             "|---|---:|---:|---:|"]
    for corpus in ("10 KB file", "200 files"):
        d = dirs[corpus]
        f = instructions([FLOOR, "."], d)
        c = instructions([TRACKER, "check", "."], d)
        lines.append(f"| {corpus} | {f / 1e6:.1f} | {c / 1e6:.1f} | {c / f:.2f} |")
    return "\n".join(lines)


def count_one_document(docs):
    """Each command in instructions over the floor's, on one document and on one four times
    larger: linear when the ratio stays."""
    lines = ["| document | floor (M) | check | fix --diff | status | × floor (check, fix, status) |",
             "|---|---:|---:|---:|---:|---|"]
    for corpus in ("25,000-row table", "100,000-row table", "5 MB concatenation",
                   "20 MB concatenation"):
        d = docs[corpus]
        f = instructions([FLOOR, "."], d)
        counts = [instructions([TRACKER, *cmd, "."], d)
                  for cmd in (["check"], ["fix", "--diff"], ["status"])]
        ratios = ", ".join(f"{c / f:.2f}" for c in counts)
        lines.append(f"| {corpus} | {f / 1e6:.0f} | " + " | ".join(f"{c / 1e6:.0f}" for c in counts)
                     + f" | {ratios} |")
    return "\n".join(lines)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--generator", default=os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py"))
    p.add_argument("--out", default=os.path.join(ROOT, "target", "bench"))
    p.add_argument("--instructions", action="store_true",
                   help="count instructions with callgrind instead of timing")
    p.add_argument("--one-document", action="store_true",
                   help="measure only the large single documents (tables and concatenations)")
    a = p.parse_args()
    if not os.path.isfile(a.generator):
        sys.exit(f"generator not found: {a.generator} (pass --generator)")
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "tracker", "--example", "floor"],
                   cwd=ROOT, check=True)
    os.makedirs(a.out, exist_ok=True)
    dirs = corpora(a.generator, a.out)
    if a.instructions:
        if a.one_document:
            print(count_one_document(one_document_corpora(dirs, a.out)))
        else:
            print(count_instructions(dirs))
        return
    rep = Report()
    floor = [*PIN, FLOOR, "."]
    check1 = [*PIN, TRACKER, "check", "."]
    if not a.one_document:
        files_and_single(dirs, rep, floor, check1, a.runs)
    one_document(dirs, rep, floor, check1, a)

    header = (f"Run {time.strftime('%Y-%m-%d')} on {platform.machine()}, {os.cpu_count()} cores, "
              f"{platform.platform()}; medians of {a.runs} alternating runs.\n\n")
    text = header + rep.markdown() + "\n"
    with open(os.path.join(a.out, "results.md"), "w") as f:
        f.write(text)
    print(text)
    sys.exit(0 if all(ok for *_, ok in rep.checks) else 1)


def files_and_single(dirs, rep, floor, check1, runs):
    """The 50 MB corpus, 200 files, and single generated files of 10 KB to 40 MB."""
    # The 50 MB corpus: one core and both cores against the single-threaded floor, and the
    # other commands against check.
    d = dirs["5000 files"]
    mb = size_mb(d)
    cmds = [("floor", floor), ("check (1 core)", check1), ("check", [TRACKER, "check", "."]),
            ("fix --diff", [TRACKER, "fix", "--diff", "."]), ("graph", [TRACKER, "graph", "."]),
            ("status", [TRACKER, "status", "."])]
    m = measure(cmds, d, runs)
    ft, fp = m["floor"]
    for name, _ in cmds:
        rep.row("5000 files", mb, name, *m[name], ft, fp)
    rep.target("check, 50 MB corpus, 1 core", m["check (1 core)"][0] / ft, 1.3)
    rep.target("check, 50 MB corpus, 2 cores", m["check"][0] / ft, 0.75)
    for name in ("fix --diff", "graph", "status"):
        rep.target(f"{name} vs check, 50 MB corpus", m[name][0] / m["check"][0], 1.5)

    d = dirs["200 files"]
    m = measure([("floor", floor), ("check", [TRACKER, "check", "."])], d, runs)
    for name in ("floor", "check"):
        rep.row("200 files", size_mb(d), name, *m[name], *m["floor"])

    # Single files: time and memory, the pre-commit case, and linear growth. The three large
    # files are measured in the same rounds, so that their times per megabyte compare.
    single = ("10 KB file", "10 MB file", "20 MB file", "40 MB file")
    m = measure([("floor", floor), ("check", check1)], dirs["10 KB file"], runs)
    by_file = {"10 KB file": m}
    m = measure_in([(f"{c} {name}", cmd, dirs[c]) for c in single[1:]
                    for name, cmd in (("floor", floor), ("check", check1))], runs)
    for c in single[1:]:
        by_file[c] = {name: m[f"{c} {name}"] for name in ("floor", "check")}
    per_mb = {}
    for corpus in single:
        d = dirs[corpus]
        mb = size_mb(d)
        (ft, fp), (ct, cp) = by_file[corpus]["floor"], by_file[corpus]["check"]
        rep.row(corpus, mb, "floor", ft, fp, ft, fp)
        rep.row(corpus, mb, "check (1 core)", ct, cp, ft, fp)
        per_mb[corpus] = ct / mb
        if corpus == "20 MB file":
            rep.target("check, 20 MB file, time", ct / ft, 1.5)
            rep.target("check, 20 MB file, peak memory", cp / fp, 1.3)
        if corpus == "10 KB file":
            rep.target("check, 10 KB file (start-up included)", ct / ft, 2.0)
    big = [per_mb[c] for c in ("10 MB file", "20 MB file", "40 MB file")]
    rep.target("check, 10/20/40 MB: slowest s/MB over fastest", max(big) / min(big), 1.10)


def one_document(dirs, rep, floor, check1, a):
    """One document four times larger, of two shapes: every command's time over the floor's
    must grow no faster than the floor's own (linear in the document's size)."""
    docs = one_document_corpora(dirs, a.out)
    commands = [("floor", floor), ("check", check1),
                ("fix --diff", [*PIN, TRACKER, "fix", "--diff", "."]),
                ("status", [*PIN, TRACKER, "status", "."]), ("graph", [*PIN, TRACKER, "graph", "."])]
    for small, large in (("25,000-row table", "100,000-row table"),
                         ("5 MB concatenation", "20 MB concatenation")):
        m = measure_in([(f"{c} {name}", cmd, docs[c]) for c in (small, large)
                        for name, cmd in commands], a.runs)
        for c in (small, large):
            ft, fp = m[f"{c} floor"]
            for name, _ in commands:
                rep.row(c, size_mb(docs[c]), name, *m[f"{c} {name}"], ft, fp)
        for name, _ in commands[1:]:
            ratio = [m[f"{c} {name}"][0] / m[f"{c} floor"][0] for c in (small, large)]
            rep.target(f"{name}, {large} over {small}, × floor", ratio[1] / ratio[0], 1.25)


if __name__ == "__main__":
    main()
