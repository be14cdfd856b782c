"""teikit.workers: results in input order whatever finishes first; a bounded window."""

from __future__ import annotations

import os
import time

import pytest

from teikit.workers import WINDOW_PER_JOB, Workers, usable_cpus


def slow_first(item: int) -> tuple[int, int]:
    """Item 0 takes longest, so a pool that yielded in completion order would put it last."""
    time.sleep(0.4 if item == 0 else 0.01)
    return item, os.getpid()


def fails_on_three(item: int) -> int:
    if item == 3:
        raise ValueError("three")
    return item


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_come_in_input_order(jobs: int) -> None:
    with Workers(jobs) as workers:
        results = list(workers.map(slow_first, range(12)))
    assert [item for item, _ in results] == list(range(12))
    pids = {pid for _, pid in results}
    assert pids == {os.getpid()} if jobs == 1 else os.getpid() not in pids


def test_items_are_taken_lazily_in_a_bounded_window() -> None:
    taken: list[int] = []

    def items():
        for i in range(100):
            taken.append(i)
            yield i

    with Workers(2) as workers:
        results = workers.map(fails_on_three, items())
        assert next(results) == 0
        assert len(taken) <= 2 * WINDOW_PER_JOB + 1
        assert [next(results) for _ in range(2)] == [1, 2]
        with pytest.raises(ValueError, match="three"):
            next(results)


def test_usable_cpus_is_the_affinity() -> None:
    assert usable_cpus() == len(os.sched_getaffinity(0))


def test_workers_are_replaced_after_their_share_of_items() -> None:
    """A fresh pool takes over after ``recycle_after`` items (flat memory); the results
    still come complete and in order."""
    with Workers(2, recycle_after=3) as workers:
        results = list(workers.map(slow_first, range(12)))
    assert [item for item, _ in results] == list(range(12))
    assert len({pid for _, pid in results}) >= 3  # four pools of two processes
