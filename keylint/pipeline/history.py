"""`keylint scan --history [REV-RANGE]`: keys anywhere in git history, each reported once.

One pass over `git log -p` (all refs by default, or the range; oldest commit first): for every
file a commit changed, the added lines and the line of context around them are tested against
the rules' prefilter tokens (so a key is seen when its name is on its line or the line above).
Only then is the file's new version read (`git cat-file --batch`, by blob id) and analysed with
the hardcoded-secret rules exactly like a scan of today's tree; of its findings, those on added
lines are kept. No checkout, no per-commit process.

Each key (rule and value) is reported once, where it first appeared: commit, author date, path
and line; then one `git grep` of HEAD tells which keys are still present there. Findings are
redacted and fingerprinted like any others (a suppression comment in that version silences a
key; a baseline accepts it by fingerprint, e.g. one written by `keylint baseline create --history`).
"""

from __future__ import annotations

import os
import re
import subprocess
import time
from dataclasses import dataclass, field, replace

import pathspec

from keylint.core.findings import FileError, Finding, HistoryPlace
from keylint.pipeline.analyse import analyse_file, analyse_lines
from keylint.pipeline.discover import SKIP_DIRS, SourcePath, file_kind
from keylint.pipeline.gitdiff import GitError, new_path, run_git
from keylint.pipeline.prefilter import build as build_prefilter
from keylint.pipeline.review import review
from keylint.pipeline.scan import ScanOptions, ScanReport, too_large

