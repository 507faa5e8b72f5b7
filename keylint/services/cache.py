"""The cache: an unchanged file is never parsed again, and unchanged rule packs never re-validated.

Per-file results are kept in one SQLite file per (scan root, analysis key), a row per file,
pickled payloads in it (FileCache). The analysis key digests
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
from typing import Iterable, NamedTuple

from keylint import __version__
from keylint.core.findings import FileResult
from keylint.services.atomic import write_atomic

KEEP_PER_FOLDER = 4
"""Cache files kept per scan root (one per rule set and settings) and of rule sets, newest first."""


def user_cache_dir() -> str:
    # Paths here are str (os.path), not pathlib.Path: pathlib (with urllib.parse and ipaddress)
    # would cost every run's start-up ~4 ms.
    home = os.path.expanduser("~")
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.join(home, "AppData", "Local")
    elif sys.platform == "darwin":
        base = os.path.join(home, "Library", "Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache")
    return os.path.join(base, "keylint")


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
    """keylint's version and the bytes of its own modules: a code change invalidates the cache.
    (Every scan with a cache computes it: the package is listed with os.scandir, not Path.rglob.)"""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # keylint/, from keylint/services/cache.py
    return _digest(__version__, *(f"{name}:{file_digest(os.path.join(package, name))}"
                                  for name in _module_files(package)))


def _module_files(package: str) -> list[str]:
    """The .py and .json files under `package`, relative to it, in Path order (by parts)."""
    found, folders = [], [""]
    while folders:
        folder = folders.pop()
        with os.scandir(os.path.join(package, folder)) as listing:
            for entry in listing:
                name = os.path.join(folder, entry.name)
                if entry.is_dir():
                    folders.append(name)
                elif entry.name.endswith((".py", ".json")):
                    found.append(name)
    return sorted(found, key=lambda name: name.split(os.sep))


def files_digest(paths) -> str:
    """Digest of the files at `paths` (names and contents), in any order."""
    return _digest(*(f"{p}:{file_digest(p)}" for p in sorted({os.fspath(p) for p in paths})))


def file_digest(path: str) -> str:
    """content_digest of the file at `path`."""
    with open(path, "rb") as handle:
        return content_digest(handle.read())


def ruleset_digest(rules: list) -> str:
    """Digest of the selected rules: their ids and their packs' (and model packs') contents. A
    scan computes it once for its cache keys (it reads every pack file)."""
    ids = ",".join(sorted(rule.id for rule in rules))
    return _digest(files_digest(path for rule in rules for path in (rule.pack_path, *rule.model_paths)), ids)


def analysis_key(ruleset: str, settings: dict) -> str:
    """Digest of the engine, the selected rules (`ruleset`, ruleset_digest) and result-changing settings."""
    return _digest(engine_digest(), ruleset, repr(sorted(settings.items())))


def _read_pickle(path: str, valid) -> object | None:
    """The value stored at `path` if valid(value) holds; None if it is missing, truncated, from an
    incompatible keylint or not what keylint stores there (a tampered file): start afresh."""
    try:
        with open(path, "rb") as handle:
            value = pickle.load(handle)
        return value if valid(value) else None
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError,
            IndexError, KeyError, RecursionError, MemoryError):
        return None


def _write_pickle(path: str, value) -> None:
    """Atomically replace `path`, keeping only the newest KEEP_PER_FOLDER cache files beside it.

    A cache that cannot be written is silently not kept.
    """
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        write_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), durable=False)
        _keep_newest(os.path.dirname(path))
    except OSError:
        pass


class FileCache:
    """name -> payload for one scan root and one analysis key.

    A SQLite file, one row per name, read and written one row at a time: the cache of a large
    tree is tens of megabytes (the project phase's summaries), which a scan should not hold
    besides what it works with. A scan's writes are one transaction, committed by save(). A
    cache that cannot be opened or written is silently not kept; a row that does not hold a
    `payload` is a miss.
    """

    def __init__(self, directory: str, root: str, key: str, folder: str = "results", payload: type = FileResult,
                 read_all: bool = False):
        """`read_all`: read every row in one query when opened (kept as pickled bytes): for small
        payloads such as results, which a warm scan reads nearly all of, one query is several
        times cheaper than a query per file."""
        self.path = os.path.join(directory, folder, _digest(os.path.abspath(root)), f"{key}.sqlite")
        self._db = _connect(self.path)
        self._payload = payload
        self._last: tuple = (None, None)  # (name, row) last read: a file is asked about up to three times
        self._rows: dict[str, tuple] | None = self._read_all() if read_all else None
        self._written: set[int] = set()  # hashes of the names whose row changed since read_all: ask the database
        self._expected: list[str] = []  # names about to be asked for, in order (expect())
        self._next = 0  # where the next batch of them starts
        self._batch: dict[str, tuple | None] = {}  # rows of the current batch (None: no row)
        self._pending: dict[str, tuple] = {}  # rows written, not yet handed to SQLite (WRITE_BATCH)
        self.depends = None  # set by the scan: files whose results depend on the project index

    def fresh(self, name: str, stat: Stamp):
        """The payload if the file's size and mtime are what they were when it was stored."""
        row = self._row(name)
        if row is not None and (row[0], row[1]) == (stat.st_size, stat.st_mtime_ns):
            return self._load(row[3])
        return None

    def get(self, name: str, digest: str, stat: Stamp):
        """The payload stored for this content; a hit refreshes the recorded size and mtime."""
        row = self._row(name)
        payload = self._load(row[3]) if row is not None and row[2] == digest else None
        if payload is not None and (row[0], row[1]) != (stat.st_size, stat.st_mtime_ns):
            self._write(name, (stat.st_size, stat.st_mtime_ns, digest, row[3]))
        return payload

    def expect(self, names: list[str]) -> None:
        """The names about to be asked for, in this order: their rows are read READ_BATCH at a time
        (a query per row cost a re-scan of 2,823 files ~15 ms), at most one batch held."""
        self._expected, self._next, self._batch = names, 0, {}

    def stored_digest(self, name: str) -> str | None:
        """The digest the stored payload of `name` was kept under, if any."""
        row = self._row(name)
        return None if row is None else row[2]

    def put(self, name: str, digest: str, stat: Stamp, payload) -> None:
        blob = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        self._write(name, (stat.st_size, stat.st_mtime_ns, digest, blob))

    def save(self, keep: Iterable[str] | None = None) -> None:
        """Commit this scan's writes; with `keep` (names), the entries of other names go."""
        self._flush()
        if self._db is None:
            return
        import sqlite3

        try:
            if keep is not None:  # in a table of SQLite's, not a set of names in this process
                self._db.execute("CREATE TEMP TABLE keep (name TEXT PRIMARY KEY)")
                self._db.executemany("INSERT OR IGNORE INTO keep VALUES (?)", ((name,) for name in keep))
                self._db.execute("DELETE FROM entries WHERE name NOT IN (SELECT name FROM keep)")
            self._db.commit()
            self._db.close()
            _keep_newest(os.path.dirname(self.path))
        except (sqlite3.Error, OSError):
            self._db.close()
        self._db = None

    def _read_all(self) -> dict[str, tuple] | None:
        if self._db is None:
            return None
        import sqlite3

        try:
            return {row[0]: row[1:] for row in self._db.execute("SELECT name, size, mtime, digest, payload FROM entries")}
        except sqlite3.Error:
            return None

    def _row(self, name: str) -> tuple | None:
        """(size, mtime_ns, digest, pickled payload) stored for `name`, if any."""
        if name in self._pending:
            return self._pending[name]
        if self._rows is not None and hash(name) not in self._written:  # (another name of the same hash: a query)
            return self._rows.get(name)
        if self._last[0] == name:
            return self._last[1]
        if self._db is None:
            return None
        if name not in self._batch:
            self._read_batch(name)
        if name in self._batch:  # taken out as it is read: the batch holds only rows yet to be asked for
            self._last = (name, self._batch.pop(name))
            return self._last[1]
        import sqlite3

        try:
            row = self._db.execute("SELECT size, mtime, digest, payload FROM entries WHERE name = ?", (name,)).fetchone()
        except sqlite3.Error:
            row = None
        self._last = (name, row)
        return row

    def _read_batch(self, name: str) -> None:
        """When `name` is the next name expected, its row and those of the names after it,
        READ_BATCH of them, in one query."""
        if self._next >= len(self._expected) or self._expected[self._next] != name:
            return
        import sqlite3

        names = self._expected[self._next:self._next + READ_BATCH]
        self._next, self._batch = self._next + len(names), dict.fromkeys(names)
        if self._next == len(self._expected):  # the last batch: the names are not kept
            self._expected, self._next = [], 0
        try:
            query = f"SELECT name, size, mtime, digest, payload FROM entries WHERE name IN ({','.join('?' * len(names))})"
            self._batch.update((row[0], row[1:]) for row in self._db.execute(query, names))
        except sqlite3.Error:
            self._batch = {}

    def _load(self, blob):
        try:
            value = pickle.loads(blob)
        except (pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError, EOFError, IndexError,
                KeyError, RecursionError, MemoryError):
            return None
        return value if isinstance(value, self._payload) else None

    def _write(self, name: str, row: tuple) -> None:
        """Store (size, mtime_ns, digest, pickled payload) for `name`: rows go to SQLite in batches
        (one statement per row cost a cold scan of 2,823 files ~0.1 s), so at most WRITE_BATCH of
        them wait in memory."""
        self._last = (None, None)
        self._batch.pop(name, None)  # read before this write: later reads see the new row
        if self._rows is not None:  # hashes, not names: a name per file of a large tree is megabytes
            self._written.add(hash(name))
        self._pending[name] = row
        if len(self._pending) >= WRITE_BATCH:
            self._flush()

    def _flush(self) -> None:
        rows, self._pending = [(name, *row) for name, row in self._pending.items()], {}
        if self._db is None or not rows:
            return
        import sqlite3

        try:
            self._db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?)", rows)
        except sqlite3.Error:  # another scan holds the file, or the disk is full: keep nothing
            self._db.close()
            self._db = None


