"""Run every adversarial input of issue 12 (tests/hardening/inputs.py) through the real `keylint`
under `/usr/bin/time -v` and print a Markdown table: exit code, wall time, peak memory (the largest
process of the tree: keylint or one of its workers) and the first line of the verdict.

    .venv/bin/python bench/hardening.py [--big]    # --big adds the 100,000-line and 10 MB inputs
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.hardening.inputs import DEEP, EXIT_CODES, FILES, KEY, YAML_BOMBS, assignments, one_line_list  # noqa: E402


def measure(case, root: Path) -> dict:
    case.write(root)
    done = subprocess.run(["/usr/bin/time", "-v", sys.executable, "-m", "keylint", *case.args], cwd=root,
                          capture_output=True, text=True, errors="replace", timeout=900)
    stats = dict(re.findall(r"^\s*(.+?): (.+)$", done.stderr, re.M))
    wall = stats["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":")
    lines = (done.stdout + done.stderr).splitlines()
    verdict = [line + (" " + lines[i + 1] if line.endswith(":") and i + 1 < len(lines) else "")
               for i, line in enumerate(lines) if "error" in line]
    return {
        "code": done.returncode,
        "seconds": sum(float(part) * 60 ** i for i, part in enumerate(reversed(wall))),
        "peak_mb": int(stats["Maximum resident set size (kbytes)"]) / 1024,
        "found": "KL101" in done.stdout,
        "leak": any(KEY[i:i + 8] in done.stdout + done.stderr for i in range(len(KEY) - 7)),
        "verdict": verdict[0][:220] if verdict else "",
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--big", action="store_true")
    cases = [*DEEP, *YAML_BOMBS, *FILES, *EXIT_CODES, assignments(20_000)]
    if parser.parse_args().big:
        cases += [assignments(100_000), one_line_list(10)]
    print("| input | exit | time (s) | peak RSS (MB) | key found | verdict |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            row = measure(case, Path(tmp) / case.name)
            found = "leaked!" if row["leak"] else ("yes" if row["found"] else "no")
            print(f"| {case.note} | {row['code']} | {row['seconds']:.1f} | {row['peak_mb']:.0f} | {found} | {row['verdict']} |",
                  flush=True)


if __name__ == "__main__":
    main()
