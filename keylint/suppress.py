"""Stage 5: inline suppressions, `# keylint: ignore[KL101, KL102] -- reason`.

A suppression sits in a real comment (never inside a string; `{# #}` or `<!-- -->` in
templates) at the end of the offending line, or alone on the line above it. Without a rule list it silences every rule on that line.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass

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
    lines = text.splitlines()
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


def apply_suppressions(findings: list, suppressions: list[Suppression]) -> tuple[list, int]:
    """Drop the findings a suppression covers; return the rest and how many were dropped."""
    kept = [f for f in findings if not any(s.covers(f.rule_id, f.line) for s in suppressions)]
    return kept, len(findings) - len(kept)
