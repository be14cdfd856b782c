"""Benchmark a batch: a folder of 10,000 page texts, some of them bad.

Run: python bench/bench_convert_many.py [--files N] [--bad-every K] [--cli]
Prints figures; asserts nothing. The inputs are the numbered variant fixtures of
tests/fixtures/variants (both renderings, every layout that gives a document number), each
copy renumbered so that every file has its own id, and every K-th file is bad (empty,
binary, Windows-1252, a NUL byte, no title). They are written to a temporary folder and
converted with ``convert_many`` (or, with --cli, with ``teikit convert DIR/*.txt -o OUT`` in
a subprocess), output written to a temporary folder.
"""

from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from teikit.convert import convert_many

REPO = Path(__file__).resolve().parents[1]
VARIANTS = REPO / "tests" / "fixtures" / "variants"
BAD = [b"", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64),
       "12. Caf\u00e9\nText \u2019s.\n".encode("cp1252"), b"12. Memo\nText\x00here.\n",
       b"Just a sentence.\nAnd another.\n"]
_MODERN = re.compile(r"^\d{1,4}\. ")
_OLDER = re.compile(r"^No\. \d{1,4}$", re.MULTILINE)


def templates() -> list[str]:
    """The variant fixtures that give a document number, with {n} where it stands."""
    found = []
    for path in sorted(VARIANTS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if _MODERN.match(text):
            found.append(_MODERN.sub("{n}. ", text.replace("{", "{{").replace("}", "}}"), 1))
        elif _OLDER.search(text):
            found.append(_OLDER.sub("No. {n}", text.replace("{", "{{").replace("}", "}}"), 1))
    return found


def make_inputs(folder: Path, count: int, bad_every: int) -> tuple[list[Path], int]:
    shapes = templates()
    paths = []
    bad = 0
    for k in range(count):
        path = folder / f"page{k:05d}.txt"
        if bad_every and k % bad_every == bad_every - 1:
            path.write_bytes(BAD[(k // bad_every) % len(BAD)])
            bad += 1
        else:
            path.write_text(shapes[k % len(shapes)].format(n=k + 1), encoding="utf-8")
        paths.append(path)
    return paths, bad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--bad-every", type=int, default=20)
    parser.add_argument("--cli", action="store_true", help="run the command line instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inputs, out = Path(tmp) / "in", Path(tmp) / "out"
        inputs.mkdir()
        paths, bad = make_inputs(inputs, args.files, args.bad_every)
        size = sum(p.stat().st_size for p in paths)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        if args.cli:
            result = subprocess.run([sys.executable, "-m", "teikit.cli", "convert",
                                     *map(str, paths), "-o", str(out)],
                                    capture_output=True, text=True, check=False)
            errors = sum(1 for line in result.stderr.splitlines() if line.startswith("error:"))
            converted = len(list(out.iterdir()))
            code = result.returncode
        else:
            batch = convert_many(paths, output_dir=out)
            errors, converted, code = len(batch.errors), len(batch.written), None
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        leftovers = [p.name for p in out.iterdir() if not p.name.endswith(".xml")]
    how = "command line" if args.cli else "convert_many"
    print(f"{how}: {len(paths)} files ({size / 1e6:.1f} MB, {bad} bad) in {elapsed:.2f} s = "
          f"{len(paths) / elapsed:.0f} files/s; converted {converted}, reported {errors} "
          f"errors" + (f", exit code {code}" if code is not None else "")
          + f"; other files left in the output: {len(leftovers)}")
    if not args.cli:
        print(f"peak RSS grew by {(after - before) / 1024:.0f} MB (to {after / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
