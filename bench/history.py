"""Benchmark of `keylint scan --history` on a synthetic repository with thousands of commits.

The repository is generated locally (git fast-import, seeded, no network): an initial tree of
ordinary and payment modules (bench/synth.py templates), then commits that rewrite one to three
files each; every LEAK_EVERY commits a file with a hardcoded client_secret and subscription key
is added on main and deleted three commits later (the last one stays), and every BRANCH_EVERY
commits a side branch gets a leak that is never merged. The planted keys are the ground truth.

Two approaches are timed, CPU seconds of the process and its children (git included):
- keylint's: one `keylint scan --history` (one pass over `git log -p --all`);
- the naive one: for each commit, `git checkout` it and scan the tree with the same rules
  (the approach gitleaks avoids). It is run on an evenly spaced sample of commits
  (--naive-sample, default 100) and extrapolated to every commit, or on all (--naive-all).

    python bench/history.py                  # 3000 commits, in ~/.cache/keylint-bench/history
    python bench/history.py --commits 5000 --naive-all
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import synth  # noqa: E402
from compare import WORK, measure  # noqa: E402

LEAK_EVERY = 150
BRANCH_EVERY = 500
START = 1_600_000_000


def generate(repo: Path, commits: int, files: int, seed: int = 7) -> list[str]:
    """Create the repository (if not there yet) and return the planted secrets."""
    marker = repo / ".git" / "keylint-bench.json"
    if marker.exists():
        return json.loads(marker.read_text())
    shutil.rmtree(repo, ignore_errors=True)
    repo.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    rng = random.Random(seed)
    stream, planted = _history(rng, commits, files)
    subprocess.run(["git", "-C", str(repo), "fast-import", "--quiet"], input=stream, check=True)
    subprocess.run(["git", "-C", str(repo), "checkout", "-q", "main"], check=True)
    marker.write_text(json.dumps(planted))
    return planted


def _history(rng: random.Random, commits: int, files: int) -> tuple[bytes, list[str]]:
    out: list[bytes] = []
    planted: list[str] = []
    paths = [f"services/svc_{i % 20:02d}/mod_{i:04d}.py" for i in range(files)]
    service = "shop"

    def module() -> str:
        return synth._fill(synth.PAYMENT if rng.random() < 0.1 else synth.PLAIN, rng, service)

    def leak() -> str:
        text = synth._fill(synth.LEAK, rng, service)
        planted.extend(line.split('"')[-2] for line in text.splitlines() if line.startswith(("CLIENT_SECRET", "HEADERS")))
        return text

    def commit(ref: str, mark: int, parent: int | None, changes: list[tuple[str, str | None]]) -> None:
        when = START + mark * 600
        message = f"change {mark}".encode()
        out.append(f"commit {ref}\nmark :{mark}\nauthor Dev <dev@example.com> {when} +0000\n"
                   f"committer Dev <dev@example.com> {when} +0000\ndata {len(message)}\n".encode() + message + b"\n")
        if parent is not None:
            out.append(f"from :{parent}\n".encode())
        for path, text in changes:
            if text is None:
                out.append(f"D {path}\n".encode())
            else:
                data = text.encode()
                out.append(f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n")
        out.append(b"\n")

    commit("refs/heads/main", 1, None, [(p, module()) for p in paths])
    mark, open_leaks = 1, []
    while mark < commits:
        mark += 1
        changes = [(p, module()) for p in rng.sample(paths, rng.randint(1, 3))]
        if mark % LEAK_EVERY == 0:
            path = f"scripts/quick_{mark}.py"
            changes.append((path, leak()))
            open_leaks.append((mark + 3, path))
        if open_leaks and open_leaks[0][0] == mark and mark + LEAK_EVERY < commits:
            changes.append((open_leaks.pop(0)[1], None))
        commit("refs/heads/main", mark, mark - 1, changes)
        if mark % BRANCH_EVERY == 0:  # a side branch with a key, never merged
            side = commits + mark
            commit(f"refs/heads/experiment-{mark}", side, mark, [(f"experiments/try_{mark}.py", leak())])
    return b"".join(out), planted


def naive_run(repo: str, revisions: list[str]) -> None:
    """Check out each revision and scan the tree; print the distinct keys found (redacted)."""
    from keylint.pipeline.history import history_rules
    from keylint.rules.packs import load_rules
    from keylint.pipeline.scan import ScanOptions, scan

    rules = history_rules(load_rules())
    work = repo + "-naive"
    if not os.path.isdir(work):
        subprocess.run(["git", "clone", "-q", "--no-checkout", repo, work], check=True)
    keys = set()
    for revision in revisions:
        subprocess.run(["git", "-C", work, "checkout", "-q", "--force", "--detach", revision], check=True)
        report = scan([work], rules, ScanOptions(root=work, jobs=1))
        keys.update((f.rule_id, f.message) for f in report.findings)
    print(json.dumps(sorted(keys)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--commits", type=int, default=3000, help="commits on main (default 3000)")
    parser.add_argument("--files", type=int, default=200, help="modules in the tree (default 200)")
    parser.add_argument("--naive-sample", type=int, default=100, help="commits the naive approach scans (default 100)")
    parser.add_argument("--naive-all", action="store_true", help="run the naive approach on every commit")
    parser.add_argument("--work", default=str(WORK / "history"), help="where the repository is generated")
    parser.add_argument("--naive-run", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.naive_run:
        naive_run(args.naive_run[0], args.naive_run[1:])
        return 0
    repo = Path(args.work) / f"repo-{args.commits}-{args.files}"
    started = time.perf_counter()
    planted = generate(repo, args.commits, args.files)
    print(f"repository: {repo} ({time.perf_counter() - started:.1f} s to generate or find)")
    everything = subprocess.run(["git", "-C", str(repo), "rev-list", "--all"], capture_output=True, text=True,
                                check=True).stdout.split()
    print(f"{len(everything)} commits on {len(_branches(repo))} branches, {len(planted)} planted keys")

    keylint = [sys.executable, "-m", "keylint", "scan", "--history", "--no-cache", "--format", "json", "-o",
               str(repo.parent / "history.json")]
    history = measure("keylint scan --history", keylint, cwd=repo)
    document = json.loads((repo.parent / "history.json").read_text())
    found = len(document["findings"])

    sample = everything if args.naive_all else everything[:: max(1, len(everything) // args.naive_sample)]
    naive_cmd = [sys.executable, str(Path(__file__).resolve()), "--naive-run", str(repo), *sample]
    naive = measure("naive: checkout + scan per commit", naive_cmd)
    scale = len(everything) / len(sample)

    print(f"\n{'approach':<40} {'commits':>8} {'keys':>6} {'wall s':>9} {'CPU s':>9}")
    print(f"{history.label:<40} {len(everything):>8} {found:>6} {history.wall:>9.2f} {history.cpu:>9.2f}")
    print(f"{naive.label:<40} {len(sample):>8} {'':>6} {naive.wall:>9.2f} {naive.cpu:>9.2f}")
    if len(sample) < len(everything):
        print(f"{'  naive, extrapolated to every commit':<40} {len(everything):>8} {'':>6} "
              f"{naive.wall * scale:>9.1f} {naive.cpu * scale:>9.1f}")
    print(f"\nnaive CPU per commit {naive.cpu / len(sample):.3f} s; keylint --history CPU per commit "
          f"{history.cpu / len(everything):.4f} s; ratio {naive.cpu * scale / max(history.cpu, 1e-9):.0f}x")
    print(f"keys: {found} reported by --history, {len(set(planted))} planted")
    for run in (history, naive):
        if run.error:
            print(f"{run.label}: {run.error}")
    return 0 if found == len(set(planted)) and not history.error else 1


def _branches(repo: Path) -> list[str]:
    return subprocess.run(["git", "-C", str(repo), "branch", "--format=%(refname)"], capture_output=True, text=True,
                          check=True).stdout.split()


if __name__ == "__main__":
    sys.exit(main())
