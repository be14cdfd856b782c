"""What writing whole-or-nothing costs: teikit.files.write_atomically against a plain write.

Writes N files of a TEI document's size into a temporary folder and prints the milliseconds
per file: a plain ``Path.write_bytes`` (neither atomic nor durable), a temporary file
renamed (the floor of an atomic write), ``write_atomically`` (what a build does for its
outputs: temporary file, rename; each folder made and swept once per run) into one folder
and spread over 100 folders as a build's DTS tree is, and ``write_atomically(durable=True)``
(with fsync, what the TEI gets). Run: ``.venv/bin/python bench/bench_files.py [N]``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from teikit.files import begin_run, write_atomically

SIZE = 12_000  # bytes: about one converted document


def plain(data: bytes, target: Path) -> None:
    target.write_bytes(data)


def renamed_without_fsync(data: bytes, target: Path) -> None:
    temp = target.with_name(f".{target.name}.bench-tmp")
    temp.write_bytes(data)
    os.replace(temp, target)


def atomic_in_folders(data: bytes, target: Path) -> None:
    write_atomically(data, target.parent / f"f{hash(target.name) % 100}" / target.name)


def durable(data: bytes, target: Path) -> None:
    write_atomically(data, target, durable=True)


def per_file_ms(write: Callable[[bytes, Path], None], count: int) -> float:
    data = b"x" * SIZE
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as folder:
        begin_run()  # as a build does
        started = time.perf_counter()
        for n in range(count):
            write(data, Path(folder) / f"d{n}.xml")
        return (time.perf_counter() - started) * 1000 / count


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    print(f"{count} files of {SIZE} bytes, ms per file (median of 3 rounds):")
    for name, write in (
        ("plain write_bytes", plain),
        ("temp + rename, no fsync", renamed_without_fsync),
        ("write_atomically (one folder)", write_atomically),
        ("write_atomically (100 folders)", atomic_in_folders),
        ("write_atomically durable (fsync)", durable),
    ):
        rounds = sorted(per_file_ms(write, count) for _ in range(3))
        print(f"  {name:42s} {rounds[1]:7.3f}")


if __name__ == "__main__":
    main()
