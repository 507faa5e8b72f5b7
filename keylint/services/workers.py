"""Running per-file work in worker processes, so a crash, a hang or a runaway costs one file, not the scan.

LibCST's native parser can overflow the stack and kill its process on pathological input,
metadata providers can take very long on machine-generated files, and a huge file can take
gigabytes. Each worker handles one item at a time, and its address space may grow by at most
`Limits.memory_mb` while it does; the parent knows which item every worker holds, so a worker that
dies becomes a failure for that item (and is replaced), and one that exceeds the item's time is
killed. A file's time is one budget across the phases that work on it (`Limits.spent`).

Per-file work is isolated even for a single file named on the command line (a pre-commit run):
forking one worker costs milliseconds. Work that cannot crash (reading files) runs in-process
when there is too little of it for a pool to pay off (`isolate=False`).

Workers die with their parent (PR_SET_PDEATHSIG on Linux; elsewhere they see their pipe close).
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import time
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Callable, Iterable, Iterator, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

IN_PROCESS_BELOW = 2
"""Without isolation, fewer items than this run in the calling process."""

FILES_PER_NEW_WORKER = 8
"""For work on single files (`grow_after`): a pool starts with one worker and adds one for every
this many files handed out. A worker's start (what it loads and compiles after the fork) costs
more than a few files' work: a pre-commit run of five files was both cheaper and no slower with
one worker than with two."""

DEFAULT_TIMEOUT_S = 60.0
DEFAULT_MEMORY_MB = 2048
_DONE = object()


@dataclass
class Limits:
    """What one file may cost: seconds across all phases, and memory per phase. `spent` is the
    time each named file has used so far; `failures` why a named file could not be finished."""

    timeout_s: float = DEFAULT_TIMEOUT_S
    memory_mb: int | None = DEFAULT_MEMORY_MB
    spent: dict[str, float] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)

    def left(self, name: str | None) -> float:
        return self.timeout_s - self.spent.get(name, 0.0)


class _OutOfMemory:
    """What a worker sends back instead of a result when the item exhausted its memory budget."""


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _context():
    """fork on Linux (workers inherit loaded rules and imports); the platform default elsewhere."""
    import multiprocessing  # only when a pool is needed: a cached or prefiltered scan never forks

    if sys.platform.startswith("linux"):
        import ctypes  # noqa: F401 - for _die_with_parent: imported once here, not in every worker

    method = "fork" if sys.platform.startswith("linux") else None
    return multiprocessing.get_context(method)


def _die_with_parent(parent_pid: int) -> None:
    """Ask the kernel to kill this worker when its parent dies (a killed scan must not leave
    workers blocked on their pipes forever)."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover - no prctl in this libc
            pass
    if os.getppid() != parent_pid:  # the parent died before the request took effect
        os._exit(0)


def _limit_memory(memory_mb: int | None) -> None:
    """Let the address space grow by at most `memory_mb` from here (a MemoryError beyond it)."""
    if memory_mb is None:
        return
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as handle:
            used = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        resource.setrlimit(resource.RLIMIT_AS, (used + memory_mb * 2**20, resource.RLIM_INFINITY))
    except (ImportError, OSError, ValueError):  # pragma: no cover - not on Linux: no budget
        pass


