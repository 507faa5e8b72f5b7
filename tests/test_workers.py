"""Worker processes: every item gets a result, and a crash or a hang costs only its own item."""

import faulthandler
import os
import signal
import time

import pytest

from keylint.services import workers


def square(n: int) -> int:
    return n * n


def misbehave(n: int) -> int:
    if n == 3:
        faulthandler.disable()  # pytest's handler would print the crash; the parent reports it
        os.kill(os.getpid(), signal.SIGSEGV)  # what a native parser stack overflow looks like
    if n == 5:
        os._exit(7)
    if n == 8:
        time.sleep(60)
    return n * n


def _pid(_) -> int:
    return os.getpid()


def failed(n: int, reason: str) -> str:
    return f"{n}: {reason}"


@pytest.fixture
def always_pool(monkeypatch):
    monkeypatch.setattr(workers, "IN_PROCESS_BELOW", 1)


def test_a_single_item_or_one_job_is_isolated_too():
    pid = os.getpid()
    assert pid not in workers.run([1], _pid, failed, jobs=4)
    assert len(set(workers.run([1, 2, 3], _pid, failed, jobs=1)) - {pid}) == 1  # one worker, reused


def test_without_isolation_a_single_item_or_one_job_runs_in_process():
    pid = os.getpid()
    assert list(workers.run([1], lambda _: os.getpid(), failed, jobs=4, isolate=False)) == [pid]
    assert list(workers.run([1, 2, 3], lambda _: os.getpid(), failed, jobs=1, isolate=False)) == [pid, pid, pid]


def test_two_items_go_to_workers():
    assert os.getpid() not in set(workers.run([1, 2], _pid, failed, jobs=2))


def test_pool_gives_every_result(always_pool):
    assert sorted(workers.run(range(40), square, failed, jobs=2)) == [n * n for n in range(40)]


def test_pool_runs_in_other_processes(always_pool):
    pids = set(workers.run(range(6), _pid, failed, jobs=2))
    assert os.getpid() not in pids


def _pid(_: int) -> int:
    return os.getpid()


def test_crashes_and_hangs_become_failures_and_the_rest_completes(always_pool):
    results = list(workers.run(range(10), misbehave, failed, jobs=2, limits=workers.Limits(timeout_s=2)))
    failures = sorted(r for r in results if isinstance(r, str))
    assert sorted(r for r in results if isinstance(r, int)) == [n * n for n in range(10) if n not in (3, 5, 8)]
    assert failures[0] == "3: crashed the worker process (signal 11: SIGSEGV, e.g. a parser stack overflow)"
    assert failures[1] == "5: crashed the worker process (exit code 7)"
    assert failures[2] == "8: timed out after 2 s"


def test_a_pool_grows_by_one_worker_per_grow_after_items(always_pool):
    """A few files do not pay for a second worker's start; many do (workers.FILES_PER_NEW_WORKER)."""
    assert len(set(workers.run(range(8), _pid, failed, jobs=2, grow_after=8))) == 1
    assert len(set(workers.run(range(40), _pid, failed, jobs=2, grow_after=8))) == 2
    assert len(set(workers.run(range(2), _pid, failed, jobs=2))) == 2  # by default all start at once


def test_default_jobs_is_at_least_one():
    assert workers.default_jobs() >= 1


def test_items_are_taken_as_workers_become_free(always_pool):
    produced = []

    def items():
        for n in range(50):
            produced.append(n)
            yield n

    results = workers.run(items(), square, failed, jobs=2)
    first = next(results)
    assert len(produced) < 50  # the caller can still be reading files while workers run
    assert sorted([first, *results]) == sorted(n * n for n in range(50))
