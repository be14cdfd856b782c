"""Split the trailing footnote list off a page text.

Style A (one block per line): footnotes are the last ``- text↩`` bullets.
Style B (blank-line blocks): footnotes are the last indented ``  1. text`` lines, numbered
by the web page from 1 whatever their true numbers; an indented line that does not start a
note continues the note before it (a note of several paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from teikit.reader.markers import SYMBOLS

RETURN_ARROW = "↩"
#: The arrow at the end of a note, with the white space before it and the text-presentation
#: selector (U+FE0E) browsers copy after it.
_ARROW_END = re.compile(r"\s*↩\ufe0e?\s*$")
#: How many ways of splitting an arrow-less bullet run are tried against the markers.
MAX_SPLITS = 12
B_NOTE = re.compile(r"^\s{1,8}(\d{1,3}|[" + re.escape(SYMBOLS) + r"]{1,4})\.\s+(\S.*)$")
_B_BULLET = re.compile(r"^\s+[•·▪◦]\s")
_B_ITEM = re.compile(r"^\s+[•·▪◦]\s+(.*?)\s*$")
_A_BULLET = re.compile(r"^- (.*)$")
_LABEL = re.compile(
    r"^(?:\(?[0-9]{1,3}[.)]|\(?[A-Za-z][.)]|\(?[ivxlcIVXLC]{1,6}[.)]|"
    r"\([0-9]{1,3}\)|\([A-Za-z]\)|\([ivxlc]{1,6}\))$"
)


@dataclass
class RawNote:
    """A listed note before its marker is known: its paragraphs, line and list label."""

    paragraphs: list[tuple[str, int]]  # (text, line number)
    line: int
    label: str = ""


def is_label(text: str) -> bool:
    """Tell whether a bullet's text is a list label such as ``a.``, ``(2)`` or ``iv.``."""
    return bool(_LABEL.match(text.strip()))


def strip_arrow(text: str) -> tuple[str, bool]:
    """Drop a trailing return arrow (`` ↩``, ``↩︎``); say whether there was one."""
    match = _ARROW_END.search(text)
    if not match:
        return text, False
    return text[: match.start()], True


def is_arrow_line(line: str) -> bool:
    """Tell whether a line holds nothing but the return arrow."""
    return line.strip().replace("\ufe0e", "") == RETURN_ARROW


def _bullet_text(line: str) -> str:
    match = _A_BULLET.match(line)
    return match.group(1) if match else ""


def split_notes_a(lines: list[str], end: int) -> list[tuple[int, list[RawNote]]]:
    """Find the style-A note bullets among ``lines[:end]``.

    The notes are the last bullets of the page. Where their return arrows show where they
    begin, there is one reading. Without arrows, a bullet that starts ``Source:`` opens the
    notes; otherwise each split of the trailing bullets after the body's last label/item
    pair is a candidate, and the marker resolution chooses among them.

    Returns:
        Candidate readings, the most likely first: (index where the notes begin, notes).
    """
    start = end
    # Bullets, lone arrows, blank lines and indented lines (the continuation paragraphs of a
    # note of several paragraphs) make up the trailing run; so do unindented lines between a
    # bullet and the lone arrow that closes its note (continuations the page left flush).
    while start > 0:
        above = lines[start - 1]
        if is_arrow_line(above):
            bullet = _bullet_above(lines, start - 1)
            start = bullet if bullet is not None else start - 1
        elif _A_BULLET.match(above) or above[:1].isspace() or not above.strip():
            start -= 1
        else:
            flush = _flush_notes_above(lines, start)
            if flush is None:
                break
            start = flush
    run = list(range(start, end))
    bullets = [i for i in run if _A_BULLET.match(lines[i])]
    if not bullets:
        return [(end, [])]

    def ends_note(i: int) -> bool:
        if strip_arrow(lines[i])[1]:
            return True
        following = i + 1
        while (
            following < end
            and lines[following].strip()
            and not is_arrow_line(lines[following])
            and not _A_BULLET.match(lines[following])
        ):
            if strip_arrow(lines[following])[1]:
                return True
            following += 1
        return following < end and is_arrow_line(lines[following])

    arrowed = [i for i in bullets if ends_note(i)]
    if arrowed:
        # Body bullets never end with the arrow: the notes begin at the first one that does.
        return [(arrowed[0], _read_a(lines, arrowed[0], end))]
    sources = [i for i in bullets if _bullet_text(lines[i]).startswith("Source:")]
    if sources:
        return [(sources[0], _read_a(lines, sources[0], end))]
    # No arrows at all: the notes are among the bullets after the body's last label/item pair.
    labels = [pos for pos, i in enumerate(bullets) if is_label(_bullet_text(lines[i]))]
    after = labels[-1] + 2 if labels else 0
    if after >= len(bullets):
        return [(end, [])]
    firsts = bullets[after:][:MAX_SPLITS]
    return [(first, _read_a(lines, first, end)) for first in firsts]


