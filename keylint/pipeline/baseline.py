"""Baselines: accept the findings a codebase already has, report only new ones.

An entry is (rule, path, identity fingerprint, count). The identity comes from the rule, the
path, the enclosing scope and the redacted match, never the line, so findings survive line
moves and unrelated edits; no secret is stored in clear. The count keeps one accepted finding
from hiding a second identical leak in the same file: occurrences beyond the count are new
(which of identical occurrences counts as new goes by position in the file). The path is part
of the identity, so the findings of a renamed file are new.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from keylint import __version__
from keylint.core.findings import Finding, identity_hash

DEFAULT_BASELINE = ".keylint-baseline.json"
FORMAT_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read; the message names the file."""


@dataclass(frozen=True)
class Baseline:
    """Accepted counts by (rule id, path, identity fingerprint)."""

    counts: dict[tuple[str, str, str], int]

    def split(self, findings: list[Finding]) -> tuple[list[Finding], int]:
        """The findings not covered by the baseline, and how many were covered."""
        remaining = dict(self.counts)
        new: list[Finding] = []
        for finding in sorted(findings, key=Finding.sort_key):
            key = (finding.rule_id, finding.path, identity_hash(finding))
            if remaining.get(key, 0) > 0:
                remaining[key] -= 1
            else:
                new.append(finding)
        return new, len(findings) - len(new)


def render(findings: list[Finding]) -> str:
    """The baseline document for `findings`: sorted entries, one per identical group."""
    counts = Counter((f.path, f.rule_id, identity_hash(f)) for f in findings)
    entries = [
        {"path": path, "rule_id": rule_id, "fingerprint": fingerprint, "count": count}
        for (path, rule_id, fingerprint), count in sorted(counts.items())
    ]
    document = {"keylint_baseline": FORMAT_VERSION, "generated_by": f"keylint {__version__}", "findings": entries}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def load(path: str) -> Baseline:
    try:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: not a keylint baseline (invalid JSON: {exc})") from exc
    except RecursionError as exc:
        raise BaselineError(f"{path}: not a keylint baseline (JSON nested too deeply)") from exc
    if not isinstance(document, dict) or document.get("keylint_baseline") != FORMAT_VERSION:
        raise BaselineError(f"{path}: not a keylint baseline (version {FORMAT_VERSION} expected)")
    if not isinstance(document.get("findings", []), list):
        raise BaselineError(f"{path}: findings: a list expected")
    counts: dict[tuple[str, str, str], int] = {}
    for index, entry in enumerate(document.get("findings", [])):
        try:
            key = (str(entry["rule_id"]), str(entry["path"]), str(entry["fingerprint"]))
            count = entry.get("count", 1)
            if not isinstance(count, int) or isinstance(count, bool) or count < 0:
                raise ValueError(f"count must be a whole number, not {json.dumps(count)[:40]}")
            counts[key] = counts.get(key, 0) + count
        except (TypeError, KeyError, ValueError, AttributeError) as exc:
            raise BaselineError(f"{path}: findings[{index}]: malformed entry ({exc})") from exc
    return Baseline(counts)
