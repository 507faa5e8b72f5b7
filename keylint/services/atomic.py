"""Writing a file so that it is either the old one or the complete new one: a full disk or a
kill mid-write must not leave a truncated SARIF report that CI then uploads, or an empty
baseline in place of the old one."""

from __future__ import annotations

import os
import tempfile


def write_atomic(path: str, data: bytes, durable: bool = True) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path` (OSError if
    anything fails; the temporary file never stays behind). `durable`: flushed to the disk
    before the rename, so that a crash of the machine cannot leave an empty file in its place
    (a cache need not be: a damaged one is read as missing, and the flush costs every scan)."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
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


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
