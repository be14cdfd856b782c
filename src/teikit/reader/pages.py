"""The page-marker sequence check that both readings (structured and plain) make."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from teikit.reader.model import Block, Inline, page_breaks

#: What the warning of a repeated or backward page marker advises, and its code.
PAGE_SEQUENCE_HINT = "check that no part of the page was pasted twice"
PAGE_SEQUENCE_CODE = "page-sequence"


def page_sequence_faults(blocks: Iterable[Block[Inline]]) -> Iterator[tuple[int, str]]:
    """Yield ``(line, message)`` for each page marker that repeats or goes back.

    Each kind of marker (plain, facsimile, typeset) counts on its own; markers whose page
    is not a number are not compared.
    """
    last: dict[str, int] = {}
    for pb in page_breaks(blocks):
        if not pb.n.isdigit():
            continue
        before = last.get(pb.kind)
        if before is not None and int(pb.n) <= before:
            label = f"{pb.kind.title()} Page" if pb.kind else "Page"
            yield (
                pb.line,
                f"[{label} {pb.n}] comes after page {before}: page markers should go up; "
                "kept it where it stands",
            )
        last[pb.kind] = max(int(pb.n), before or 0)
