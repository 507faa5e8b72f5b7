"""Stage 1: find the files to scan and what kind each one is.

Inside a git work tree a folder's files are the ones git lists (`git ls-files --cached --others
--exclude-standard`): tracked files even under an ignored path, untracked ones no ignore rule
(any `.gitignore`, `.git/info/exclude`, `core.excludesFile`) excludes, with git's own `!pattern`
semantics. Outside git, or with `gitignore=False`, the folder is walked and its `.gitignore`
files are read with pathspec. Both honour the default skips and `--exclude`.
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pathspec

SKIP_DIRS = frozenset(
    {
        ".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".nox",
        ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs", "build", "dist", "site-packages",
        ".keylint_cache", ".idea", ".vscode",
    }
)
_MARKERS = frozenset({"pyvenv.cfg", ".gitignore"})
"""Names in a folder's listing that change how it is walked: a virtualenv's marker, ignore rules."""
SKIP_FILES = frozenset({"package-lock.json", "composer.lock", "Pipfile.lock", "poetry.lock", "yarn.lock"})
FILE_KINDS = (
    ("python", ("*.py", "*.pyi")),
    ("env", (".env", ".env.*", "*.env")),
    ("yaml", ("*.yaml", "*.yml")),
    ("json", ("*.json",)),
    ("toml", ("*.toml",)),
    ("ini", ("*.ini", "*.cfg")),
    ("template", ("*.html", "*.htm", "*.jinja", "*.jinja2", "*.j2", "*.djhtml", "*.mako", "*.mak", "*.pt", "*.cpt",
                  "*.zpt", "*.xml")),
    ("notebook", ("*.ipynb",)),
)
ANALYSED_AS = {"notebook": "python"}
"""Files analysed as another kind: a notebook's code cells are a Python module (keylint/facts/notebook.py)."""


@dataclass(frozen=True, slots=True)
class SourcePath:
    """A file to scan: where it is on disk, how outputs name it, and its format."""

    abs_path: str
    rel_path: str
    kind: str


_KIND_OF = re.compile("|".join(
    f"(?P<{kind}>{'|'.join(fnmatch.translate(p) for p in patterns)})" for kind, patterns in FILE_KINDS
))
"""FILE_KINDS as one regex, a named group per kind, tried in order (one match per name, not one per pattern)."""


@lru_cache(maxsize=4096)
def file_kind(name: str) -> str | None:
    """The format of a file by its name, or None if keylint does not read it."""
    if name in SKIP_FILES:
        return None
    found = _KIND_OF.match(name)
    return None if found is None else found.lastgroup


def analysed_kind(kind: str) -> str:
    """The kind of text the rules see in a file of this kind."""
    return ANALYSED_AS.get(kind, kind)


def _skipped_folder(names) -> bool:
    return any(name in SKIP_DIRS or name.endswith(".egg-info") for name in names)


