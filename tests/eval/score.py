"""Precision and recall of the data-flow rules on the evaluation set in this folder.

Each case is a file, or a folder of modules (cross-module flows), under a folder named after
its pitfall. The case's first line says `eval: vulnerable` or `eval: safe`; a vulnerable case
marks its sink lines with `ruleid:` annotations. A vulnerable case counts as found when a
finding of the pitfall lands on an annotated line; a safe case is a false positive when any
finding of the pitfall appears in it.

    python tests/eval/score.py          # the table
    python tests/eval/score.py -v       # plus every miss and false positive
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from keylint.packs import load_rules
from keylint.ruletest import read_annotations
from keylint.scan import ScanOptions, scan

HERE = Path(__file__).resolve().parent
PITFALLS = ("msn-from-user-input", "secret-exposed-to-merchant", "secret-in-logs")
_VERDICT = re.compile(r"eval:\s*(vulnerable|safe)")


@dataclass
class Score:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    misses: list = field(default_factory=list)
    false_positives: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def _case_files(case: Path) -> list[Path]:
    return sorted(p for p in case.rglob("*") if p.is_file()) if case.is_dir() else [case]


def _verdict(files: list[Path]) -> tuple[str, set]:
    verdict, expected = None, set()
    for path in files:
        text = path.read_text("utf-8")
        match = _VERDICT.search(text.split("\n", 1)[0])
        verdict = verdict or (match.group(1) if match else None)
        expected |= {(path.resolve(), line) for (line, _), kind in read_annotations(text).items() if kind == "ruleid"}
    if verdict is None:
        raise ValueError(f"{files[0]}: no `eval: vulnerable|safe` on a first line")
    return verdict, expected


def score_pitfall(pitfall: str, rules: list) -> Score:
    rules = [r for r in rules if r.pitfall == pitfall]
    result = Score()
    for case in sorted((HERE / pitfall).iterdir()):
        files = _case_files(case)
        verdict, expected = _verdict(files)
        root = case if case.is_dir() else case.parent
        report = scan([str(case)], rules, ScanOptions(root=str(root)))
        found = {((root / f.path).resolve(), f.line) for f in report.findings}
        name = case.name
        if verdict == "vulnerable":
            if found & expected:
                result.tp += 1
            else:
                result.fn += 1
                result.misses.append(name)
        elif found:
            result.fp += 1
            result.false_positives.append(f"{name}: lines {sorted(line for _, line in found)}")
        else:
            result.tn += 1
    return result


def score_all() -> dict[str, Score]:
    rules = load_rules()
    return {pitfall: score_pitfall(pitfall, rules) for pitfall in PITFALLS}


def main(argv: list[str]) -> int:
    scores = score_all()
    print(f"{'pitfall':30} {'cases':>5} {'TP':>3} {'FN':>3} {'FP':>3} {'TN':>3} {'precision':>9} {'recall':>6}")
    for pitfall, s in scores.items():
        total = s.tp + s.fn + s.fp + s.tn
        print(f"{pitfall:30} {total:5} {s.tp:3} {s.fn:3} {s.fp:3} {s.tn:3} {s.precision:9.2f} {s.recall:6.2f}")
        if "-v" in argv:
            for name in s.misses:
                print(f"    missed: {name}")
            for name in s.false_positives:
                print(f"    false positive: {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
