"""Precision and recall of the data-flow rules on the evaluation set in this folder.

Each case is a file, or a folder of modules (cross-module flows), under a folder named after
its pitfall. The case's first line says `eval: vulnerable` or `eval: safe`; a vulnerable case
marks its sink lines with `ruleid:` annotations. A vulnerable case counts as found when a
finding of the pitfall lands on an annotated line; a safe case is a false positive when any
finding of the pitfall appears in it.

The key-type corpus (key_types/cases, rules KL501-KL503) is scored per annotation instead, as
its README says: a `ruleid` line is a true positive when the rule reports it, a miss when not;
any finding of the rule on another line is a false positive; an `ok` line without one is a true
negative.

The applications under apps/ (apps/tenantpay: a multi-tenant SaaS of many modules) are scored
the same way for every rule, each scanned as one project so that cross-module flows count.

    python tests/eval/score.py          # the tables
    python tests/eval/score.py -v       # plus every miss and false positive
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from keylint.cli.ruletest import read_annotations
from keylint.pipeline.discover import discover
from keylint.pipeline.scan import ScanOptions, scan
from keylint.rules.packs import load_rules

HERE = Path(__file__).resolve().parent
PITFALLS = ("msn-from-user-input", "secret-exposed-to-merchant", "secret-in-logs")
KEY_TYPE_CASES = HERE / "key_types" / "cases"
KEY_TYPE_RULES = ("KL501", "KL502", "KL503")
APPS = HERE / "apps"
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


def _tally(scores: dict[str, Score], name: str, expected: dict, found: set) -> None:
    """Count one file's annotated lines ({(line, rule id): verdict}) against its findings ((line, rule id))."""
    for (line, rule_id), verdict in expected.items():
        score, hit = scores.get(rule_id), (line, rule_id) in found
        if score is None:
            continue
        if verdict == "ruleid":
            score.tp += hit
            score.fn += not hit
            if not hit:
                score.misses.append(f"{name}:{line}")
        else:
            score.tn += not hit
    for line, rule_id in sorted(found):
        if rule_id in scores and expected.get((line, rule_id)) != "ruleid":
            scores[rule_id].fp += 1
            scores[rule_id].false_positives.append(f"{name}:{line}")


def score_annotated(cases: Path, rule_ids: tuple, rules: list) -> dict[str, Score]:
    """Per-annotation scores of `rule_ids` on every case under `cases`, each scanned on its own (a
    folder as one project: settings modules per deployment)."""
    rules = [r for r in rules if r.id in rule_ids]
    scores = {rule_id: Score() for rule_id in rule_ids}
    for case in sorted(cases.iterdir()):
        if case.is_dir():
            _score_project(case, rules, scores, f"{case.name}/")
            continue
        report = scan([str(case)], rules, ScanOptions(root=str(cases)))
        _tally(scores, case.name, read_annotations(case.read_text("utf-8")), {(f.line, f.rule_id) for f in report.findings})
    return scores


def score_app(app: Path, rules: list) -> tuple[dict[str, Score], list[str]]:
    """Per-annotation scores of every rule on one application, scanned as one project.

    Returns the scores by rule id and the files the scan could not analyse (path: message).
    """
    scores = {rule.id: Score() for rule in rules}
    return scores, _score_project(app, rules, scores)


def _score_project(root: Path, rules: list, scores: dict, prefix: str = "") -> list[str]:
    """Tally one scan of the folder `root` per file; returns the files it could not analyse."""
    report = scan([str(root)], rules, ScanOptions(root=str(root)))
    found = defaultdict(set)
    for finding in report.findings:
        found[finding.path].add((finding.line, finding.rule_id))
    sources, _ = discover([str(root)], root=str(root))
    for source in sorted(sources, key=lambda s: s.rel_path):
        text = Path(source.abs_path).read_text("utf-8", errors="replace")
        _tally(scores, prefix + source.rel_path, read_annotations(text), found.pop(source.rel_path, set()))
    for path, lines in sorted(found.items()):
        _tally(scores, prefix + path, {}, lines)
    return [f"{e.path}: {e.message}" for e in report.errors]


def _table(title: str, unit: str, scores: dict, verbose: bool) -> None:
    print(f"{title:40} {unit:>5} {'TP':>3} {'FN':>3} {'FP':>3} {'TN':>3} {'precision':>9} {'recall':>6}")
    for name, s in scores.items():
        total = s.tp + s.fn + s.fp + s.tn
        print(f"{name:40} {total:5} {s.tp:3} {s.fn:3} {s.fp:3} {s.tn:3} {s.precision:9.2f} {s.recall:6.2f}")
        if verbose:
            for miss in s.misses:
                print(f"    missed: {miss}")
            for false_positive in s.false_positives:
                print(f"    false positive: {false_positive}")


def _by_pitfall(rules: list, scores: dict[str, Score]) -> dict[str, Score]:
    """The rules' scores summed per pitfall."""
    totals: dict[str, Score] = {}
    for rule in rules:
        total, score = totals.setdefault(rule.pitfall, Score()), scores[rule.id]
        total.tp, total.fn, total.fp, total.tn = total.tp + score.tp, total.fn + score.fn, total.fp + score.fp, total.tn + score.tn
    return totals


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    _table("pitfall", "cases", score_all(), verbose)
    cases = sum(1 for _ in KEY_TYPE_CASES.iterdir())
    print(f"\nkey types ({cases} cases in {KEY_TYPE_CASES.relative_to(HERE)}), scored per annotated line:")
    by_rule = score_annotated(KEY_TYPE_CASES, KEY_TYPE_RULES, load_rules())
    _table("rule", "lines", {f"{r.id} {r.name}": by_rule[r.id] for r in load_rules() if r.id in by_rule}, verbose)
    for app in sorted(p for p in APPS.iterdir() if p.is_dir()):
        rules = load_rules()
        scores, unreadable = score_app(app, rules)
        modules = sum(1 for _ in app.rglob("*.py"))
        print(f"\napp {app.name} ({modules} Python modules, one scan), scored per annotated line:")
        _table("pitfall / rule", "lines", {f"{r.pitfall} {r.id}": scores[r.id] for r in rules}, verbose)
        _table("pitfall", "lines", _by_pitfall(rules, scores), verbose=False)
        for error in unreadable:
            print(f"    not analysed: {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
