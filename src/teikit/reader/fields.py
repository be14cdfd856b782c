"""Text fields: a run of input text with its page markers lifted out.

A field is the unit the marker finder searches (a title line, a paragraph, a list item).
Page markers are removed from the text first, so ``[Page 594]`` never looks like a note
marker; their offsets are kept, and :meth:`TextField.inlines` puts everything back in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from teikit.reader.model import Inline, NoteRef, PageBreak

PAGE_MARKER = re.compile(r"\[(?:(Facsimile|Typeset) )?Page ([0-9]+|[ivxlcdm]+)\]")


@dataclass
class TextField:
    """Text of one input line (or part of one) with its page breaks and, later, note anchors."""

    text: str
    line: int
    breaks: list[tuple[int, PageBreak]] = field(default_factory=list)
    # (start, end, note index): the marker text[start:end] anchors that note.
    anchors: list[tuple[int, int, int]] = field(default_factory=list)
    in_head: bool = False
    #: False for text no marker can sit in (an identifier line).
    searchable: bool = True
    #: True for text that can hold a marker only at its very end, glued to a word or set off
    #: by a space (the older layouts' source line: ``Policy Planning Staff Files1``).
    tail_only: bool = False

    @classmethod
    def from_raw(cls, raw: str, line: int, *, in_head: bool = False) -> TextField:
        """Lift the page markers out of ``raw``.

        A marker mid-sentence keeps the space before it and drops the one after
        (``undoubtedly [Page 723] annoyed`` -> ``undoubtedly `` + pb + ``annoyed``).
        """
        out: list[str] = []
        breaks: list[tuple[int, PageBreak]] = []
        pos = 0
        length = 0
        for match in PAGE_MARKER.finditer(raw):
            before = raw[pos : match.start()]
            end = match.end()
            if end < len(raw) and raw[end] == " ":
                end += 1
            elif end == len(raw) and before.endswith(" "):
                before = before[:-1]
            out.append(before)
            length += len(before)
            kind = (match.group(1) or "").lower()
            breaks.append((length, PageBreak(match.group(2), kind, line)))
            pos = end
        out.append(raw[pos:])
        return cls("".join(out), line, breaks, in_head=in_head)

    def inlines(self) -> list[Inline]:
        """Return the field as inline content: text, page breaks and note references in order."""
        events: list[tuple[int, int, int, object]] = []
        for offset, pb in self.breaks:
            events.append((offset, offset, 1, pb))
        for start, end, index in self.anchors:
            events.append((start, end, 0, NoteRef(index)))
        events.sort(key=lambda e: (e[0], e[2]))
        result: list[Inline] = []
        pos = 0
        for start, end, _, item in events:
            if start > pos:
                result.append(self.text[pos:start])
            result.append(item)  # type: ignore[arg-type]
            pos = max(pos, end)
        if pos < len(self.text):
            result.append(self.text[pos:])
        return result
