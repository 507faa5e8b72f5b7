"""Stage 5: inline suppressions, `# keylint: ignore[KL101, KL102] -- reason`.

A suppression sits in a real comment (never inside a string; `{# #}` or `<!-- -->` in
templates) at the end of the offending line, or alone on the line above it. Without a rule list it silences every rule on that line.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass

from keylint.core.lines import split_lines

_DIRECTIVE = re.compile(
    r"keylint:\s*ignore(?:\[(?P<rules>[^\]]*)\])?(?:\s*--\s*(?P<reason>.*\S))?", re.IGNORECASE
)
_CONFIG_COMMENT = re.compile(r"(?:^|\s)[#;]")
_TEMPLATE_COMMENT = re.compile(r"\{#|<!--")


@dataclass(frozen=True)
class Suppression:
    """A suppression comment: which line it covers, which rules (None: all) and why."""

    comment_line: int
    target_line: int
    rules: frozenset[str] | None
    reason: str | None

    def covers(self, rule_id: str, line: int) -> bool:
        return line == self.target_line and (self.rules is None or rule_id in self.rules)


def _comments(text: str, kind: str) -> list[tuple[int, str, bool]]:
    """(line, comment text, alone on its line) for every comment in the file."""
    lines = split_lines(text, kind)
    if kind == "python":
        found = []
        try:
            for token in tokenize.generate_tokens(io.StringIO(text).readline):
                if token.type == tokenize.COMMENT:
                    alone = not lines[token.start[0] - 1][: token.start[1]].strip()
                    found.append((token.start[0], token.string, alone))
        except (tokenize.TokenError, SyntaxError, IndentationError):
            pass
        return found
    found = []
    marker = _TEMPLATE_COMMENT if kind == "template" else _CONFIG_COMMENT
    for number, line in enumerate(lines, 1):
        match = marker.search(line)
        if match:
            found.append((number, line[match.end() - 1 :], not line[: match.start()].strip()))
    return found


def parse_suppressions(text: str, kind: str) -> list[Suppression]:
    found = []
    for line, comment, alone in _comments(text, kind):
        match = _DIRECTIVE.search(comment)
        if not match:
            continue
        rules = match.group("rules")
        ids = frozenset(r.strip().upper() for r in rules.split(",") if r.strip()) if rules else None
        target = line + 1 if alone else line
        found.append(Suppression(line, target, ids, match.group("reason")))
    return found


def apply_suppressions(findings: list, suppressions: list[Suppression]) -> tuple[list, list[tuple]]:
    """Split findings into those kept and (finding, suppression) pairs for those silenced.

    A finding covered by several suppressions is credited to one with a reason if there is one.
    """
    kept, silenced = [], []
    for finding in findings:
        covering = sorted((s for s in suppressions if s.covers(finding.rule_id, finding.line)), key=lambda s: s.reason is None)
        if covering:
            silenced.append((finding, covering[0]))
        else:
            kept.append(finding)
    return kept, silenced


@dataclass(frozen=True)
class SuppressionIssue:
    """A suppression comment that breaks the project's rules: bare, or silencing nothing."""

    path: str
    line: int
    message: str

    def to_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "message": self.message}


def review_suppressions(
    silenced: list[tuple], suppressions: list[tuple[str, Suppression]], require_reason: bool, report_unused: bool
) -> tuple[list, list[tuple], list[SuppressionIssue]]:
    """Check suppressions against the project's policy.

    `silenced` pairs findings with the suppression that covered them; `suppressions` pairs every
    suppression with its file. Returns the findings that must be reported after all (silenced
    only by a bare suppression under `require_reason`), the pairs still silenced, and the issues.
    """
    issues: list[SuppressionIssue] = []
    restored: list = []
    if require_reason:
        restored = [finding for finding, s in silenced if s.reason is None]
        silenced = [(finding, s) for finding, s in silenced if s.reason is not None]
        issues += [
            SuppressionIssue(path, s.comment_line, "suppression without a reason (write `-- why` after it)")
            for path, s in suppressions if s.reason is None
        ]
    if report_unused:
        used = {(finding.path, s) for finding, s in silenced}
        issues += [
            SuppressionIssue(path, s.comment_line, f"unused suppression: {_named(s)} silences nothing on line {s.target_line}")
            for path, s in suppressions
            if (path, s) not in used and not (require_reason and s.reason is None)
        ]
    issues.sort(key=lambda i: (i.path, i.line, i.message))
    return restored, silenced, issues


def _named(suppression: Suppression) -> str:
    return f"ignore[{', '.join(sorted(suppression.rules))}]" if suppression.rules else "ignore"
