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
        write_atomic(str(path), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        _keep_newest(path.parent)
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

    Unlike results, facts are kept in a SQLite file, one row per file, read and written one
    file at a time: the summaries of a large tree are tens of megabytes, and the scan holds
    them in memory once already (the project index). A scan's writes are one transaction,
    committed by save(), which also drops the files this scan did not look at (deleted ones).
    A cache that cannot be opened or written is silently not kept, as with results.
    """

    def __init__(self, directory: Path, root: str, key: str):
        self.path = Path(directory) / "project" / _digest(os.path.abspath(root)) / f"{key}.sqlite"
        self._db = _connect(self.path)
        self._digests: dict[str, str] = {}
        self._stamps: dict[str, tuple[int, int]] = {}  # rel_path -> (size, mtime_ns) when looked at
        self._seen: set[str] = set()

    @staticmethod
    def _name(source) -> str:
        return f"{source.abs_path}\0{source.rel_path}"

    def get(self, source) -> dict | None:
        """The facts of a file whose size and mtime are unchanged, else None."""
        self._seen.add(self._name(source))
        try:
            stat = os.stat(source.abs_path)
        except OSError:
            return None
        stamp = self._stamps[source.rel_path] = (stat.st_size, stat.st_mtime_ns)
        row = self._row(source)
        if row is None or row[:2] != stamp:
            return None
        facts = _facts(row[3])
        if facts is not None:
            self._digests[source.rel_path] = row[2]
        return facts

    def known(self, source, digest: str) -> dict | None:
        """Told the file's content digest: the facts stored for exactly this content (a touched
        file), if any."""
        self._digests[source.rel_path] = digest
        stamp = self._stamps.get(source.rel_path)
        row = self._row(source) if stamp is not None else None
        facts = _facts(row[3]) if row is not None and row[2] == digest else None
        if facts is not None and row[:2] != stamp:
            self._write("UPDATE facts SET size = ?, mtime = ? WHERE name = ?", (*stamp, self._name(source)))
        return facts

    def put(self, source, facts: dict) -> None:
        stamp, digest = self._stamps.get(source.rel_path), self._digests.get(source.rel_path)
        if stamp is not None and digest is not None:
            blob = pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL)
            self._write("INSERT OR REPLACE INTO facts VALUES (?, ?, ?, ?, ?)", (self._name(source), *stamp, digest, blob))

    def save(self) -> None:
        """Commit this scan's facts, without those of the files it did not look at."""
        if self._db is None:
            return
        import sqlite3

        try:
            gone = [(name,) for (name,) in self._db.execute("SELECT name FROM facts") if name not in self._seen]
            self._db.executemany("DELETE FROM facts WHERE name = ?", gone)
            self._db.commit()
            self._db.close()
            _keep_newest(self.path.parent)
        except (sqlite3.Error, OSError):
            self._db.close()
        self._db = None

    def _row(self, source) -> tuple | None:
        """(size, mtime_ns, digest, pickled facts) stored for the file, if any."""
        if self._db is None:
            return None
        import sqlite3

        try:
            return self._db.execute("SELECT size, mtime, digest, facts FROM facts WHERE name = ?",
                                    (self._name(source),)).fetchone()
        except sqlite3.Error:
            return None

    def _write(self, statement: str, values: tuple) -> None:
        if self._db is None:
            return
        import sqlite3

        try:
            self._db.execute(statement, values)
        except sqlite3.Error:  # another scan holds the file, or the disk is full: keep nothing
            self._db.close()
            self._db = None


def _connect(path: Path):
    """The facts database at `path`, made if missing; one that is not a facts database (a
    truncated or foreign file) is replaced. None when there is no usable database: SQLite is
    missing, the folder cannot be written, or another scan holds the file."""
    try:
        import sqlite3
    except ImportError:  # pragma: no cover - a Python built without SQLite: no facts cache
        return None
    for _ in range(2):
        db = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            db = sqlite3.connect(path, timeout=1.0)
            db.execute("CREATE TABLE IF NOT EXISTS facts "
                       "(name TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, digest TEXT, facts BLOB)")
            db.execute("SELECT name, size, mtime, digest, facts FROM facts LIMIT 1").fetchall()
            return db
        except sqlite3.DatabaseError as exc:
            if db is not None:
                db.close()
            if isinstance(exc, sqlite3.OperationalError) and "no such column" not in str(exc):
                return None  # another scan holds it, or the folder cannot be written
            path.unlink(missing_ok=True)  # not a facts database: start afresh
        except OSError:
            return None
    return None


def _facts(blob) -> dict | None:
    """Stored facts, if the blob holds what keylint stores there (else the file is looked at again)."""
    try:
        value = pickle.loads(blob)
    except (pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError, EOFError, IndexError,
            KeyError, RecursionError, MemoryError):
        return None
    return value if isinstance(value, dict) else None


def _keep_newest(folder: Path) -> None:
    """Keep only the newest KEEP_PER_FOLDER cache files in `folder` (one per rule set and settings)."""
    siblings = sorted((p for p in folder.iterdir() if p.suffix in (".pickle", ".sqlite")),
                      key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in siblings[KEEP_PER_FOLDER:]:
        old.unlink(missing_ok=True)


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