WRITE_BATCH = 256
READ_BATCH = 256  # under SQLite's oldest limit of 999 parameters per statement


def _connect(path: str):
    """The cache database at `path`, made if missing; one that is not a keylint cache (a
    truncated or foreign file) is replaced. None when there is no usable database: SQLite is
    missing, the folder cannot be written, or another scan holds the file."""
    try:
        import sqlite3
    except ImportError:  # pragma: no cover - a Python built without SQLite: no cache
        return None
    for _ in range(2):
        db = None
        try:
            os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
            db = sqlite3.connect(path, timeout=1.0)
            db.execute("PRAGMA cache_size = -256")  # KB: rows are read once, by key
            db.execute("PRAGMA synchronous = OFF")  # a cache: not flushed to the disk (as write_atomic's durable=False)
            db.execute("CREATE TABLE IF NOT EXISTS entries "
                       "(name TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, digest TEXT, payload BLOB)")
            db.execute("SELECT name, size, mtime, digest, payload FROM entries LIMIT 1").fetchall()
            return db
        except sqlite3.DatabaseError as exc:
            if db is not None:
                db.close()
            if isinstance(exc, sqlite3.OperationalError) and "no such column" not in str(exc):
                return None  # another scan holds it, or the folder cannot be written
            _remove(path)  # not a keylint cache: start afresh
        except OSError:
            return None
    return None