def git_files(top: str) -> list[str] | None:
    """The files git would have in the project under `top` (tracked, plus untracked and not
    ignored), relative to it with forward slashes; None when `top` is not in a git work tree."""
    import subprocess  # here: a scan of named files never runs git

    try:
        done = subprocess.run(
            ["git", "-C", top, "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
            capture_output=True, check=False,
        )
    except OSError:  # no git: the walk reads .gitignore files itself
        return None
    if done.returncode:
        return None
    return sorted({name for name in os.fsdecode(done.stdout).split("\0") if name})


def _relative(path: str, base: str) -> str:
    """`path` relative to `base`, with forward slashes; without relpath's cost when it is under it."""
    prefix = base.rstrip(os.sep) + os.sep
    rel = path[len(prefix):] if path.startswith(prefix) else os.path.relpath(path, base)
    return rel.replace(os.sep, "/")


def _inside(path: str, base: str) -> str:
    """`path` relative to `base` with a slash, when it is inside it (not `base` itself); else ""."""
    inside = path != base and os.path.join(path, "").startswith(os.path.join(base, ""))
    return _relative(path, base) + "/" if inside else ""


class Discovery:
    """Walks the given paths, honouring .gitignore files, default skips and --exclude globs."""

    def __init__(self, root: str, excludes: tuple[str, ...] = (), gitignore: bool = True):
        self.root = os.path.abspath(root)
        self.excludes = _spec(excludes) if excludes else None
        self.gitignore = gitignore
        self.missing: list[str] = []
        self.unreadable: list[tuple[str, str]] = []  # (path as shown, why): not analysed
        self.skipped = 0

    def files(self, paths: list[str]) -> list[SourcePath]:
        found: dict[str, SourcePath] = {}
        for raw in paths:
            path = os.path.abspath(raw)
            if os.path.isdir(path):
                for source in self._walk(path):
                    found.setdefault(source.abs_path, source)
            elif os.path.isfile(path):
                source = self._explicit(path)
                if source is not None:
                    found.setdefault(source.abs_path, source)
            else:
                self._not_a_file(raw)
        return sorted(self._unique(found.values()), key=lambda s: s.rel_path)

    def _unique(self, sources) -> list[SourcePath]:
        """A file outside the root is named relative to the path it was given by, so two can
        share a name (`a/base.py` and `b/base.py` given as files): those are named by their path
        from the root instead, which tells them apart (the name is the file's identity in
        reports, caches and the project index)."""
        sources = list(sources)
        seen: dict[str, int] = {}
        for source in sources:
            seen[source.rel_path] = seen.get(source.rel_path, 0) + 1
        if len(seen) == len(sources):
            return sources
        return [SourcePath(s.abs_path, printable(_relative(s.abs_path, self.root)), s.kind) if seen[s.rel_path] > 1 else s
                for s in sources]

    def _not_a_file(self, raw: str) -> None:
        """A given path that is neither a folder nor a file: missing, or something keylint cannot read."""
        try:
            mode = os.stat(raw).st_mode
        except FileNotFoundError:
            self.missing.append(printable(raw))
            return
        except OSError as exc:  # a symbolic link loop, a folder without search permission, ...
            self.unreadable.append((printable(raw), exc.strerror or str(exc)))
            return
        kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
        self.unreadable.append((printable(raw), f"not a regular file ({kind})"))

    def _display(self, path: str, base: str) -> str:
        """Relative to the root if under it, else to `base` (the path given on the command line);
        printable (see `printable`)."""
        prefix = self.root.rstrip(os.sep) + os.sep
        if path.startswith(prefix):  # the usual case, without relpath's cost (paths are absolute, normalised)
            return printable(path[len(prefix):].replace(os.sep, "/"))
        return "." if path == self.root else printable(_relative(path, base))

    def _explicit(self, path: str) -> SourcePath | None:
        rel = self._display(path, os.path.dirname(path))
        kind = file_kind(os.path.basename(path))
        if kind is None or self._excluded(rel):
            self.skipped += 1
            return None
        return SourcePath(path, rel, kind)

    def _walk(self, top: str) -> list[SourcePath]:
        """The files under `top`: git's list in a work tree, else one os.scandir listing per folder."""
        listed = git_files(top) if self.gitignore else None
        if listed is not None:
            return list(self._listed(top, listed))
        ignores = self._ancestor_ignores(top) if self.gitignore else []
        found: list[SourcePath] = []
        folders = [(top, _inside(top, self.root), ignores)]  # files are named as _display names them
        while folders:  # in no order: files() sorts what is found once
            folders.extend(self._folder(*folders.pop(), top, found))
        return found

    def _listed(self, top: str, names: list[str]):
        """The files of git's list under `top` that keylint reads: no symlinks, nothing deleted
        from the work tree, nothing in a default-skipped folder or a virtualenv."""
        venvs = tuple(name[: -len("pyvenv.cfg")] for name in names if name.endswith("/pyvenv.cfg"))
        base, prefix, inner = os.path.join(top, ""), _inside(top, self.root), _inside(self.root, top)
        folder, skipped = None, False
        for name in names:
            cut = name.rfind("/") + 1
            if name[:cut] != folder:  # the list is sorted: a folder's files mostly come together
                folder = name[:cut]
                skipped = _skipped_folder(folder.split("/")[:-1]) or bool(venvs) and folder.startswith(venvs)
            kind = file_kind(name[cut:])
            if kind is None or skipped:
                continue
            path = base + name.replace("/", os.sep)
            try:
                if not stat.S_ISREG(os.lstat(path).st_mode):
                    continue
            except OSError:
                continue
            rel = printable(name[len(inner):] if inner and name.startswith(inner) else prefix + name)  # as _display
            if self._excluded(rel):
                self.skipped += 1
                continue
            yield SourcePath(path, rel, kind)

    def _folder(self, folder: str, prefix: str, ignores: list, top: str, found: list[SourcePath]) -> list[tuple]:
        """Add the files of one folder to `found` (named `prefix` + file name); the subfolders to
        walk, each with its prefix and the .gitignore files that apply in it. One pass over the
        listing: no stat, no relpath, and patterns matched only when some apply."""
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as exc:
            self.unreadable.append((self._display(folder, top) + "/", f"cannot read folder: {exc.strerror or exc}"))
            return []
        start, subfolders, marks = len(found), [], {}
        for entry in entries:
            name = entry.name
            if name in _MARKERS:
                marks[name] = entry
            if entry.is_dir(follow_symlinks=False):
                if name not in SKIP_DIRS and not name.endswith(".egg-info"):
                    subfolders.append(entry)
            else:
                kind = file_kind(name)
                if kind is not None and entry.is_file(follow_symlinks=False):
                    found.append(SourcePath(entry.path, printable(prefix + name), kind))
        if marks:
            if "pyvenv.cfg" in marks and folder != top and marks["pyvenv.cfg"].is_file():
                del found[start:]
                return []  # a virtualenv (seen in its own listing: no stat per folder to ask)
            if ".gitignore" in marks and self.gitignore:
                ignores = [*ignores, (folder, self._gitignore(os.path.join(folder, ".gitignore")))]
        walk = [(entry.path, "" if entry.path == self.root else f"{prefix}{entry.name}/", ignores) for entry in subfolders]
        if ignores or self.excludes is not None:
            kept = [s for s in found[start:] if not (self._ignored(s.abs_path, False, ignores) or self._excluded(s.rel_path))]
            self.skipped += len(found) - start - len(kept)
            found[start:] = kept
            walk = [folder for folder in walk  # named as _display names it, with a slash
                    if not (self._ignored(folder[0], True, ignores) or self._excluded(printable(folder[1]) or "./"))]
        return walk

    def _excluded(self, rel: str) -> bool:
        return self.excludes is not None and self.excludes.match_file(rel)

    def _ancestor_ignores(self, top: str) -> list[tuple[str, pathspec.GitIgnoreSpec]]:
        """.gitignore files above `top`, up to the enclosing repository's root."""
        found = []
        current = os.path.dirname(top)
        if os.path.isdir(os.path.join(top, ".git")):
            return found
        while current and current != os.path.dirname(current):
            if os.path.isfile(os.path.join(current, ".gitignore")):
                found.append((current, self._gitignore(os.path.join(current, ".gitignore"))))
            if os.path.isdir(os.path.join(current, ".git")):
                return found[::-1]
            current = os.path.dirname(current)
        return []

    @staticmethod
    def _gitignore(path: str) -> pathspec.GitIgnoreSpec:
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                return _spec(handle)
        except OSError:
            return _spec([])

    @staticmethod
    def _ignored(path: str, is_dir: bool, ignores) -> bool:
        """Whether a .gitignore of a folder above `path` ignores it."""
        for base, spec in ignores:
            if spec.match_file(_relative(path, base) + ("/" if is_dir else "")):
                return True
        return False


def _spec(lines) -> pathspec.GitIgnoreSpec:
    """Gitignore-style patterns, matched with pathspec (imported when a scan first needs patterns:
    a pre-commit run names its files and has none)."""
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


def discover(
    paths: list[str], root: str | None = None, excludes: tuple[str, ...] = (), gitignore: bool = True
) -> tuple[list[SourcePath], Discovery]:
    """All files to scan under `paths`; the Discovery object reports missing paths and skips."""
    discovery = Discovery(root or os.getcwd(), excludes, gitignore)
    return discovery.files(paths), discovery


def printable(path: str) -> str:
    """A path as outputs show it: bytes of a file name that are not UTF-8 (which Python keeps as
    lone surrogates) written as `\\xNN`, so that every report is valid UTF-8."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def read_bytes(source: SourcePath) -> bytes:
    with open(source.abs_path, "rb") as handle:
        return handle.read()
