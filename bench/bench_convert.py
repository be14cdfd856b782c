"""Benchmark the converter: documents per second on the seeds, and one large input.

Run: python bench/bench_convert.py [--repeat N] [--large-mb M] [--notes K]
Prints figures; asserts nothing. The large input is generated (seed paragraphs repeated,
page markers every few paragraphs, a note list at the end) in a temporary folder. The
many-notes input has K paragraphs, each with years, dates and times that are not markers and
one glued marker, one in a hundred of them missing, and K listed notes: it shows that the
marker solver stays bounded (a beam) however many notes there are.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from teikit.convert import convert_file

REPO = Path(__file__).resolve().parents[1]


def seeds_rate(repeat: int) -> None:
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    size = sum(p.stat().st_size for p in seeds)
    start = time.perf_counter()
    for _ in range(repeat):
        for path in seeds:
            convert_file(path).to_bytes()
    elapsed = time.perf_counter() - start
    count = repeat * len(seeds)
    print(f"seeds: {count} conversions in {elapsed:.2f} s = {count / elapsed:.1f} docs/s, "
          f"{size * repeat / elapsed / 1e6:.2f} MB/s")


def large_input(megabytes: float) -> None:
    seed = (REPO / "seeds" / "000_3a03024524f4be47.txt").read_text(encoding="utf-8")
    lines = seed.splitlines()
    head, body = lines[0], [x for x in lines[1:] if not x.startswith("- ")]
    body = [x.replace("[Page 722]", "").replace(" [Page 723]", "").replace("Kong1", "Kong")
            for x in body]
    out = [head]
    page = 2
    target = megabytes * 1_000_000
    size = len(head)
    k = 0
    while size < target:
        line = body[k % len(body)]
        if k % 6 == 5:
            line = f"[Page {page}]{line}"
            page += 1
        out.append(line)
        size += len(line.encode("utf-8")) + 1
        k += 1
    out[3] = out[3].replace("things", "things1", 1) if "things" in out[3] else out[3] + "1"
    out.append("- Source: Generated for the benchmark.↩")
    out.append("- A note.↩")
    data = "\n".join(out).encode("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.txt"
        path.write_bytes(data)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        result = convert_file(path)
        xml = result.to_bytes()
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"large: {len(data) / 1e6:.1f} MB, {len(out)} lines, {page - 2} page breaks -> "
          f"{len(xml) / 1e6:.1f} MB TEI in {elapsed:.2f} s "
          f"({len(data) / elapsed / 1e6:.2f} MB/s); peak RSS grew by "
          f"{(after - before) / 1024:.0f} MB (to {after / 1024:.0f} MB)")


def many_notes(count: int) -> None:
    from teikit.convert import convert_text
    from teikit.textsource import decode

    paragraphs, notes = [], ["- Source: Generated for the benchmark.↩"]
    for k in range(1, count + 1):
        marker = "" if k % 100 == 50 else str(k)
        paragraphs.append(f"Paragraph {k} says that in 1954 the talks{marker} would resume on "
                          "June 3, 1955, at 4 p.m. in Geneva.")
        notes.append(f"- Note {k}.↩")
    data = "\n".join(["12. Memorandum From A to B0", *paragraphs, *notes]).encode("utf-8")
    start = time.perf_counter()
    result = convert_text(decode(data, "notes.txt"))
    elapsed = time.perf_counter() - start
    unanchored = sum(1 for w in result.warnings if w.code == "note-unanchored")
    print(f"notes: {count} notes in {len(data) / 1e6:.1f} MB converted in {elapsed:.2f} s "
          f"({elapsed / count * 1000:.2f} ms per note); {unanchored} reported without marker")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--large-mb", type=float, default=50.0)
    parser.add_argument("--notes", type=int, default=10_000)
    args = parser.parse_args()
    seeds_rate(args.repeat)
    if args.large_mb > 0:
        large_input(args.large_mb)
    if args.notes > 0:
        many_notes(args.notes)


if __name__ == "__main__":
    main()