def _keep_newest(folder: str) -> None:
    """Keep only the newest KEEP_PER_FOLDER cache files in `folder` (one per rule set and settings)."""
    with os.scandir(folder) as listing:
        siblings = sorted((entry for entry in listing if entry.name.endswith((".pickle", ".sqlite"))),
                          key=lambda entry: entry.stat().st_mtime_ns, reverse=True)
    for old in siblings[KEEP_PER_FOLDER:]:
        _remove(old.path)


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


class Stamp(NamedTuple):
    """What the cache reads of a file's stat (an os.stat_result serves as one too)."""

    st_size: int
    st_mtime_ns: int


def stamp_files(sources, signed: bool) -> tuple[dict[str, Stamp], str | None]:
    """Each file's Stamp by displayed path, from one stat per file for the whole scan (the last
    scan's signature, the size limit, the project facts and the result cache all ask; a file that
    cannot be stat'ed has none). With `signed`, also the digest of every file's names, kind and
    stat (size, mtime, ctime, inode) for LastScan: None when a file cannot be stat'ed."""
    stamps: dict[str, Stamp] = {}
    lines: list[str] | None = [] if signed else None
    for source in sources:
        try:
            st = os.stat(source.abs_path)
        except OSError:
            lines = None
            continue
        stamps[source.rel_path] = Stamp(st.st_size, st.st_mtime_ns)
        if lines is not None:
            lines.append(f"{source.abs_path}\0{source.rel_path}\0{source.kind}\0{st.st_size}:{st.st_mtime_ns}:"
                         f"{st.st_ctime_ns}:{st.st_ino}")
    return stamps, None if lines is None else content_digest("\n".join(lines).encode())


