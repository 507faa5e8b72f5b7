"""The cache: an unchanged file is never parsed again, and unchanged rule packs never re-validated.

Per-file results are kept in one file per (scan root, analysis key). The analysis key digests
everything a result depends on besides the file itself: keylint's version and source, the
selected rules with their packs' bytes, and the settings that change results (redaction,
prefilter). An entry is name -> (size, mtime_ns, content digest, payload), the name telling the
file and how it is displayed: a file whose size and mtime are unchanged is a hit without being
read; otherwise its content digest decides.
The project phase keeps what it learns from each file (tokens, data-flow summaries) the same way,
under a key of its own (ProjectFacts).

Location: the user cache folder (`$XDG_CACHE_HOME/keylint`, default `~/.cache/keylint`;
`~/Library/Caches/keylint` on macOS; `%LOCALAPPDATA%\\keylint` on Windows), or `--cache-dir` /
`KEYLINT_CACHE_DIR`. Never inside the scanned tree by default: entries are pickles, and a
repository must not be able to plant a cache that hides its own findings. Findings are stored as
reported (redacted unless --no-redact, and the redaction setting is part of the key).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from functools import lru_cache
from pathlib import Path

from keylint import __version__
from keylint.core.findings import FileResult
from keylint.services.atomic import write_atomic

KEEP_PER_FOLDER = 4
"""Cache files kept per scan root (one per rule set and settings) and of rule sets, newest first."""


def user_cache_dir() -> Path:
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "keylint"


def _digest(*parts: bytes | str) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


def content_digest(data: bytes) -> str:
    return _digest(data)


@lru_cache(maxsize=1)
def engine_digest() -> str:
    """keylint's version and the bytes of its own modules: a code change invalidates the cache."""
    package = Path(__file__).parents[1]  # keylint/, from keylint/services/cache.py
    files = sorted(p for p in package.rglob("*") if p.suffix in (".py", ".json"))
    return _digest(__version__, *(f"{p.relative_to(package)}:{content_digest(p.read_bytes())}" for p in files))


def files_digest(paths) -> str:
    """Digest of the files at `paths` (names and contents), in any order."""
    return _digest(*(f"{p}:{content_digest(Path(p).read_bytes())}" for p in sorted({str(p) for p in paths})))


def analysis_key(rules: list, settings: dict) -> str:
    """Digest of the engine, the selected rules (ids and pack contents) and result-changing settings."""
    ids = ",".join(sorted(rule.id for rule in rules))
    options = repr(sorted(settings.items()))
    packs = (path for rule in rules for path in (rule.pack_path, *rule.model_paths))
    return _digest(engine_digest(), files_digest(packs), ids, options)


def _read_pickle(path: Path, valid) -> object | None:
    """The value stored at `path` if valid(value) holds; None if it is missing, truncated, from an
    incompatible keylint or not what keylint stores there (a tampered file): start afresh."""
    try:
        with open(path, "rb") as handle:
            value = pickle.load(handle)
        return value if valid(value) else None
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError,
            IndexError, KeyError, RecursionError, MemoryError):
        return None


def _is_entries(payload_type: type):
    """A test of a cache file's entries: name -> (size, mtime, digest, payload)."""

    def valid(value) -> bool:
        return isinstance(value, dict) and all(
            isinstance(name, str) and isinstance(entry, tuple) and len(entry) == 4
            and isinstance(entry[0], int) and isinstance(entry[1], int) and isinstance(entry[2], str)
            and isinstance(entry[3], payload_type)
            for name, entry in value.items()
        )

    return valid


