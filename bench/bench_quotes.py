"""Benchmark the block-quotation pass (teikit.reader.quotes): its cost per block, and its
share of a conversion.

Run: python bench/bench_quotes.py [--repeat N] [--paragraphs N]
Prints figures; asserts nothing. The pass is timed alone on drafted blocks of three shapes
(paragraphs with no quotation; quotations of three paragraphs, each introduced; the worst
case, every paragraph introducing a quotation that never closes, so each scan runs to its
limit), best of N rounds, per block; then the conversion of a generated page of the first
two shapes, and the share of it the pass takes.
"""

from __future__ import annotations

import argparse
import time

from bench_convert_selfcheck import best_of  # the bench folder is the script's own

from teikit.convert import convert_text
from teikit.reader import blocks as blocks_module
from teikit.reader import quotes
from teikit.reader.fields import TextField
from teikit.reader.model import Block, Paragraph
from teikit.textsource import decode

SENTENCE = "The Government has studied with care the proposals of the United States"




def paragraph_texts(shape: str, count: int) -> list[str]:
    """The text of ``count`` paragraphs of one shape."""
    if shape == "plain":
        return [f"{SENTENCE} ({k})." for k in range(count)]
    if shape == "quoted":
        run = ["It reads as follows:", f"“{SENTENCE}.", f"“{SENTENCE}.", f"“{SENTENCE}.”"]
        return [run[k % 4] for k in range(count)]
    return [f"{SENTENCE}:" if k % 2 == 0 else f"“{SENTENCE}." for k in range(count)]


def drafted(texts: list[str]) -> list[Block[TextField]]:
    return [
        Paragraph(line=k + 1, content=[TextField.from_raw(t, k + 1)]) for k, t in enumerate(texts)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--paragraphs", type=int, default=20_000)
    args = parser.parse_args()
    count = args.paragraphs
    print(f"block-quotation pass, {count:,} drafted paragraphs, best of {args.repeat}")
    for shape in ("plain", "quoted", "unclosed"):
        texts = paragraph_texts(shape, count)
        found = quotes.mark_quotes(drafted(texts))
        seconds = best_of(args.repeat, lambda texts=texts: quotes.mark_quotes(drafted(texts)))
        build = best_of(args.repeat, lambda texts=texts: drafted(texts))
        cost = max(seconds - build, 0.0)
        print(
            f"  {shape:9} {found:6,} quotations  pass {cost * 1e3:8.1f} ms"
            f"  ({cost / count * 1e6:.2f} µs a block)"
        )
    page_count = min(count, 4_000)
    original = blocks_module.mark_quotes
    spent = [0.0]

    def timed(found: list[Block[TextField]]) -> int:
        begin = time.perf_counter()
        try:
            return original(found)
        finally:
            spent[0] += time.perf_counter() - begin

    blocks_module.mark_quotes = timed  # type: ignore[assignment]
    try:
        for shape in ("plain", "quoted"):
            body = "\n\n".join(paragraph_texts(shape, page_count))
            data = f"12. Telegram From the Embassy in Paris to the Department of State\n\n{body}"
            best = (float("inf"), 0.0)
            for _ in range(args.repeat):
                spent[0] = 0.0
                begin = time.perf_counter()
                convert_text(decode(data.encode("utf-8"), "bench.txt"))
                best = min(best, (time.perf_counter() - begin, spent[0]))
            total, share = best
            print(
                f"conversion of a page of {page_count:,} {shape} paragraphs: {total:.3f} s,"
                f" of which the pass {share * 1e3:.1f} ms ({share / total * 100:.1f}%)"
            )
    finally:
        blocks_module.mark_quotes = original


if __name__ == "__main__":
    main()
