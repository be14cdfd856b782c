"""write_atomically's per-run folder cache: each folder made and swept once per run, never
at the cost of the atomic rename, and a folder removed during a run made again."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from teikit import files
from teikit.errors import OutputError
from teikit.files import TEMP_SUFFIX, begin_run, live_temp_files, write_atomically


def _dead_pid() -> int:
    """A process id that no process has (the highest the kernel hands out, +1 is never used)."""
    pid = 4_000_000
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            pass
        pid += 1


def _leftover(folder: Path, name: str = "a.xml") -> Path:
    left = folder / f".{name}.{_dead_pid()}.0123abcd{TEMP_SUFFIX}"
    left.write_bytes(b"half")
    return left


def test_a_folder_is_swept_once_per_run(tmp_path: Path) -> None:
    begin_run()
    write_atomically(b"1", tmp_path / "a.xml")
    later = _leftover(tmp_path)
    write_atomically(b"2", tmp_path / "b.xml")
    assert later.exists(), "swept again within the run: the cache did not hold"
    begin_run()  # the next build
    write_atomically(b"3", tmp_path / "c.xml")
    assert not later.exists(), "a new run must sweep the folder again"


def test_a_folder_removed_during_the_run_is_made_again(tmp_path: Path) -> None:
    begin_run()
    target = tmp_path / "deep" / "er" / "a.json"
    write_atomically(b"first", target)
    shutil.rmtree(tmp_path / "deep")
    write_atomically(b"second", target)
    assert target.read_bytes() == b"second"
    assert not list(tmp_path.rglob(f"*{TEMP_SUFFIX}"))


def test_the_rename_still_happens_and_nothing_is_left(tmp_path: Path) -> None:
    begin_run()
    target = tmp_path / "x" / "a.html"
    write_atomically(b"old", target)
    inode = target.stat().st_ino
    write_atomically(b"new", target)
    assert target.read_bytes() == b"new"
    assert target.stat().st_ino != inode, "replaced in place: not a rename"
    assert sorted(p.name for p in target.parent.iterdir()) == ["a.html"]
    assert live_temp_files() == []


def test_a_failed_write_into_a_known_folder_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    begin_run()
    write_atomically(b"ok", tmp_path / "a.txt")

    def full(fd: int, data: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "write", full)
    with pytest.raises(OutputError) as caught:
        write_atomically(b"more", tmp_path / "b.txt")
    monkeypatch.undo()
    assert "disk is full" in str(caught.value.problem)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
    assert live_temp_files() == []