def _write_pickle(path: Path, value) -> None:
    """Atomically replace `path`, keeping only the newest KEEP_PER_FOLDER files beside it.

    A cache that cannot be written is silently not kept.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(str(path), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), durable=False)
        siblings = sorted(path.parent.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in siblings[KEEP_PER_FOLDER:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


class FileCache:
    """name -> payload for one scan root and one analysis key, saved as one file."""

    def __init__(self, directory: Path, root: str, key: str, folder: str = "results", payload: type = FileResult):
        self.path = Path(directory) / folder / _digest(os.path.abspath(root)) / f"{key}.pickle"
        self.entries: dict[str, tuple] = _read_pickle(self.path, _is_entries(payload)) or {}
        self.changed = False
        self.depends = None  # set by the scan: files whose results depend on the project index

    def fresh(self, name: str, stat: os.stat_result):
        """The payload if the file's size and mtime are what they were when it was stored."""
        entry = self.entries.get(name)
        if entry is not None and entry[0] == stat.st_size and entry[1] == stat.st_mtime_ns:
            return entry[3]
        return None

    def get(self, name: str, digest: str, stat: os.stat_result):
        """The payload stored for this content; a hit refreshes the recorded size and mtime."""
        entry = self.entries.get(name)
        if entry is None or entry[2] != digest:
            return None
        if (entry[0], entry[1]) != (stat.st_size, stat.st_mtime_ns):
            self.put(name, digest, stat, entry[3])
        return entry[3]

    def stored_digest(self, name: str) -> str | None:
        """The digest the stored payload of `name` was kept under, if any."""
        entry = self.entries.get(name)
        return None if entry is None else entry[2]

    def put(self, name: str, digest: str, stat: os.stat_result, payload) -> None:
        self.entries[name] = (stat.st_size, stat.st_mtime_ns, digest, payload)
        self.changed = True

    def save(self) -> None:
        if not self.changed:
            return
        _write_pickle(self.path, self.entries)
        self.changed = False


class ProjectFacts:
    """What the project phase learnt from each file's text (which tokens it holds, its data-flow
    summary, ...), by file and content, for one analysis key: an unchanged file is not read again.

    Entries are stored under the content digest of the file as last read or as it was stored;
    saving keeps only the files this scan looked at (a deleted file's facts go).
    """

    def __init__(self, directory: Path, root: str, key: str):
        self.files = FileCache(directory, root, key, folder="project", payload=dict)
        self._digests: dict[str, str] = {}
        self._stats: dict[str, os.stat_result] = {}
        self._seen: set[str] = set()

    @staticmethod
    def _name(source) -> str:
        return f"{source.abs_path}\0{source.rel_path}"

    def get(self, source) -> dict | None:
        """The facts of a file whose size and mtime are unchanged, else None."""
        self._seen.add(self._name(source))
        try:
            stat = self._stats[source.rel_path] = os.stat(source.abs_path)
        except OSError:
            return None
        facts = self.files.fresh(self._name(source), stat)
        if facts is None:
            return None
        self._digests[source.rel_path] = self.files.stored_digest(self._name(source))
        return dict(facts)

    def known(self, source, digest: str) -> dict | None:
        """Told the file's content digest: the facts stored for exactly this content (a touched
        file), if any."""
        self._digests[source.rel_path] = digest
        stat = self._stats.get(source.rel_path)
        known = self.files.get(self._name(source), digest, stat) if stat is not None else None
        return None if known is None else dict(known)

    def put(self, source, facts: dict) -> None:
        stat, digest = self._stats.get(source.rel_path), self._digests.get(source.rel_path)
        if stat is not None and digest is not None:
            self.files.put(self._name(source), digest, stat, facts)

    def save(self) -> None:
        gone = self.files.entries.keys() - self._seen
        for name in gone:
            del self.files.entries[name]
        self.files.changed |= bool(gone)
        self.files.save()


def load_cached(directory: Path, group: str, parts: tuple, valid, make):
    """make(), or the value a call with the same key `parts` stored under directory/group before
    (if valid(value) holds). The caller says what is cached: this module knows nothing of it."""
    path = Path(directory) / group / f"{_digest(engine_digest(), *parts)}.pickle"
    value = _read_pickle(path, valid)
    if value is not None:
        return value
    value = make()
    _write_pickle(path, value)
    return value


class LastScan:
    """The outcome of the last scan of one root under one analysis key, with the signature of
    its inputs (which files, their stat, the options): a scan whose signature is the stored one
    has the stored outcome, so an unchanged project is answered from one small file."""

    def __init__(self, directory: Path, root: str, key: str, signature: str):
        self.path = Path(directory) / "scans" / _digest(os.path.abspath(root)) / f"{key}.pickle"
        self.signature = signature

    def get(self, valid):
        """The stored outcome if it was stored under this signature and valid(outcome) holds."""
        stored = _read_pickle(self.path, lambda v: isinstance(v, tuple) and len(v) == 2 and v[0] == self.signature
                              and valid(v[1]))
        return None if stored is None else stored[1]

    def put(self, outcome) -> None:
        _write_pickle(self.path, (self.signature, outcome))
