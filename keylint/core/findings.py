"""The finding and error records every stage passes along, and their ordering."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("low", "medium", "high", "critical")
CONFIDENCES = ("low", "medium", "high")
PITFALLS = (
    "hardcoded-secret",
    "msn-from-user-input",
    "secret-exposed-to-merchant",
    "wrong-key-for-api",
    "partner-keys-in-test",
    "secret-in-logs",
    "missing-msn-header",
)


@dataclass(frozen=True)
class FlowStep:
    """One step of a data-flow path: where a value went and what happened there."""

    path: str
    line: int
    note: str

    def to_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "note": self.note}


@dataclass(frozen=True)
class CellPlace:
    """Where a finding in a Jupyter notebook is in the notebook: its cell (counting every cell
    from 1), and line and column within the cell's code, or within its saved output."""

    cell: int
    line: int
    column: int
    output: bool = False

    def describe(self) -> str:
        return f"cell {self.cell}, {'output ' if self.output else ''}line {self.line}"

    def to_dict(self) -> dict:
        return {"cell": self.cell, "line": self.line, "column": self.column, "output": self.output}


@dataclass(frozen=True)
class HistoryPlace:
    """Where a key found by `scan --history` first appeared, and whether HEAD still holds it."""

    commit: str
    date: str  # author date, ISO 8601
    at_head: bool

    def describe(self) -> str:
        state = "still present at HEAD" if self.at_head else "no longer at HEAD, still in git history"
        return f"added in commit {self.commit[:12]} on {self.date}; {state}"

    def to_dict(self) -> dict:
        return {"commit": self.commit, "date": self.date, "at_head": self.at_head}


@dataclass
class Finding:
    """One reported problem. Lines and columns are 1-based; end_column is exclusive."""

    rule_id: str
    pitfall: str
    severity: str
    confidence: str
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    snippet: str
    match_key: str = ""
    scope: str = ""
    fingerprint: str = ""
    flow: tuple[FlowStep, ...] = ()
    highlight: int = 1
    cell: CellPlace | None = None  # notebooks: line and column above are those of the .ipynb file
    history: HistoryPlace | None = None  # scan --history: the commit that added it

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule_id, self.match_key)

    def to_dict(self) -> dict:
        data = {
            "rule_id": self.rule_id,
            "pitfall": self.pitfall,
            "severity": self.severity,
            "confidence": self.confidence,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "snippet": self.snippet,
            "fingerprint": self.fingerprint,
        }
        if self.cell is not None:
            data["cell"] = self.cell.to_dict()
        if self.history is not None:
            data["history"] = self.history.to_dict()
        if self.flow:
            data["flow"] = [step.to_dict() for step in self.flow]
        return data


@dataclass(frozen=True)
class FileError:
    """A file that could not be analysed, and why."""

    path: str
    message: str

    def to_dict(self) -> dict:
        return {"path": self.path, "message": self.message}


@dataclass
class FileResult:
    """What analysing one file produced.

    `suppressions` are all suppression comments in the file; `silenced` pairs each finding a
    suppression covered with that suppression (the review stage checks reasons and use).
    """

    path: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    suppressions: list = field(default_factory=list)
    silenced: list[tuple] = field(default_factory=list)

    @property
    def suppressed(self) -> int:
        return len(self.silenced)


def assign_fingerprints(findings: list[Finding]) -> None:
    """Give each finding a fingerprint from rule, path, scope and redacted match; never the line.

    Identical matches in one file are told apart by their order of occurrence: the first one's
    fingerprint is their shared identity hash, later ones hash in their occurrence number.
    """
    seen: dict[str, int] = {}
    for finding in sorted(findings, key=Finding.sort_key):
        identity = identity_hash(finding)
        occurrence = seen.get(identity, 0)
        seen[identity] = occurrence + 1
        finding.fingerprint = identity if not occurrence else _sha(f"{identity}\0{occurrence}")


def identity_hash(finding: Finding) -> str:
    """What identical findings in one file share; also the fingerprint of the first of them."""
    return _sha("\0".join((finding.rule_id, finding.path, finding.scope, finding.match_key)))


def _sha(text: str) -> str:
    import hashlib  # here: a scan without findings never needs it (its OpenSSL binding loads slowly)

    return hashlib.sha256(text.encode()).hexdigest()[:32]


def severity_at_least(severity: str, minimum: str) -> bool:
    return SEVERITIES.index(severity) >= SEVERITIES.index(minimum)


@dataclass
class Hit:
    """What a rule kind reports before the analyse stage formats it into a Finding.

    `secret` is the raw matched secret (never serialised): the analyse stage redacts it from
    the message and the snippet. `match_key` must already be free of secrets.
    """

    rule: object
    line: int
    column: int
    end_line: int
    end_column: int
    match_key: str
    scope: str = ""
    confidence: str | None = None
    severity: str | None = None
    secret: str | None = None
    variables: dict = field(default_factory=dict)
    flow: tuple[FlowStep, ...] = ()
