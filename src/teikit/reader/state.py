"""The reader's working state: the draft of blocks, shared helpers, and the base class that
the furniture reader (furniture.py) and the body reader (blocks.py) extend."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from teikit.errors import InputError, Problem
from teikit.reader.fields import TextField
from teikit.reader.model import Block, BlockBase
from teikit.reader.notelist import B_NOTE
from teikit.textsource import SourceText


@dataclass
class Draft:
    """Blocks whose runs are still :class:`TextField` lists, before markers are placed."""

    blocks: list[Block[TextField]] = field(default_factory=list)
    #: Every field of the blocks, in reading order (:func:`walk`'s order): what the marker
    #: resolver searches.
    fields: list[TextField] = field(default_factory=list)
    #: The kinds of block added since the current part (document, enclosure, postscript)
    #: began.
    seen: set[type[BlockBase[TextField]]] = field(default_factory=set)

    def add(self, block: Block[TextField]) -> None:
        """Append ``block``, and its fields to :attr:`fields`."""
        self.blocks.append(block)
        self.seen.add(type(block))
        for run in block.runs():  # the walk's order, block by block
            self.fields.extend(run)

    def has(self, *kinds: type[BlockBase[Any]]) -> bool:
        """Tell whether a block of one of ``kinds`` was added since the part began."""
        return any(issubclass(kind, kinds) for kind in self.seen)


def next_nonblank(lines: list[str], start: int) -> int:
    while start < len(lines) and not lines[start].strip():
        start += 1
    return start


def block_style(lines: list[str]) -> str:
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if not filled:
        return "A"
    first, last = filled[0], filled[-1]
    if any(not lines[i].strip() for i in range(first, last)):
        return "B"
    # No blank lines, but the page ends with an indented "  1. …" note list (perhaps with
    # indented continuation paragraphs after it): style B too.
    start = last
    while start > first and lines[start][:1].isspace() and not B_NOTE.match(lines[start]):
        start -= 1
    return "B" if start > first and B_NOTE.match(lines[start]) else "A"


def plain_text(fld: TextField) -> str:
    """A field's text with its note markers (and the space before a set-off one) removed."""
    text = fld.text
    out: list[str] = []
    pos = 0
    for start, end, _ in sorted(fld.anchors):
        if start < pos:
            continue
        out.append(text[pos:start].rstrip() if end > start else text[pos:start])
        pos = end
    out.append(text[pos:])
    return "".join(out)


#: Above this size (characters) a page's arrow-less trailing bullets are all read as notes,
#: without trying the other splits (each split is a whole reading of the page).
MAX_CHARS_FOR_SPLITS = 2_000_000
#: What it costs to read one more arrow-less trailing bullet as a body list item rather
#: than as a note (see markers.py for the other costs).
COST_BULLET_IN_BODY = 8.0
SMALL_WORD_END = re.compile(r"\b(?:the|of|to|by|for|and|in|on|at|with|from|a|an)$")


class ReaderBase:
    """State shared by the parts of the reader: the lines, the draft, the warnings."""

    def __init__(self, source: SourceText, style: str) -> None:
        self.source = source
        self.lines = list(source.lines)
        self.name = source.name
        self.style = style
        self.warnings: list[Problem] = list(source.warnings)
        self.draft = Draft()
        self.title_fields: list[TextField] = []
        self.cost = 0.0
        #: Claims on lines that no field records: (1-based line, role), for the accounting.
        self.uses: list[tuple[int, str]] = []

    def warn(self, line: int | None, message: str, hint: str, code: str) -> None:
        self.warnings.append(Problem(self.name, line, message, hint, code))

    def fail(self, line: int | None, message: str, hint: str, code: str) -> InputError:
        return InputError(Problem(self.name, line, message, hint, code))
