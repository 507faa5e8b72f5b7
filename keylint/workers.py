"""Running per-file work in worker processes, so a crash or a hang costs one file, not the scan.

LibCST's native parser can overflow the stack and kill its process on pathological input, and
metadata providers can take very long on machine-generated files. Each worker handles one item
at a time; the parent knows which item every worker holds, so a worker that dies becomes a
failure for that item (and is replaced), and a worker that exceeds the time limit is killed.

A single item runs in-process: for two or more, forking workers (which inherit the loaded
modules) costs less than the parallelism saves, even on a pre-commit run of a few files.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from itertools import chain, islice
from multiprocessing.connection import wait
from typing import Callable, Iterable, Iterator, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

IN_PROCESS_BELOW = 2
"""Fewer items than this run in the calling process."""

DEFAULT_TIMEOUT_S = 60.0
_DONE = object()


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _context():
    """fork on Linux (workers inherit loaded rules and imports); the platform default elsewhere."""
    method = "fork" if sys.platform.startswith("linux") else None
    return multiprocessing.get_context(method)


def _serve(conn, work: Callable) -> None:
    """Worker loop: receive an item, send back work(item); None ends the loop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        item = conn.recv()
        if item is None:
            return
        conn.send(work(item))


class _Worker:
    """One worker process and the item it holds (None when idle)."""

    def __init__(self, ctx, work: Callable):
        self.ctx, self.work = ctx, work
        self.start()

    def start(self) -> None:
        self.conn, child = self.ctx.Pipe()
        self.process = self.ctx.Process(target=_serve, args=(child, self.work), daemon=True)
        self.process.start()
        child.close()
        self.item = None
        self.started = 0.0

    def give(self, item) -> None:
        self.item, self.started = item, time.monotonic()
        self.conn.send(item)

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.process.join(1)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def run(
    items: Iterable[Item],
    work: Callable[[Item], Result],
    failed: Callable[[Item, str], Result],
    jobs: int,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> Iterator[Result]:
    """work(item) for every item, in completion order (callers sort).

    `items` is consumed lazily, so the caller can still be producing items (reading files)
    while the workers analyse the first ones; the pool starts once IN_PROCESS_BELOW items
    are there. `work` must be a module-level function (or a functools.partial of one) so that
    it reaches the workers under any start method. When a worker dies or runs longer than
    `timeout_s` on an item, failed(item, reason) stands in for that item's result.
    """
    items = iter(items)
    head = list(islice(items, IN_PROCESS_BELOW))
    if jobs <= 1 or len(head) < IN_PROCESS_BELOW:
        for item in chain(head, items):
            yield work(item)
        return
    yield from _Pool(work, failed, jobs, timeout_s).run(chain(head, items))


class _Pool:
    def __init__(self, work: Callable, failed: Callable, size: int, timeout_s: float):
        self.failed, self.timeout_s = failed, timeout_s
        ctx = _context()
        self.workers = [_Worker(ctx, work) for _ in range(size)]

    def run(self, pending: Iterator) -> Iterator:
        busy: list[_Worker] = []
        try:
            for worker in self.workers:
                if self._give(worker, pending):
                    busy.append(worker)
            while busy:
                for worker, result in self._collect(busy):
                    yield result
                    busy.remove(worker)
                    if self._give(worker, pending):
                        busy.append(worker)
        finally:
            for worker in self.workers:
                worker.stop(kill=worker.item is not None)

    @staticmethod
    def _give(worker: _Worker, pending: Iterator) -> bool:
        """Hand the worker the next item, if there is one."""
        item = next(pending, _DONE)
        if item is _DONE:
            return False
        worker.give(item)
        return True

    def _collect(self, busy: list[_Worker]) -> list[tuple[_Worker, object]]:
        """Wait for at least one busy worker to finish, fail or time out."""
        deadline = min(w.started for w in busy) + self.timeout_s
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], max(0.0, deadline - time.monotonic())))
        done = []
        for worker in list(busy):
            if worker.conn in ready:
                try:
                    result = worker.conn.recv()
                except (EOFError, OSError):
                    result = self._replace(worker, self._death(worker))
                else:
                    worker.item = None
            elif worker.process.sentinel in ready:
                result = self._replace(worker, self._death(worker))
            elif time.monotonic() - worker.started >= self.timeout_s:
                result = self._replace(worker, f"analysis timed out after {self.timeout_s:g} s")
            else:
                continue
            done.append((worker, result))
        return done

    @staticmethod
    def _death(worker: _Worker) -> str:
        worker.process.join(1)
        code = worker.process.exitcode
        how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        return f"analysis crashed the worker process ({how}), e.g. a parser stack overflow"

    def _replace(self, worker: _Worker, reason: str) -> object:
        """The stand-in result for the worker's item; the worker process is replaced."""
        item = worker.item
        worker.stop(kill=True)
        worker.start()
        return self.failed(item, reason)
