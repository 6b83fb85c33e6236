#!/usr/bin/env python3
"""Seeds the fuzz corpora under fuzz/corpus/: the fixtures and generated trackers for
`check` and `fix` (and, after 16 bytes of line-break choices, for `line_endings`), the
configuration examples of docs/ for `config`, and random bytes for
`graph` (its input is read as choices, not text). Each seed is named by its hash."""
import hashlib
import pathlib
import random
import re
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
GENERATOR = ROOT.parent / "shared" / "bench" / "gen_corpus.py"


def put(target, data):
    folder = HERE / "corpus" / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def trackers():
    yield from (p.read_bytes() for p in sorted((ROOT / "fixtures").rglob("*.md")))
    if not GENERATOR.is_file():
        print(f"{GENERATOR} not found: generated trackers skipped", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [sys.executable, GENERATOR, out, "--files", "200", "--seed", "7",
             "--size-kb", "3", "--defect-rate", "0.6", "--mojibake-rate", "0.1"],
            check=True, stdout=subprocess.DEVNULL)
        yield from (p.read_bytes() for p in sorted(pathlib.Path(out).glob("**/*.md")))


# Each key and value kind once, and the shapes a parser trips on: anchors, aliases, tags,
# flow mappings, duplicate keys, wrong types.
CONFIGS = [
    "rules:\n  TRK001: warning\n  percent-mismatch: off\n",
    "markers:\n  \"🟣\": in-progress\n  \"x\": done\n  \"\": blocked\n",
    "counting: {cancelled: done, optional: exclude}\n",
    "duration:\n  hours-per-day: 6.5\n  days-per-week: 4\n",
    "include: [\"**/*.md\", \"[\"]\nexclude: \"docs/**\"\n",
    "a: &a [x, x]\nb: &b [*a, *a]\nrules: *b\n",
    "rules: !!map {TRK002: error}\nrules: {}\n",
    "duration: {hours-per-day: -1, days-per-week: 1e309}\n",
    "--- \n...\n",
]


def configs():
    for text in CONFIGS:
        yield text.encode()
    fence = re.compile(r"```ya?ml\n(.*?)```", re.S)
    for page in sorted((ROOT / "docs").rglob("*.md")):
        for block in fence.findall(page.read_text()):
            yield block.encode()


def main():
    rng = random.Random(7)
    for data in trackers():
        put("check", data)
        put("fix", data)
        put("line_endings", bytes(rng.randrange(256) for _ in range(16)) + data)
    for data in configs():
        put("config", data)
    rng = random.Random(7)
    for n in range(64):
        put("graph", bytes(rng.randrange(256) for _ in range(8 << (n % 8))))
    for target in ("check", "fix", "config", "graph", "line_endings"):
        print(target, len(list((HERE / "corpus" / target).iterdir())), "seeds")


main()
