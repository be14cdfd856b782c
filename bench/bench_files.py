"""What writing whole-or-nothing costs: teikit.files.write_atomically against a plain write.

Writes N files of a TEI document's size into a temporary folder three ways and prints the
milliseconds per file: a plain ``Path.write_bytes`` (neither atomic nor durable), a
temporary file renamed without fsync, and ``write_atomically`` (temporary file, fsync,
rename; what teikit does). Run: ``.venv/bin/python bench/bench_files.py [N]``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from teikit.files import write_atomically

SIZE = 12_000  # bytes: about one converted document


def plain(data: bytes, target: Path) -> None:
    target.write_bytes(data)


def renamed_without_fsync(data: bytes, target: Path) -> None:
    temp = target.with_name(f".{target.name}.bench-tmp")
    temp.write_bytes(data)
    os.replace(temp, target)


def per_file_ms(write: Callable[[bytes, Path], None], count: int) -> float:
    data = b"x" * SIZE
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as folder:
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
        ("write_atomically (temp + fsync + rename)", write_atomically),
    ):
        rounds = sorted(per_file_ms(write, count) for _ in range(3))
        print(f"  {name:42s} {rounds[1]:7.3f}")


if __name__ == "__main__":
    main()
