"""A build interrupted (Ctrl-C, SIGINT to the build alone) or out of disk space while its
workers render, while a fresh pool of workers takes over (every RECYCLE_AFTER documents) or
while Pagefind indexes: it ends with the README's exit code, and leaves no temporary file,
no half-made search bundle and no process behind (none alive, none a zombie).

The faults are injected into every process of the build (the spawned workers too) by a
``sitecustomize`` module on PYTHONPATH; signals and processes are real.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from edition_pages import make_pages

from teikit.errors import EXIT_INTERRUPTED, EXIT_OUTPUT

TIMEOUT = 120

#: Run in every Python process of the build (main and workers) before teikit is imported.
HOOK = '''
import os, pathlib, time
_log = os.environ["TEIKIT_FAULT_LOG"]

def _note(line):
    with open(_log, "a") as f:
        f.write(line + "\\n")

import sys
import teikit.build, teikit.workers
teikit.build.MIN_DOCUMENTS_PER_JOB = 1   # two workers for a small edition
teikit.workers.RECYCLE_AFTER = 4         # a fresh pool every four documents
fault = os.environ["TEIKIT_FAULT"]
worker = any("spawn_main" in arg for arg in sys.orig_argv)
if fault == "slow-render" and worker:
    import teikit.transform as transform
    _transform = transform.transform_node
    def transform_node(node, name, params=None):
        if name == "html":
            _note(f"render {os.getpid()}")
            time.sleep(0.4)
        return _transform(node, name, params)
    transform.transform_node = transform_node
    import teikit.build_tasks
    teikit.build_tasks.transform_node = transform_node
elif fault == "slow-search":
    import teikit.search as search
    search.pagefind_binary = lambda: pathlib.Path(os.environ["TEIKIT_FAKE_PAGEFIND"])
elif fault == "disk-full" and worker:
    import errno, teikit.files as files
    _write_all, _count = files._write_all, [0]
    def write_all(fd, data):
        _count[0] += 1
        if _count[0] > 12:  # then the disk is full: half a file, and no more
            _write_all(fd, bytes(data)[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")
        _write_all(fd, data)
    files._write_all = write_all
'''

#: Stands in for Pagefind: says it started (its pid) and waits to be stopped.
FAKE_PAGEFIND = '''#!/bin/sh
echo "pagefind $$" >> "$TEIKIT_FAULT_LOG"
exec sleep 300
'''


def _start(root: Path, fault: str, count: int) -> tuple[subprocess.Popen, Path]:
    make_pages(root / "pages", count)
    hook = root / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(HOOK, encoding="utf-8")
    fake = root / "fake-pagefind"
    fake.write_text(FAKE_PAGEFIND, encoding="utf-8")
    fake.chmod(0o755)
    log = root / "fault.log"
    log.touch()
    path = os.pathsep.join([str(hook), os.environ.get("PYTHONPATH", "")])
    env = dict(os.environ, PYTHONPATH=path, TEIKIT_FAULT=fault, TEIKIT_FAULT_LOG=str(log),
               TEIKIT_FAKE_PAGEFIND=str(fake))
    child = subprocess.Popen(
        [sys.executable, "-m", "teikit.cli", "build", str(root / "pages"), "--root", str(root),
         "--jobs", "2"],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
        start_new_session=True,  # its own process group, as a shell gives a command
    )
    return child, log


def _wait_for(log: Path, child: subprocess.Popen, word: str, count: int) -> list[str]:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        lines = [line for line in log.read_text().splitlines() if line.startswith(word)]
        if len(lines) >= count:
            return lines
        if child.poll() is not None:
            raise AssertionError(f"the build ended first: {child.communicate()[1]!r}")
        time.sleep(0.05)
    child.kill()
    raise AssertionError(f"never saw {count} x {word!r}")


def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` now (from /proc)."""
    found, stack = set(), [pid]
    while stack:
        current = stack.pop()
        try:
            tasks = list(Path(f"/proc/{current}/task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                children = [int(c) for c in (task / "children").read_text().split()]
            except OSError:
                continue
            found.update(children)
            stack.extend(children)
    return found


def _still_there(pids: set[int]) -> dict[int, str]:
    """The processes of ``pids`` that still exist (alive, or a zombie nobody reaped), with
    their state; a pid the kernel gave to a new process meanwhile is not ours and is left
    out (its start is after the build's end)."""
    left = {}
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        left[pid] = stat.rsplit(")", 1)[1].split()[0]
    return left


def _check_clean(root: Path, pids: set[int]) -> None:
    deadline = time.monotonic() + 10  # a worker may take a moment to see its parent gone
    while _still_there(pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _still_there(pids) == {}, "processes left behind (pid: state)"
    temps = [p for p in root.rglob("*") if p.name.endswith((".teikit-tmp", ".tmp"))]
    assert temps == []
    bundles = [p.name for p in (root / "build").glob(".pagefind*")] if (root / "build").is_dir() \
        else []
    assert bundles == [], "a half-made search bundle was left"


def _stderr(child: subprocess.Popen) -> str:
    _, err = child.communicate(timeout=TIMEOUT)
    text = err.decode("utf-8", "replace")
    assert "Traceback" not in text and "Aborted!" not in text, text
    return text


@pytest.mark.parametrize("to_group", [True, False], ids=["ctrl-c", "sigint-to-the-build"])
def test_an_interrupt_while_pools_rotate_leaves_nothing(tmp_path: Path, to_group: bool) -> None:
    child, log = _start(tmp_path, "slow-render", 24)
    _wait_for(log, child, "render", 7)  # past the first change of pool (after four)
    pids = descendants(child.pid)
    assert len(pids) >= 2, "the build should have two workers"
    if to_group:
        os.killpg(child.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends
    else:
        os.kill(child.pid, signal.SIGINT)
    text = _stderr(child)
    assert child.returncode == EXIT_INTERRUPTED, text
    assert text.strip().splitlines()[-1].startswith("interrupted"), text
    _check_clean(tmp_path, pids | {child.pid})


@pytest.mark.parametrize("to_group", [True, False], ids=["ctrl-c", "sigint-to-the-build"])
def test_an_interrupt_while_pagefind_runs_leaves_nothing(tmp_path: Path, to_group: bool) -> None:
    child, log = _start(tmp_path, "slow-search", 6)
    (line,) = _wait_for(log, child, "pagefind", 1)
    pagefind = int(line.split()[1])
    pids = descendants(child.pid)
    assert pagefind in pids
    if to_group:
        os.killpg(child.pid, signal.SIGINT)
    else:
        os.kill(child.pid, signal.SIGINT)
    text = _stderr(child)
    assert child.returncode == EXIT_INTERRUPTED, text
    _check_clean(tmp_path, pids | {child.pid})


def test_a_full_disk_while_workers_render_is_one_line_a_file_and_leaves_nothing(
    tmp_path: Path,
) -> None:
    child, _ = _start(tmp_path, "disk-full", 12)
    deadline = time.monotonic() + TIMEOUT
    pids: set[int] = set()
    while child.poll() is None and time.monotonic() < deadline:
        pids |= descendants(child.pid)
        time.sleep(0.05)
    text = _stderr(child)
    assert child.returncode == EXIT_OUTPUT, text
    full = [line for line in text.splitlines() if "disk is full" in line]
    assert full, text
    assert all(line.startswith("error: ") for line in full), full
    assert text.strip().splitlines()[-1].startswith("built "), "the build did not finish"
    _check_clean(tmp_path, pids | {child.pid})
