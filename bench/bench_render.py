"""Benchmark the reading outputs: stylesheet compile time and documents per second.

Run: python bench/bench_render.py [--repeat N]
Prints figures; asserts nothing. Uses the seed documents in tei/ and, for the index page,
a corpus of them repeated to a few hundred documents.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from lxml import etree

from teikit.build_tasks import DOCUMENT_OUTPUTS
from teikit.render import (
    RENDER_OUTPUTS,
    build_corpus,
    read_tei,
    render_document,
    render_outputs,
    render_paths,
)
from teikit.transform import compiled, transform

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()
    paths = sorted((REPO / "tei").glob("*.xml"))
    roots = [read_tei(p) for p in paths]
    for output in (*RENDER_OUTPUTS, "html-index"):
        start = time.perf_counter()
        compiled(output)
        print(f"{output}: compiled in {(time.perf_counter() - start) * 1000:.0f} ms")
    for output in RENDER_OUTPUTS:
        start = time.perf_counter()
        for _ in range(args.repeat):
            for root in roots:
                render_document(root, output)
        elapsed = time.perf_counter() - start
        count = args.repeat * len(roots)
        print(f"{output}: {count} documents in {elapsed:.2f} s = {count / elapsed:.0f} docs/s")
    # A build's six per-document outputs: one Saxon parse each, or one parse for all six.
    names = [name for name, _, _ in DOCUMENT_OUTPUTS]
    for name in names:
        compiled(name)
    count = args.repeat * len(roots)
    start = time.perf_counter()
    for _ in range(args.repeat):
        for root in roots:
            for name in names:
                render_document(root, name)
    apart = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(args.repeat):
        for root in roots:
            render_outputs(root, [(name, None) for name in names])
    once = time.perf_counter() - start
    print(f"{len(names)} outputs per document, {count} documents: a parse per output "
          f"{apart / count * 1000:.1f} ms/doc, one parse for all {once / count * 1000:.1f} "
          f"ms/doc ({apart / once:.2f}x)")
    corpus = build_corpus(roots * 60, "bench")
    data = etree.tostring(corpus, encoding="utf-8")
    start = time.perf_counter()
    transform(data, "html-index")
    print(f"html-index: {len(roots) * 60} documents listed in "
          f"{time.perf_counter() - start:.2f} s")
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        report = render_paths(paths, "html", Path(out))
        print(f"render_paths html (pages, css, index, TEI and citation files): "
              f"{len(report.written)} files in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
