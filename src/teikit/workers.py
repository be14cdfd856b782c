"""Run a function over many items in worker processes, results in input order.

:class:`Workers` holds a process pool (or none, for one job) for the length of a build.
:meth:`Workers.map` keeps at most a bounded window of items in flight and yields results in
the order of the items, so the caller sees the same sequence whatever the number of jobs,
and memory does not grow with the number of items.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Items in flight per worker: enough to keep every worker busy, few enough to bound memory.
WINDOW_PER_JOB = 8
#: Items one pool of workers handles before fresh processes take its place. Saxon's heap in
#: a worker grows with the documents it has rendered (177–325 MB per worker after 3,500); a
#: fresh pool every thousand items keeps the build's memory flat, for the price of starting
#: the workers and compiling their stylesheets again (a second or two) each time.
RECYCLE_AFTER = 1000


def _watch_parent(parent: int) -> None:
    """Worker initializer: end this worker when the build that started it has gone (killed
    with SIGKILL or SIGTERM, it cannot stop its workers itself)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="teikit-parent-watch", daemon=True).start()


def _block_interrupts() -> bool:
    """Block SIGINT in this thread (processes started now inherit the mask); True if done."""
    if not hasattr(signal, "pthread_sigmask"):
        return False
    return signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})


def _restore_interrupts(blocked: bool) -> None:
    """Undo :func:`_block_interrupts` (a SIGINT that came meanwhile is delivered now)."""
    if blocked:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def usable_cpus() -> int:
    """Return the number of CPUs this process may run on (the default of ``--jobs``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return max(1, os.cpu_count() or 1)


class Workers:
    """A pool of ``jobs`` worker processes, or the calling process alone when ``jobs`` is 1.

    Workers are started fresh (``spawn``), never forked from a process that may already
    hold a Saxon processor; each keeps its compiled stylesheets and schemas for every item
    it is given, up to ``recycle_after`` items, when a fresh pool takes over (see
    :data:`RECYCLE_AFTER`). Use as a context manager.
    """

    def __init__(self, jobs: int, recycle_after: int | None = None) -> None:
        self.jobs = max(1, jobs)
        self.recycle_after = max(1, RECYCLE_AFTER if recycle_after is None else recycle_after)
        self._pool: ProcessPoolExecutor | None = None
        self._retired: list[ProcessPoolExecutor] = []

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.jobs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_watch_parent,
            initargs=(os.getpid(),),
        )

    def _submit(self, fn: Callable[[T], R], item: T) -> Future[R]:
        """Submit one item to the current pool. The pool starts its processes here, with
        Ctrl-C (SIGINT) blocked, so they never see it: Ctrl-C in a terminal reaches every
        process of the command, and a worker starting up (or rendering) would die with a
        traceback of its own. The build alone handles it: it stops handing out items and
        waits for the few in flight (:meth:`__exit__`). A SIGINT that arrives meanwhile
        waits, blocked, and is raised here just after."""
        assert self._pool is not None
        blocked = _block_interrupts()
        try:
            return self._pool.submit(fn, item)
        finally:
            _restore_interrupts(blocked)

    def __enter__(self) -> Workers:
        if self.jobs > 1:
            self._pool = self._start()
        return self

    def __exit__(self, *exc: object) -> None:
        # A pool retired while items were handed out is still here only when the build
        # stopped early (an error, Ctrl-C): what it has not begun is dropped, what runs is
        # waited for, so that no worker outlives the build.
        pools = [*self._retired, *([self._pool] if self._pool is not None else [])]
        self._pool, self._retired = None, []
        for pool in pools:
            pool.shutdown(wait=True, cancel_futures=True)

    def start(self, fn: Callable[[T], R], items: Iterable[T]) -> Started[R]:
        """Hand every item to the workers at once and return without waiting: the caller
        does other work meanwhile and then takes the results (:meth:`Started.results`),
        in the items' order. With one job the items are run when the results are asked
        for. For a few large items (one per volume); :meth:`map` bounds what is in flight.
        """
        if self._pool is None:
            return Started([], [functools.partial(fn, item) for item in items])
        return Started([self._submit(fn, item) for item in items], [])

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Yield ``fn(item)`` for each item, in the items' order.

        ``fn`` must be a module-level function and items and results picklable when there
        is more than one job. An exception raised by ``fn`` is raised here, at its item.
        """
        if self._pool is None:
            for item in items:
                yield fn(item)
            return
        window = self.jobs * WINDOW_PER_JOB
        pending: deque[Future[R]] = deque()
        source = iter(items)
        submitted = 0
        # The pool that handed out its share, until its last item's result is taken: then
        # all of its items are done and its processes are let go (their memory with them).
        retiring: dict[Future[R], ProcessPoolExecutor] = {}

        def submit(item: T) -> None:
            nonlocal submitted
            if submitted and submitted % self.recycle_after == 0:
                # A fresh pool takes the next share; the old one finishes what it holds.
                assert self._pool is not None
                if pending:  # the last item it was given is the last one handed out
                    retiring[pending[-1]] = self._pool
                    self._retired.append(self._pool)
                else:
                    self._pool.shutdown(wait=True)
                self._pool = self._start()
            pending.append(self._submit(fn, item))
            submitted += 1

        for item in source:
            submit(item)
            if len(pending) >= window:
                break
        while pending:
            future = pending.popleft()
            result = future.result()
            done = retiring.pop(future, None)
            if done is not None:
                done.shutdown(wait=True)  # idle by now: its processes end at once
                self._retired.remove(done)
            for item in source:
                submit(item)
                break
            yield result


class Started(Generic[R]):
    """Work handed to the workers by :meth:`Workers.start`."""

    def __init__(self, futures: list[Future[R]], later: list[Callable[[], R]]) -> None:
        self._futures, self._later = futures, later

    def results(self) -> list[R]:
        """Wait for every item; return the results in the items' order. An exception
        raised by the function is raised here."""
        done = [future.result() for future in self._futures]
        return done + [call() for call in self._later]

    def cancel(self) -> None:
        """Drop the items no worker has begun (those running finish, their files whole)."""
        for future in self._futures:
            future.cancel()
        self._later = []
