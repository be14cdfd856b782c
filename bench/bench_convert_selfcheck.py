"""Benchmark the converter's self-check: its cost per document and its share of conversion.

Also what a fallback to the plain reading (teikit.reader.plain) would cost per document.

Run: python bench/bench_convert_selfcheck.py [--repeat N] [--large-mb M]
Prints figures; asserts nothing. For each set of inputs (the seeds, the variant fixtures,
the dev-set pages the reader converts, when ../shared/devset is beside the repository) it
times the whole conversion with the check on and off (best of N rounds, to keep the other
load of a shared machine out of the figure), and the check alone on the finished trees.
The large input is generated from the seed paragraphs (a page marker every few lines) to
show that the check's cost grows with the input, not faster; on it the peak of Python memory
(tracemalloc) that the check allocates is set beside the reader's.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import teikit.convert as convert_module
from teikit.catalog import DocumentFacts
from teikit.convert import ConvertOptions, convert_file
from teikit.errors import InputError
from teikit.reader import read_document
from teikit.reader.plain import read_plain
from teikit.selfcheck import check_conversion
from teikit.textsource import read_source

REPO = Path(__file__).resolve().parents[1]
OFF = ConvertOptions(self_check=False)
ON = ConvertOptions(self_check=True)


def best_of(rounds: int, work: Callable[[], None]) -> float:
    """Return the fastest of ``rounds`` runs of ``work``, in seconds."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def convertible(paths: list[Path]) -> list[Path]:
    """Keep the inputs that convert and pass the check (a refused page has nothing to time)."""
    kept = []
    for path in paths:
        try:
            convert_file(path, ON)
        except InputError:
            continue
        kept.append(path)
    return kept


def measure(label: str, paths: list[Path], rounds: int) -> None:
    paths = convertible(paths)
    if not paths:
        print(f"{label}: no inputs")
        return
    sources = [read_source(p) for p in paths]
    trees = [convert_file(p, OFF).root for p in paths]

    def convert(options: ConvertOptions) -> Callable[[], None]:
        return lambda: [convert_file(p, options) for p in paths] and None

    def check_alone() -> None:
        for source, root in zip(sources, trees, strict=True):
            check_conversion(source.name, source.lines, root)

    structured = [read_document(source)[0] for source in sources]

    def plain_fallback() -> None:  # what a fallback adds: the plain reading, its TEI, its check
        for source, document in zip(sources, structured, strict=True):
            reading = read_plain(source, document)
            _, root = convert_module._tei(source, reading.document, DocumentFacts(), [])
            check_conversion(source.name, source.lines, root)

    off = best_of(rounds, convert(OFF))
    on = best_of(rounds, convert(ON))
    alone = best_of(rounds, check_alone)
    plain = best_of(rounds, plain_fallback)
    n = len(paths)
    print(f"{label}: {n} docs; convert {off / n * 1e3:.2f} ms/doc without the check, "
          f"{on / n * 1e3:.2f} ms/doc with it; the check alone {alone / n * 1e3:.3f} ms/doc "
          f"= {alone / (off + alone) * 100:.1f}% of a checked conversion; a fallback to the "
          f"plain reading would add {plain / n * 1e3:.2f} ms/doc")


def peak_mb(work: Callable[[], object]) -> float:
    """Return the peak of Python memory allocated while ``work`` runs, in MB (tracemalloc)."""
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def large_text(megabytes: float) -> str:
    """A page text of about ``megabytes`` MB made from the seed paragraphs."""
    seed = (REPO / "seeds" / "000_3a03024524f4be47.txt").read_text(encoding="utf-8")
    lines = seed.splitlines()
    body = [x.replace("[Page 722]", "").replace(" [Page 723]", "").replace("Kong1", "Kong")
            for x in lines[1:] if not x.startswith("- ")]
    out, size, k = [lines[0]], 0, 0
    while size < megabytes * 1_000_000:
        line = body[k % len(body)]
        if k % 6 == 5:
            line = f"[Page {k // 6 + 2}]{line}"
        out.append(line)
        size += len(line.encode("utf-8")) + 1
        k += 1
    out += ["- Source: Generated for the benchmark.↩"]
    return "\n".join(out)


def large(megabytes: float) -> None:
    text = large_text(megabytes)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.txt"
        path.write_text(text, encoding="utf-8")
        source = read_source(path)
        root = convert_file(path, OFF).root
        off = best_of(1, lambda: convert_file(path, OFF) and None)
        alone = best_of(3, lambda: check_conversion(source.name, source.lines, root))
        reader_mb = peak_mb(lambda: read_document(source))
        check_mb = peak_mb(lambda: check_conversion(source.name, source.lines, root))
    lines = text.count("\n") + 1
    print(f"large: {megabytes:g} MB, {lines} lines; convert {off:.2f} s without the check; "
          f"the check alone {alone:.3f} s = {alone / (off + alone) * 100:.1f}% "
          f"({megabytes / alone:.1f} MB/s)")
    print(f"large: peak Python memory (tracemalloc) of the reader alone +{reader_mb:.0f} MB, "
          f"of the check alone +{check_mb:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="rounds per figure (best of)")
    parser.add_argument("--large-mb", type=float, default=2.0, help="size of the large input")
    args = parser.parse_args()
    measure("seeds", sorted((REPO / "seeds").glob("*.txt")), args.repeat)
    measure("variants", sorted((REPO / "tests" / "fixtures" / "variants").glob("*.txt")),
            args.repeat)
    devset = REPO.parent / "shared" / "devset" / "pages"
    measure("dev set", sorted(devset.glob("*.txt")), args.repeat)
    large(args.large_mb)


if __name__ == "__main__":
    main()
