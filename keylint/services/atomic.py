"""Writing a file so that it is either the old one or the complete new one: a full disk or a
kill mid-write must not leave a truncated SARIF report that CI then uploads, or an empty
baseline in place of the old one."""

from __future__ import annotations

import os

_NEW_FILE = (os.O_WRONLY | os.O_CREAT | os.O_EXCL
             | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))


def write_atomic(path: str, data: bytes, durable: bool = True) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path` (OSError if
    anything fails; the temporary file never stays behind). `durable`: flushed to the disk
    before the rename, so that a crash of the machine cannot leave an empty file in its place
    (a cache need not be: a damaged one is read as missing, and the flush costs every scan)."""
    fd, tmp = _create_beside(os.path.abspath(path))
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if os.path.exists(path):
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _create_beside(path: str) -> tuple[int, str]:
    """A new file in `path`'s folder, open for writing, named after it, that no other writer has
    (O_EXCL; another name on a clash): what tempfile.mkstemp gives, without importing tempfile
    (with shutil and random, ~5 ms of every run's start-up, which writes its cache this way)."""
    folder, name = os.path.split(path)
    for _ in range(100):
        tmp = os.path.join(folder, f".{name}.{os.getpid()}.{os.urandom(6).hex()}.tmp")
        try:
            return os.open(tmp, _NEW_FILE, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