#: How far above its closing arrow a note's first bullet may stand (its paragraphs).
MAX_NOTE_PARAGRAPHS = 40


def _bullet_above(lines: list[str], arrow: int) -> int | None:
    """The bullet that opens the note a lone arrow at ``arrow`` closes, if the lines between
    are all text (the note's paragraphs, indented or not)."""
    for k in range(arrow - 1, max(-1, arrow - 1 - MAX_NOTE_PARAGRAPHS), -1):
        if _A_BULLET.match(lines[k]):
            return k
        if not lines[k].strip() or is_arrow_line(lines[k]):
            return None
    return None


#: A bullet with no text: its note's paragraphs follow on the lines below.
_EMPTY_BULLET = re.compile(r"^-\s*$")
#: A return arrow that opens a line closes the note above; the rest of the line follows it
#: (``↩- Document 94.↩``).
_ARROW_START = re.compile(r"^↩\ufe0e?\s*")


def _closes_note(line: str) -> bool:
    """Tell whether a line ends a note: it ends with the return arrow or is the arrow."""
    return is_arrow_line(line) or strip_arrow(line)[1]


def _is_flush_text(line: str) -> bool:
    """A line of text at the margin that is no ``- `` bullet and no lone arrow."""
    return bool(line.strip()) and not (
        line[:1].isspace() or _A_BULLET.match(line) or is_arrow_line(line)
    )


def _flush_notes_above(lines: list[str], stop: int) -> int | None:
    """Where a run of flush lines ending at ``stop`` begins, if the run belongs to the notes.

    Flush lines after a line that closes a note (its arrow) are note text too: a note the
    page gave without its bullet, or whose bullet stands alone (``-``) above its paragraphs,
    perhaps closed by an arrow that opens the next note's line (``↩- Document 94.↩``). A run
    that follows anything else is body text (body bullets never end with the arrow).
    """
    k = stop
    while k > 0 and _is_flush_text(lines[k - 1]):
        k -= 1
    if k == stop or k == 0:
        return None
    above = lines[k - 1]
    if _closes_note(above):
        return k
    return None


def _read_a(lines: list[str], first: int, end: int) -> list[RawNote]:
    notes: list[RawNote] = []
    closed = True  # the note above ended with its arrow (or none began yet)
    for i in range(first, end):
        raw = lines[i]
        opening = _ARROW_START.match(raw)
        if opening and not is_arrow_line(raw):
            closed = True  # the arrow of the note above, glued before this line's text
            raw = raw[opening.end() :]
        match = _A_BULLET.match(raw)
        if match:
            text, closed = strip_arrow(match.group(1).rstrip())
            notes.append(RawNote([(text, i + 1)], i + 1))
        elif _EMPTY_BULLET.match(raw):
            notes.append(RawNote([], i + 1))
            closed = False
        elif is_arrow_line(raw):
            closed = True
        elif raw.strip() and notes:
            bullet = _B_ITEM.match(raw)  # an item of a list inside the note
            text, arrow = strip_arrow(bullet.group(1) if bullet else raw.strip())
            if closed and not raw[:1].isspace():
                # Flush text after a closed note: a note the page gave without its bullet.
                notes.append(RawNote([(text, i + 1)], i + 1))
            else:
                notes[-1].paragraphs.append((text, i + 1))
            closed = arrow
    for note in notes:
        if not note.paragraphs:
            note.paragraphs.append(("", note.line))  # a bullet with nothing under it
    return notes


def split_notes_b(lines: list[str], end: int) -> tuple[int, list[RawNote]]:
    """Find the style-B numbered notes among ``lines[:end]``.

    Returns:
        The index where the notes begin, and the notes.
    """
    i = end
    first = end
    while i > 0:
        raw = lines[i - 1]
        if not raw.strip():
            i -= 1
            continue
        if B_NOTE.match(raw):
            first = i - 1
            i -= 1
            continue
        if raw[:1].isspace() and not _B_BULLET.match(raw):
            i -= 1
            continue
        break
    if first == end:
        return end, []
    notes: list[RawNote] = []
    for index in range(first, end):
        raw = lines[index]
        if not raw.strip():
            continue
        match = B_NOTE.match(raw)
        if match:
            notes.append(RawNote([(match.group(2).rstrip(), index + 1)], index + 1, match.group(1)))
        elif notes:
            notes[-1].paragraphs.append((raw.strip(), index + 1))
    return first, notes