class ProjectFacts:
    """What the project phase learnt from each file's text (which tokens it holds, its data-flow
    summary, ...), by file and content, for one analysis key: an unchanged file is not read again.

    Entries are stored under the content digest of the file as last read or as it was stored;
    saving keeps only the files of this scan (a deleted file's facts go).
    """

    def __init__(self, directory: str, root: str, key: str, stamps: dict[str, Stamp] | None = None):
        """`stamps`: the scan's stat of each file (stamp_files), if it has them: not stat'ed again."""
        self.files = FileCache(directory, root, key, folder="project", payload=dict)
        self._digests: dict[str, str] = {}
        self._stats: dict[str, Stamp] = {} if stamps is None else stamps  # kept for every file

    @staticmethod
    def _name(source) -> str:
        return f"{source.abs_path}\0{source.rel_path}"

    def expect(self, sources) -> None:
        """The files get() is about to be asked about, in this order (see FileCache.expect)."""
        self.files.expect([self._name(source) for source in sources])

    def get(self, source) -> dict | None:
        """The facts of a file whose size and mtime are unchanged, else None."""
        stat = self._stats.get(source.rel_path)
        if stat is None:
            try:
                st = os.stat(source.abs_path)
            except OSError:
                return None
            stat = self._stats[source.rel_path] = Stamp(st.st_size, st.st_mtime_ns)
        facts = self.files.fresh(self._name(source), stat)
        if facts is None:
            return None
        self._digests[source.rel_path] = self.files.stored_digest(self._name(source))
        return facts

    def known(self, source, digest: str) -> dict | None:
        """Told the file's content digest: the facts stored for exactly this content (a touched
        file), if any."""
        self._digests[source.rel_path] = digest
        stat = self._stats.get(source.rel_path)
        return self.files.get(self._name(source), digest, stat) if stat is not None else None

    def put(self, source, facts: dict) -> None:
        stat, digest = self._stats.get(source.rel_path), self._digests.get(source.rel_path)
        if stat is not None and digest is not None:
            self.files.put(self._name(source), digest, stat, facts)

    def save(self, sources) -> None:
        """Commit, keeping the facts of `sources` (the scan's files) only."""
        self.files.save(keep=(self._name(source) for source in sources))


def load_cached(directory: str, group: str, parts: tuple, valid, make):
    """make(), or the value a call with the same key `parts` stored under directory/group before
    (if valid(value) holds). The caller says what is cached: this module knows nothing of it."""
    path = os.path.join(directory, group, f"{_digest(engine_digest(), *parts)}.pickle")
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

    def __init__(self, directory: str, root: str, key: str, signature: str):
        self.path = os.path.join(directory, "scans", _digest(os.path.abspath(root)), f"{key}.pickle")
        self.signature = signature

    def get(self, valid):
        """The stored outcome if it was stored under this signature and valid(outcome) holds."""
        stored = _read_pickle(self.path, lambda v: isinstance(v, tuple) and len(v) == 2 and v[0] == self.signature
                              and valid(v[1]))
        return None if stored is None else stored[1]

    def put(self, outcome) -> None:
        _write_pickle(self.path, (self.signature, outcome))