HISTORY_PITFALL = "hardcoded-secret"
_HUNK = re.compile(r"^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_INDEX = re.compile(r"^index [0-9a-f]+\.\.([0-9a-f]+)")


def history_rules(rules: list) -> list:
    """The rules a history scan runs: those of the `secret` kind for hard-coded keys."""
    return [r for r in rules if r.kind == "secret" and r.pitfall == HISTORY_PITFALL]


@dataclass
class Change:
    """One file as one commit left it: the lines it added, and the text the prefilter reads."""

    commit: str
    date: str
    path: str
    blob: str = ""
    added: set[int] = field(default_factory=set)
    seen: list[bytes] = field(default_factory=list)  # added lines and their context


def log_command(top: str, rev_range: str, paths: list[str]) -> list[str]:
    revisions = rev_range.split() if rev_range else ["--all"]
    return ["git", "-C", top, "-c", "core.quotePath=false", "log", *revisions, "--reverse", "--date-order", "-p",
            "-U1", "--full-index", "--no-color", "--no-ext-diff", "--no-textconv", "--format=%x00%H %aI", "--", *paths]


def changes(lines) -> iter:
    """The Changes of a `git log -p` (log_command's format) given as byte lines."""
    commit = date = ""
    current: Change | None = None
    old_left = new_left = 0
    new_line = 0
    for raw in lines:
        if old_left or new_left:  # inside a hunk
            tag = raw[:1]
            if tag == b"+":
                current.added.add(new_line)
                current.seen.append(raw[1:])
                new_line, new_left = new_line + 1, new_left - 1
            elif tag == b" ":
                current.seen.append(raw[1:])
                new_line, old_left, new_left = new_line + 1, old_left - 1, new_left - 1
            elif tag == b"-":
                old_left -= 1
            continue
        if raw.startswith(b"\0"):
            if current is not None:
                yield current
            commit, _, date = raw[1:].decode().strip().partition(" ")
            current = None
        elif raw.startswith(b"diff --git "):
            if current is not None:
                yield current
            current = Change(commit, date, "")
        elif current is not None and raw.startswith(b"index "):
            found = _INDEX.match(raw.decode("ascii", "replace"))
            current.blob = found.group(1) if found else ""
        elif current is not None and raw.startswith(b"+++ "):
            current.path = new_path(raw[4:].decode("utf-8", "replace").rstrip("\n")) or ""
        elif current is not None and raw.startswith(b"@@"):
            hunk = _HUNK.match(raw.decode("ascii", "replace"))
            if hunk:
                old_left, new_line = int(hunk.group(1) or 1), int(hunk.group(2))
                new_left = int(hunk.group(3) or 1)
    if current is not None:
        yield current


class _Blobs:
    """Reads blobs by id through one `git cat-file --batch` process."""

    def __init__(self, top: str):
        self._process = subprocess.Popen(["git", "-C", top, "cat-file", "--batch"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE)

    def read(self, blob: str) -> bytes | None:
        self._process.stdin.write(blob.encode() + b"\n")
        self._process.stdin.flush()
        header = self._process.stdout.readline().split()
        if len(header) < 3 or header[1] != b"blob":
            return None
        data = self._process.stdout.read(int(header[2]))
        self._process.stdout.read(1)
        return data

    def close(self) -> None:
        self._process.stdin.close()
        self._process.wait()


def scan_history(rev_range: str, paths: list[str], rules: list, options: ScanOptions) -> ScanReport:
    """Keys the history added (see the module docstring), reviewed like a scan's findings
    (severity, baseline); GitError when git cannot read the history."""
    started = time.perf_counter()
    report = _history(rev_range, paths or ["."], rules, options)
    review(report, options)
    report.errors.sort(key=lambda e: (e.path, e.message))
    report.duration_s = time.perf_counter() - started
    return report


def _history(rev_range: str, paths: list[str], rules: list, options: ScanOptions) -> ScanReport:
    root, excludes = options.root or os.getcwd(), options.excludes
    top = run_git(root, "rev-parse", "--show-toplevel").strip()
    rules = history_rules(rules)
    prefilter = build_prefilter(rules)
    excluded = pathspec.GitIgnoreSpec.from_lines(excludes)
    real_root = os.path.realpath(root)
    pathspecs = [os.path.relpath(os.path.realpath(os.path.abspath(p)), os.path.realpath(top)) for p in paths]
    result = ScanReport(commits_scanned=0)
    first: dict[tuple[str, str], Finding] = {}
    analysed: dict[tuple[str, str], tuple] = {}
    blobs = _Blobs(top)
    log = subprocess.Popen(log_command(top, rev_range, pathspecs), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    commits: set[str] = set()
    try:
        for change in changes(log.stdout):
            commits.add(change.commit)
            rel = os.path.relpath(os.path.join(os.path.realpath(top), change.path), real_root).replace(os.sep, "/")
            kind = file_kind(rel.rsplit("/", 1)[-1])
            if (kind is None or not change.blob or not change.added or set(rel.split("/")[:-1]) & SKIP_DIRS
                    or (excludes and excluded.match_file(rel))
                    or not prefilter.may_match(kind, b"\n".join(change.seen))):
                continue
            if (change.blob, rel) not in analysed:
                analysed[(change.blob, rel)] = _analyse(blobs, change.blob, SourcePath(rel, rel, kind), rules, options, result)
            findings, secrets = analysed[(change.blob, rel)]
            for finding in findings:
                key = (finding.rule_id, secrets.get(finding.fingerprint, finding.fingerprint))
                if key not in first and finding.line in change.added:
                    first[key] = replace(finding, history=HistoryPlace(change.commit, change.date, False))
    finally:
        log.stdout.close()
        stderr = log.stderr.read().decode("utf-8", "replace")
        blobs.close()
    if log.wait():
        raise GitError(stderr.strip().splitlines()[-1] if stderr.strip() else "git log failed")
    present = at_head(top, {secret for _, secret in first})
    result.findings = [
        replace(f, history=replace(f.history, at_head=secret in present)) for (_, secret), f in first.items()
    ]
    result.commits_scanned = len(commits)
    return result


def _analyse(blobs: _Blobs, blob: str, source: SourcePath, rules: list, options: ScanOptions, result: ScanReport):
    """(findings, {fingerprint: secret}) of one file version; the secrets never leave this module.
    A version over --max-file-size is searched line by line, as in a scan of the tree."""
    data = blobs.read(blob)
    if data is None:
        result.errors.append(FileError(source.rel_path, f"git could not read blob {blob[:12]}"))
        return [], {}
    secrets: dict[str, str] = {}
    reason = too_large(len(data), options.max_file_bytes)
    if reason is None:
        analysed = analyse_file(source, data, rules, options.redact, raw_secrets=secrets)
    else:
        analysed = analyse_lines(source, data, rules, options.redact, reason, raw_secrets=secrets)
    result.files_scanned += 1
    result.silenced.extend(analysed.silenced)
    result.errors.extend(replace(e, message=f"{e.message} (blob {blob[:12]})") for e in analysed.errors)
    return analysed.findings, secrets


def at_head(top: str, secrets: set[str]) -> set[str]:
    """Which of `secrets` occur in a file of HEAD (one `git grep`, patterns on stdin)."""
    if not secrets or subprocess.run(["git", "-C", top, "rev-parse", "--verify", "--quiet", "HEAD"],
                                     capture_output=True).returncode:
        return set()
    found = subprocess.run(["git", "-C", top, "grep", "-I", "-F", "-o", "-h", "-f", "-", "HEAD"],
                           input="\n".join(sorted(secrets)) + "\n", capture_output=True, text=True)
    return set(found.stdout.splitlines()) & secrets
