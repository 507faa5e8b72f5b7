"""The pack authors' harness: run every rule's own vulnerable and safe examples.

A vulnerable example must give at least one finding of its rule, a safe one none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from keylint.core.lines import split_lines
from keylint.pipeline.analyse import analyse_file
from keylint.pipeline.discover import SourcePath, file_kind
from keylint.pipeline.prefilter import build as build_prefilter
from keylint.rules.tokens import tokens_in

DEFAULT_EXAMPLE_FILE = "example.py"


@dataclass(frozen=True)
class ExampleResult:
    rule_id: str
    expectation: str  # "vulnerable" or "safe"
    index: int
    file: str
    ok: bool
    detail: str
    code: str = ""

    def excerpt(self, limit: int = 8) -> str:
        """The example's first lines, numbered as the detail's line numbers count them."""
        lines = split_lines(self.code)
        shown = [f"    {n:>3} | {line}" for n, line in enumerate(lines[:limit], 1)]
        if len(lines) > limit:
            shown.append(f"        ({len(lines) - limit} more lines)")
        return "\n".join(shown)


def _examples(rule):
    for expectation in ("vulnerable", "safe"):
        for index, example in enumerate(rule.examples.get(expectation, [])):
            if isinstance(example, str):
                yield expectation, index, DEFAULT_EXAMPLE_FILE, example
            else:
                yield expectation, index, example.get("file", DEFAULT_EXAMPLE_FILE), example["code"]


def run_example(rule, expectation: str, index: int, file: str, code: str) -> ExampleResult:
    kind = file_kind(file.rsplit("/", 1)[-1])
    if kind is None:
        return ExampleResult(rule.id, expectation, index, file, False, f"keylint does not read files named {file!r}", code)
    data = code.encode("utf-8")
    result = analyse_file(SourcePath(file, file, kind), data, [rule])
    if result.errors:
        return ExampleResult(rule.id, expectation, index, file, False, f"example does not parse: {result.errors[0].message}", code)
    lines = sorted(f.line for f in result.findings if f.rule_id == rule.id)
    if expectation == "vulnerable":
        skipped = _why_a_scan_skips(rule, kind, code, data)
        ok = bool(lines) and skipped is None
        detail = f"flagged at line(s) {lines}" if ok else skipped or "missed: no finding (false negative)"
    else:
        ok = not lines
        detail = "no finding" if ok else f"false positive at line(s) {lines}"
    return ExampleResult(rule.id, expectation, index, file, ok, detail, code)


def _why_a_scan_skips(rule, kind: str, code: str, data: bytes) -> str | None:
    """Why a scan of the example alone would not run the rule on it (None: it would)."""
    if not build_prefilter([rule]).may_match(kind, data):
        return "missed: none of the rule's prefilter tokens occurs in it, so a scan skips it"
    tokens = rule.screen.project_tokens
    if tokens is not None and not tokens_in(code, tokens):
        return "missed: none of the rule's project_prefilter tokens occurs in it, so a scan of it skips the rule"
    return None


def run_fix_example(rule, index: int, example: dict) -> ExampleResult:
    """An `autofix` example: `keylint fix` turns `before` into `after`, which the rule no longer
    flags and which a second fix leaves as it is."""
    from keylint.cli.fix import fix_text

    file = example.get("file", DEFAULT_EXAMPLE_FILE)
    kind = file_kind(file.rsplit("/", 1)[-1])
    if kind is None:
        return ExampleResult(rule.id, "autofix", index, file, False, f"keylint does not read files named {file!r}", example["before"])
    source = SourcePath(file, file, kind)
    fixed = fix_text(source, example["before"], [rule])
    again = fix_text(source, fixed.new, [rule])
    if not fixed.fixed or fixed.left:
        detail = f"not fixed: {fixed.left[0][1] if fixed.left else 'no finding to fix'}"
    elif fixed.new != example["after"]:
        detail = "the fix gives:\n" + "\n".join(f"    | {line}" for line in fixed.new.splitlines())
    elif again.fixed or again.left or again.new != fixed.new:
        detail = "not idempotent: a second fix changes the result again"
    else:
        return ExampleResult(rule.id, "autofix", index, file, True, "fixed as shown", example["before"])
    return ExampleResult(rule.id, "autofix", index, file, False, detail, example["before"])


def run_rule_examples(rules) -> list[ExampleResult]:
    results = [run_example(rule, *example) for rule in rules for example in _examples(rule)]
    fixes = [(rule, i, example) for rule in rules for i, example in enumerate((rule.autofix or {}).get("examples", []))]
    return results + [run_fix_example(*fix) for fix in fixes]


# Annotated target files, semgrep style: `# ruleid: KL101` above a line that must be flagged by
# KL101, `# ok: KL101` above a look-alike that must not be. Any other finding is unexpected.
_ANNOTATION = re.compile(r"(?:#|<!--|\{#)\s*(ruleid|ok):\s*([A-Z0-9, ]+?)\s*(?:-->|#\})?\s*$")


@dataclass(frozen=True)
class Mismatch:
    path: str
    line: int
    rule_id: str
    problem: str  # "missed", "false positive on ok line", "unexpected finding"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.rule_id}: {self.problem}"


def read_annotations(text: str) -> dict[tuple[int, str], str]:
    """{(target line, rule id): "ruleid" | "ok"}; stacked annotations share the next code line."""
    found: dict[tuple[int, str], str] = {}
    pending: list[tuple[str, str]] = []
    for number, line in enumerate(split_lines(text), 1):
        match = _ANNOTATION.search(line)
        if match and not line[: match.start()].strip():
            pending.extend((match.group(1), rule.strip()) for rule in match.group(2).split(",") if rule.strip())
            continue
        for verdict, rule_id in pending:
            found[(number, rule_id)] = verdict
        pending = []
    return found


def check_annotated(report, rule_ids: set[str], texts: dict[str, str]) -> tuple[list[Mismatch], int, int]:
    """Compare a scan's findings with the annotations of the scanned files.

    Returns the mismatches, how many annotations were checked, and how many name rules that
    are not loaded.
    """
    flagged = {(f.path, f.line, f.rule_id) for f in report.findings}
    mismatches, checked, unloaded = [], 0, 0
    expected = set()
    for path, text in texts.items():
        for (line, rule_id), verdict in read_annotations(text).items():
            if rule_id not in rule_ids:
                unloaded += 1
                continue
            checked += 1
            if verdict == "ruleid":
                expected.add((path, line, rule_id))
                if (path, line, rule_id) not in flagged:
                    mismatches.append(Mismatch(path, line, rule_id, "missed"))
            elif (path, line, rule_id) in flagged:
                mismatches.append(Mismatch(path, line, rule_id, "false positive on ok line"))
    for path, line, rule_id in sorted(flagged - expected):
        if not any(m.path == path and m.line == line and m.rule_id == rule_id for m in mismatches):
            mismatches.append(Mismatch(path, line, rule_id, "unexpected finding"))
    return sorted(mismatches, key=lambda m: (m.path, m.line, m.rule_id)), checked, unloaded


def run_annotated(paths: list[str], rules: list) -> tuple[list[Mismatch], int, int]:
    """Scan annotated target files with `rules` and compare findings with their annotations."""
    from keylint.pipeline.discover import discover
    from keylint.pipeline.scan import scan

    report = scan(paths, rules)
    sources, _ = discover(paths)
    texts = {s.rel_path: open(s.abs_path, encoding="utf-8", errors="replace").read() for s in sources}
    mismatches, checked, unloaded = check_annotated(report, {r.id for r in rules}, texts)
    mismatches.extend(Mismatch(e.path, 0, "-", f"not analysed: {e.message}") for e in report.errors)
    return mismatches, checked, unloaded
