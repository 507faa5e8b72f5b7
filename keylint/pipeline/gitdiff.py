"""Diff scans (`keylint scan --diff REF`): which files and lines changed, read with real `git`.

Changes run from the merge base of REF and HEAD to the working tree, so a pull request's
commits and uncommitted edits both count; untracked files count as wholly changed. `HEAD` in
a repository without a commit yet makes every file in the index or untracked wholly changed
(not a diff with the empty tree, which git, under a commit in progress, can fail to read). Renames
are followed (`-M`), deleted files have no lines left to report on. In a shallow clone with
no merge base the diff falls back to REF itself, with a warning.

Cross-module data flow: discovery always sees the whole project, and a finding is reported
when its location or any step of its flow lies on a changed line. Which files the per-file
stage analyses depends on the loaded kinds (`files_to_analyse`): a kind whose hits in one
file depend on other files declares `PROJECT_WIDE = True` and then every file is analysed;
otherwise a file's findings depend on that file alone, so analysing only the changed files
gives exactly the findings a full scan would report on changed lines, faster.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass


_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", '"': '"', "\\": "\\"}


class GitError(Exception):
    """git could not tell what changed (not a repository, unknown ref, git missing)."""


@dataclass(frozen=True)
class ChangedLines:
    """Changed lines by path relative to the scan root; None means the whole file is new."""

    files: dict[str, frozenset[int] | None]
    warnings: tuple[str, ...] = ()

    def touches_file(self, path: str) -> bool:
        return path in self.files

    def touches(self, path: str, line: int, end_line: int | None = None) -> bool:
        if path not in self.files:
            return False
        lines = self.files[path]
        return lines is None or any(n in lines for n in range(line, (end_line or line) + 1))

    def touches_finding(self, finding) -> bool:
        """The finding's span, or any step of its data flow, is on a changed line."""
        return self.touches(finding.path, finding.line, finding.end_line) or any(
            self.touches(step.path, step.line) for step in finding.flow
        )


def files_to_analyse(sources: list, rules: list, changed: ChangedLines) -> list:
    """All sources if a loaded kind is project-wide, else only the changed ones (see module doc)."""
    if any(rule.screen.project_wide for rule in rules):
        return sources
    return [source for source in sources if changed.touches_file(source.rel_path)]


def toplevel(path: str) -> str:
    """The top level of the git work tree that holds `path` (GitError outside one)."""
    return run_git(path, "rev-parse", "--show-toplevel").strip()


def changed_lines(ref: str, root: str) -> ChangedLines:
    """What changed since `ref` in the repository that holds `root`, keyed relative to `root`."""
    top = toplevel(root)
    if _resolves(top, ref):
        base, warnings = _merge_base(top, ref)
        patch = run_git(top, "-c", "core.quotePath=false", "diff", "--unified=0", "--no-color", "--no-ext-diff", "-M", base, "--")
        files = parse_patch(patch)
        whole = run_git(top, "ls-files", "--others", "--exclude-standard", "-z").split("\0")
    elif ref == "HEAD":  # no commit yet (a first commit's pre-commit hook): every file is new
        warnings, files = [], {}
        whole = run_git(top, "ls-files", "--cached", "--others", "--exclude-standard", "-z").split("\0")
    else:
        hint = " (this is a shallow clone: fetch the ref, e.g. `git fetch origin main`)" if _shallow(top) else ""
        raise GitError(f"unknown git ref {ref!r}{hint}")
    files.update({path: None for path in whole if path})  # wholly changed
    real_root = os.path.realpath(root)
    relative = {
        os.path.relpath(os.path.join(os.path.realpath(top), path), real_root).replace(os.sep, "/"): lines
        for path, lines in files.items()
    }
    return ChangedLines(relative, tuple(warnings))


def _resolves(top: str, ref: str) -> bool:
    found = subprocess.run(["git", "-C", top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], capture_output=True)
    return found.returncode == 0


def _merge_base(top: str, ref: str) -> tuple[str, list[str]]:
    found = subprocess.run(["git", "-C", top, "merge-base", ref, "HEAD"], capture_output=True, text=True)
    if found.returncode == 0:
        return found.stdout.strip(), []
    if _shallow(top):
        return ref, [
            f"shallow clone: no merge base with {ref!r} in the fetched history; comparing with {ref!r} itself "
            "(fetch more history, e.g. `fetch-depth: 0`, for exact pull-request diffs)"
        ]
    raise GitError(f"{ref!r} and HEAD have no common history")


def _shallow(top: str) -> bool:
    return run_git(top, "rev-parse", "--is-shallow-repository").strip() == "true"


def run_git(cwd: str, *args: str) -> str:
    """git's output; GitError with git's last line of complaint when it fails."""
    try:
        done = subprocess.run(["git", "-C", cwd, *args], capture_output=True, text=True, encoding="utf-8")
    except FileNotFoundError as exc:
        raise GitError("git is not installed or not on PATH") from exc
    if done.returncode:
        raise GitError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"git {args[0]} failed")
    return done.stdout


def parse_patch(patch: str) -> dict[str, frozenset[int]]:
    """New-side changed lines per file of a `git diff --unified=0` patch.

    A pure deletion marks the line after it, so removing a suppression comment shows the
    finding it silenced. Deleted files and pure renames have no changed lines.
    """
    files: dict[str, set[int]] = {}
    current: str | None = None
    in_header = False
    for line in patch.split("\n"):
        if line.startswith("diff --git "):
            current, in_header = None, True
        elif in_header and line.startswith("+++ "):
            current = new_path(line[4:])
        elif line.startswith("@@"):
            in_header = False
            match = _HUNK.match(line)
            if match and current is not None:
                start, count = int(match.group(1)), int(match.group(2) or 1)
                files.setdefault(current, set()).update(range(start, start + count) if count else (start + 1,))
    return {path: frozenset(lines) for path, lines in files.items()}


def new_path(text: str) -> str | None:
    """The path of a patch's `+++ b/...` line (None for a deleted file)."""
    path = _unquote(text) if text.startswith('"') else text
    return None if path == "/dev/null" else path[2:] if path.startswith("b/") else path


def _unquote(text: str) -> str:
    """git's C-style quoted path ("a\\tb", octal escapes for bytes) as text."""
    out = bytearray()
    index, body = 0, text[1:-1]
    while index < len(body):
        char = body[index]
        if char == "\\" and body[index + 1 : index + 4].isdigit():
            out.append(int(body[index + 1 : index + 4], 8))
            index += 4
        elif char == "\\":
            out += _ESCAPES.get(body[index + 1], body[index + 1]).encode()
            index += 2
        else:
            out += char.encode()
            index += 1
    return out.decode("utf-8", errors="replace")
