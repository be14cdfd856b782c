"""Block quotations that a paragraph introduces: find them among the drafted blocks.

A FRUS page often quotes a message, a resolution or a letter after a paragraph that
introduces it (``… passed the following resolution:``); the Office of the Historian nests
such a quotation in the introducing paragraph, ``<p>…: <quote rend="blockquote"><p>“…”</p>
</quote></p>``. The page text shows it as separate paragraphs, and only the quotation
marks tell where the quotation begins and ends:

* the introducing paragraph ends with a colon (perhaps followed by a note marker);
* the next paragraph opens with a quotation mark (:data:`MARKS`);
* the quotation runs on to the paragraph that closes it: its closing mark (perhaps followed
  by note markers) ends that paragraph. Older volumes reopen the quotation at the start of
  each paragraph (``“…`` / ``“…`` / ``“…”``); 1961+ volumes mark only its start and end,
  and the run may hold a quoted letter's salutation and signature lines.

Anything else stays as it is, flat: a run that meets a block other than a paragraph or a
page break (a list, a heading, the closer), or the end of the part, before its closing
mark; a quotation that closes inside a paragraph whose text goes on after it; a run longer
than :data:`MAX_QUOTED_PARAGRAPHS`. Nothing is guessed where the marks do not say.

The pass (:func:`mark_quotes`) only changes the kind of the quoted paragraphs to
:class:`~teikit.reader.model.QuotedParagraph`; their fields, lines and order stay as they
are, so the note markers in them are found and the line accounting holds as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, fields

from teikit.reader import patterns as pt
from teikit.reader.fields import TextField
from teikit.reader.model import Block, PageBreakBlock, Paragraph, QuotedParagraph


@dataclass(frozen=True)
class QuoteMarks:
    """A pair of quotation marks that may open and close a block quotation."""

    opening: str
    closing: str


#: The marks a block quotation opens with, and the mark that closes it, in the order they
#: are tried: typographic double quotes, then straight ones.
MARKS: tuple[QuoteMarks, ...] = (QuoteMarks("“", "”"), QuoteMarks('"', '"'))
#: What the introducing paragraph ends with, before a trailing note marker.
INTRO_ENDINGS: tuple[str, ...] = (":",)
#: The longest quotation (in paragraphs) the pass looks for; a longer run stays flat.
MAX_QUOTED_PARAGRAPHS = 200
#: How much of a paragraph's end the introduction test reads (colon and markers are short).
_TAIL = 64

#: Note markers at the end of a paragraph, glued or set off by a space, side by side: what
#: may follow the introducing colon and the quotation's closing mark.
_MARKERS = r"(?:\s?(?:\d{1,3}[a-d]?|[*†‡§‖¶]+))*\s*"
_AFTER_CLOSE = re.compile(_MARKERS)
#: The end of a paragraph that may close a quotation: a closing mark, perhaps note markers.
_CLOSED_END = re.compile(f"(?:{'|'.join(re.escape(m.closing) for m in MARKS)}){_MARKERS}$")
_INTRO_END = re.compile(f"(?:{'|'.join(map(re.escape, INTRO_ENDINGS))}){_MARKERS}$")
#: Either mark of each pair, as the scan of a quoted paragraph finds them.
_MARK_PATTERNS = {m: re.compile(f"[{re.escape(m.opening)}{re.escape(m.closing)}]") for m in MARKS}
#: Characters that end many paragraphs and never an introduction (a quick test first).
_NEVER_LAST = frozenset('.,;?!)”’"]')
#: A time at the end of a paragraph (``at 4:30``): its digits are no note marker.
_TIME_END = re.compile(r"\d:\d")


def introduces(block: Block[TextField]) -> bool:
    """Tell whether ``block`` is a plain paragraph that ends as an introduction to a
    quotation does (a colon, perhaps followed by a note marker)."""
    if type(block) is not Paragraph or not block.content:
        return False
    tail = pt.shadow(block.content[-1].text[-_TAIL:]).rstrip()
    if tail[-1:].isalpha() or tail[-1:] in _NEVER_LAST:
        return False  # most paragraphs: a word or a full stop ends them
    found = _INTRO_END.search(tail)
    return found is not None and not _TIME_END.match(tail, max(found.start() - 1, 0))


def _opening(text: str) -> QuoteMarks | None:
    """The marks whose opening mark ``text`` begins with, if any."""
    return next((marks for marks in MARKS if text.startswith(marks.opening)), None)


def _closes(text: str, marks: QuoteMarks, depth: int) -> tuple[int | None, int]:
    """Follow the quotation marks of one quoted paragraph (its reopening mark already cut
    off). Return the offset of the mark that closes the quotation (None when it stays
    open) and the depth of quotation at the paragraph's end (1: inside the quotation)."""
    if marks.opening == marks.closing:
        # Straight marks do not say which way they face: an odd count closes the
        # quotation, at the last of them.
        count = text.count(marks.closing)
        return (text.rindex(marks.closing) if count % 2 else None), 1
    for match in _MARK_PATTERNS[marks].finditer(text):
        depth += 1 if match.group() == marks.opening else -1
        if depth == 0:
            return match.start(), 0
    return None, depth