def _serve(conn, parent_end, work: Callable, memory_mb: int | None, parent_pid: int) -> None:
    """Worker loop: receive an item, send back work(item); None (or a closed pipe) ends the loop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent(parent_pid)
    parent_end.close()  # else this process itself would keep its pipe open when the parent dies
    while True:
        try:
            item = conn.recv()
        except EOFError:
            return
        if item is None:
            return
        _limit_memory(memory_mb)
        try:
            result = work(item)
        except MemoryError:
            conn.send(_OutOfMemory())
            return  # a fresh worker takes over: this one's heap may be in pieces
        conn.send(result)


class _Worker:
    """One worker process and the item it holds (None when idle)."""

    def __init__(self, ctx, work: Callable, memory_mb: int | None):
        self.ctx, self.work, self.memory_mb = ctx, work, memory_mb
        self.start()

    def start(self) -> None:
        self.conn, child = self.ctx.Pipe()
        args = (child, self.conn, self.work, self.memory_mb, os.getpid())
        self.process = self.ctx.Process(target=_serve, args=args, daemon=True)
        gc.freeze()  # the worker's collector leaves the inherited objects alone: their pages stay shared
        try:
            self.process.start()
        finally:
            gc.unfreeze()
        child.close()
        self.item = None
        self.started = self.deadline = 0.0

    def give(self, item, seconds: float) -> None:
        self.item, self.started = item, time.monotonic()
        self.deadline = self.started + max(0.0, seconds)
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
    limits: Limits | None = None,
    name: Callable[[Item], str] | None = None,
    isolate: bool = True,
    grow_after: int = 1,
) -> Iterator[Result]:
    """work(item) for every item, in completion order (callers sort).

    `items` is consumed lazily, so the caller can still be producing items (reading files)
    while the workers analyse the first ones. `work` must be a module-level function (or a
    functools.partial of one) so that it reaches the workers under any start method. When a
    worker dies, runs out of memory or runs out of time on an item, failed(item, reason) stands
    in for that item's result. With `name`, an item's time counts against the budget of the
    file name(item) in `limits` (and a failure is recorded there). Workers start one at a time,
    another after every `grow_after` items handed out, up to `jobs`.
    """
    limits = limits or Limits()
    items = iter(items)
    head = list(islice(items, IN_PROCESS_BELOW))
    if not head:
        return
    if not isolate and (jobs <= 1 or len(head) < IN_PROCESS_BELOW):
        for item in chain(head, items):
            yield work(item)
        return
    yield from _Pool(work, failed, max(1, jobs), limits, name, max(1, grow_after)).run(chain(head, items))


class _Pool:
    """Up to `size` workers, started as items arrive."""

    def __init__(self, work: Callable, failed: Callable, size: int, limits: Limits, name: Callable | None,
                 grow_after: int = 1):
        self.work, self.failed, self.size, self.limits, self.name = work, failed, size, limits, name
        self.grow_after = grow_after
        self.given = 0
        self.ctx = _context()
        self.workers: list[_Worker] = []

    def run(self, pending: Iterator) -> Iterator:
        busy: list[_Worker] = []
        try:
            self._grow(busy, pending)
            while busy:
                for worker, result in self._collect(busy):
                    yield result
                    busy.remove(worker)
                    if self._give(worker, pending):
                        busy.append(worker)
                self._grow(busy, pending)
        finally:
            for worker in self.workers:
                worker.stop(kill=worker.item is not None)

    def _grow(self, busy: list[_Worker], pending: Iterator) -> None:
        """Start workers, each with an item, while the pool may grow: one per `grow_after` items
        handed out (the first at once), up to `size`."""
        while len(self.workers) < self.size and self.given >= self.grow_after * len(self.workers):
            worker = self._give(None, pending)
            if worker is None:
                return
            busy.append(worker)

    def _give(self, worker: _Worker | None, pending: Iterator) -> _Worker | None:
        """Hand a worker (a new one if None) the next item, if there is one."""
        item = next(pending, _DONE)
        if item is _DONE:
            return None
        if worker is None:
            worker = _Worker(self.ctx, self.work, self.limits.memory_mb)
            self.workers.append(worker)
        worker.give(item, self.limits.left(self._name(item)))
        self.given += 1
        return worker

    def _name(self, item) -> str | None:
        return None if self.name is None else self.name(item)

    def _collect(self, busy: list[_Worker]) -> list[tuple[_Worker, object]]:
        """Wait for at least one busy worker to finish, fail or time out."""
        from multiprocessing.connection import wait

        deadline = min(w.deadline for w in busy)
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], max(0.0, deadline - time.monotonic())))
        done = []
        for worker in list(busy):
            if worker.conn in ready:
                try:
                    result = worker.conn.recv()
                except (EOFError, OSError):
                    result = self._replace(worker, self._death(worker))
                else:
                    if isinstance(result, _OutOfMemory):
                        result = self._replace(worker, f"exceeded its memory budget of {self.limits.memory_mb} MB")
                    else:
                        self._charge(worker)
                        worker.item = None
            elif worker.process.sentinel in ready:
                result = self._replace(worker, self._death(worker))
            elif time.monotonic() >= worker.deadline:
                result = self._replace(worker, self._timed_out(worker))
            else:
                continue
            done.append((worker, result))
        return done

    def _charge(self, worker: _Worker) -> str | None:
        """Count the worker's time against its item's file; the file's name."""
        name = self._name(worker.item)
        if name is not None:
            self.limits.spent[name] = self.limits.spent.get(name, 0.0) + time.monotonic() - worker.started
        return name

    def _timed_out(self, worker: _Worker) -> str:
        earlier = self.limits.spent.get(self._name(worker.item), 0.0)
        reason = f"timed out after {self.limits.timeout_s:g} s"
        return reason + (f" ({earlier:.1f} s of them in an earlier phase)" if earlier >= 0.05 else "")

    def _death(self, worker: _Worker) -> str:
        worker.process.join(1)
        code = worker.process.exitcode
        if code is None or code >= 0:
            return f"crashed the worker process (exit code {code})"
        name = signal.Signals(-code).name if -code in signal.valid_signals() else "unknown"
        likely = {
            "SIGSEGV": "e.g. a parser stack overflow",
            "SIGABRT": f"e.g. the parser ran out of its {self.limits.memory_mb} MB memory budget",
            "SIGKILL": "e.g. by the system's out-of-memory killer",
        }.get(name)
        return f"crashed the worker process (signal {-code}: {name}" + (f", {likely})" if likely else ")")

    def _replace(self, worker: _Worker, reason: str) -> object:
        """The stand-in result for the worker's item; the worker process is replaced."""
        item = worker.item
        name = self._charge(worker)
        if name is not None:
            self.limits.failures[name] = reason
        worker.stop(kill=True)
        worker.start()
        return self.failed(item, reason)