class _Scanner:
    """Follows the quotation marks through the drafted blocks, reading each paragraph's
    text once, and remembering where a scan failed: a later scan that enters the same
    paragraph in the same state (inside the quotation, the same marks) would fail the same
    way, so the whole pass stays linear in the blocks (a page of many introductions whose
    quotations never close costs no more than one)."""

    def __init__(self, blocks: Sequence[Block[TextField]]) -> None:
        self.blocks = blocks
        self._texts: dict[int, str] = {}
        self._doomed: set[tuple[int, QuoteMarks]] = set()
        #: For each index, the first block from there that can close a quotation (a
        #: paragraph ending in a closing mark), and the first that no quotation can hold
        #: (neither a plain paragraph nor a page break); found on the first scan.
        self._next_close: list[int] = []
        self._next_stop: list[int] = []

    def _survey(self) -> None:
        count = len(self.blocks)
        close, stop = [count] * (count + 1), [count] * (count + 1)
        for k in range(count - 1, -1, -1):
            block = self.blocks[k]
            plain = type(block) is Paragraph and bool(block.content)
            stop[k] = stop[k + 1] if plain or isinstance(block, PageBreakBlock) else k
            closes = plain and _CLOSED_END.search(
                pt.shadow(block.content[-1].text[-_TAIL:]).rstrip()  # type: ignore[union-attr]
            )
            close[k] = k if closes else close[k + 1]
        self._next_close, self._next_stop = close, stop

    def text(self, k: int) -> str:
        """The text of paragraph ``k`` as the patterns read it, its lines joined by a space."""
        found = self._texts.get(k)
        if found is None:
            block = self.blocks[k]
            assert isinstance(block, Paragraph)
            found = pt.shadow(" ".join(fld.text for fld in block.content)).strip()
            self._texts[k] = found
        return found

    def quotation_end(self, start: int) -> int | None:
        """The index after the quotation that opens at block ``start`` (after page breaks),
        or None when the blocks from there are no quotation the marks close (see the
        module doc)."""
        blocks = self.blocks
        k = start
        while k < len(blocks) and isinstance(blocks[k], PageBreakBlock):
            k += 1
        if k == len(blocks) or type(blocks[k]) is not Paragraph:
            return None
        marks = _opening(self.text(k))
        if marks is None:
            return None
        if not self._next_stop:
            self._survey()
        if self._next_close[k] >= self._next_stop[k]:
            return None  # no paragraph can close it before a block that ends the run
        depth = 1
        quoted = 0
        entered: list[tuple[int, QuoteMarks]] = []  # paragraphs entered inside the quotation
        while k < len(blocks) and quoted < MAX_QUOTED_PARAGRAPHS:
            block = blocks[k]
            if isinstance(block, PageBreakBlock):
                k += 1
                continue
            if type(block) is not Paragraph:
                break
            if quoted and depth == 1:
                if (k, marks) in self._doomed:
                    break
                entered.append((k, marks))
            quoted += 1
            text = self.text(k)
            k += 1
            if text.startswith(marks.opening) and (quoted == 1 or depth == 1):
                text = text[len(marks.opening) :]  # the quotation's own (re)opening mark
            at, depth = _closes(text, marks, depth)
            if at is not None:
                if _AFTER_CLOSE.fullmatch(text[at + len(marks.closing) :]):
                    return k
                break
        else:
            if quoted >= MAX_QUOTED_PARAGRAPHS:
                return None  # cut short by the limit: a later, shorter scan may still close
        self._doomed.update(entered)
        return None


def quotation_end(blocks: Sequence[Block[TextField]], start: int) -> int | None:
    """The end of the quotation that opens at ``blocks[start]`` (after page breaks), if the
    blocks from there are one (see the module doc).

    Args:
        blocks: the drafted blocks.
        start: the index after the introducing paragraph.

    Returns:
        The index after the quotation's last paragraph, or None when the blocks from
        ``start`` are no quotation the marks close.
    """
    return _Scanner(blocks).quotation_end(start)


def mark_quotes(blocks: list[Block[TextField]]) -> int:
    """Turn each quotation that a paragraph introduces into quoted paragraphs, in place.

    Args:
        blocks: the drafted blocks, in reading order; quotations found by an earlier call
            stay as they are, so the pass may run again over the same blocks.

    Returns:
        How many quotations were found in this call.
    """
    scanner = _Scanner(blocks)
    found = 0
    i = 0
    while i < len(blocks):
        end = scanner.quotation_end(i + 1) if introduces(blocks[i]) else None
        if end is None:
            i += 1
            continue
        for k in range(i + 1, end):
            block = blocks[k]
            if type(block) is Paragraph:
                # every field of the paragraph is kept (a row of omission points stays centred)
                blocks[k] = QuotedParagraph(
                    **{f.name: getattr(block, f.name) for f in fields(block)}
                )
        found += 1
        i = end
    return found
