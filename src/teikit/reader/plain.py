"""The plain reading: a conservative reading of a page text, the converter's fallback.

``teikit.convert`` falls back to it when the structured reading (:mod:`teikit.reader.document`)
makes TEI that fails the self-check, or breaks on a structure it does not expect. It keeps
only what is safe to read:

- **the heading**: the lines the structured reading took as the heading (and the inline
  source note above it), when they open the page; else the first line of text;
- **page markers** (``[Page 722]``, also mid-line) as page breaks where they stand;
- **every other line of text** as one paragraph, in input order, with the page's own
  decorations (bullets, return arrows, note-list labels; see
  :func:`teikit.selfcheck.undecorated`) taken off;
- **the trailing note list** as notes only when both its extent and every marker are
  certain (:data:`NOTE_LIST_RULES`, :func:`find_markers`) and no page marker stands among
  the notes (a note's page break would come before the body's); otherwise its lines stay
  paragraphs of text, markers and all, exactly as the page has them.

Lists, closings, datelines, salutations, section headings, enclosures: all of them become
paragraphs. The result is plainer TEI, never a lost or invented word; it must pass the same
self-check as the structured reading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from teikit.errors import Problem
from teikit.lexicon import PAGE_MARKER
from teikit.reader.model import (
    Block,
    Document,
    Head,
    Inline,
    LineBreak,
    Note,
    NoteRef,
    PageBreak,
    PageBreakBlock,
    Paragraph,
    SourceInline,
)
from teikit.reader.pages import PAGE_SEQUENCE_CODE, PAGE_SEQUENCE_HINT, page_sequence_faults
from teikit.selfcheck import undecorated
from teikit.textsource import SourceText

_PAGE = re.compile(PAGE_MARKER)
_PAGE_LINE = re.compile(r"^\s*" + PAGE_MARKER + r"\s*$")
#: A 1955+ heading: the document number, a full stop, the title.
_NUMBERED_HEAD = re.compile(r"^\s*(\d{1,4})\.\s+(\S.*)$")
#: The note symbols of FRUS page text.
SYMBOLS = "*†‡§‖¶"
#: A marker candidate at the end of a word: 1–3 digits, or 1–4 symbols.
_CANDIDATE = re.compile(
    r"(?<!\d)(\d{1,3})(?=\s|$)|(?<=[^\s" + SYMBOLS + r"])([" + SYMBOLS + r"]{1,4})(?=\s|$)"
)
#: Characters a glued digit marker may follow (besides a letter): closing punctuation.
_BEFORE_DIGITS = ";)]’”\"'"
#: Characters a glued digit marker may follow when they do not follow a digit themselves
#: (``estimate.1`` is a marker, ``3.5``, ``70,000`` and ``12:30`` are numbers).
_BEFORE_DIGITS_NOT_NUMBER = ".,:"

#: How a note list is recognised, per block rendering: (style, what opens a note, what
#: ends one). Style A: ``- text↩`` bullets, continuation lines after the bullet, each note
#: ending in a return arrow. Style B: ``  1. text`` labels in the indented run after the
#: last flush-left line, continuation lines indented.
NOTE_LIST_RULES: dict[str, tuple[re.Pattern[str], re.Pattern[str] | None]] = {
    "A": (re.compile(r"^- "), re.compile("↩\ufe0e?\\s*$")),
    "B": (re.compile(r"^\s+((?:\d{1,3}[a-z]?|[" + SYMBOLS + r"]{1,4}))\.\s"), None),
}
_FLUSH = re.compile(r"^(?:\S|\s+[•·▪◦]\s)")


@dataclass
class PlainReading:
    """The plain reading of a page: the document, what it simplified (for the converter's
    warning) and what it found wrong in the page (page markers that repeat or go back)."""

    document: Document
    simplified: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def _page_sequence(name: str, blocks: list[Block[Inline]]) -> list[Problem]:
    """Warn where a page marker repeats or goes back, as the structured reading does: such
    pages cannot all have their own ``pg_N`` id."""
    return [
        Problem(name, line, message, PAGE_SEQUENCE_HINT, PAGE_SEQUENCE_CODE)
        for line, message in page_sequence_faults(blocks)
    ]


@dataclass
class _Raw:
    """A note of the trailing list: its label (style B) and its lines (0-based)."""

    label: str
    lines: list[int]


def block_style(lines: Sequence[str]) -> str:
    """Return "B" when blank lines separate the page's blocks, else "A"."""
    filled = [k for k, line in enumerate(lines) if line.strip()]
    if not filled:
        return "A"
    return "B" if any(not lines[k].strip() for k in range(filled[0], filled[-1])) else "A"


def note_list(lines: Sequence[str], style: str, after: int) -> list[_Raw]:
    """Find the trailing note list, when its extent is certain (see :data:`NOTE_LIST_RULES`).

    Args:
        lines: the input lines.
        style: "A" or "B".
        after: the index of the last heading line; the list starts below it.

    Returns:
        The notes in list order; empty when the page has no certain note list.
    """
    opens, ends = NOTE_LIST_RULES[style]
    end = len(lines)
    while end > after + 1 and not lines[end - 1].strip():
        end -= 1
    if style == "B":
        flush = [k for k in range(after + 1, end) if lines[k].strip() and _FLUSH.match(lines[k])]
        start = flush[-1] + 1 if flush else after + 1
        notes: list[_Raw] = []
        for k in range(start, end):
            if not lines[k].strip():
                continue
            label = opens.match(lines[k])
            if label:
                notes.append(_Raw(label.group(1), [k]))
            elif notes:
                notes[-1].lines.append(k)
            else:
                return []  # the run does not open with a label: not a note list
        return notes
    assert ends is not None
    found: list[_Raw] = []
    current: list[int] = []
    k = end - 1
    # Walk up from the end: a note is a bullet line and the lines after it, its last line
    # ending in a return arrow; the list ends (upwards) where that no longer holds.
    while k > after:
        line = lines[k]
        if not current and line.strip() and not ends.search(line):
            break
        if line.strip():
            current.insert(0, k)
        if opens.match(line):
            found.insert(0, _Raw("", current))
            current = []
        k -= 1
    return found


def looks_like_a_page(lines: Sequence[str]) -> bool:
    """Tell whether a text is a FRUS page even though its heading is not one the reader
    knows: it has a page marker, or a note list whose extent is certain (:func:`note_list`)
    below its first line. Prose alone is not taken for a page.

    Args:
        lines: the input lines.

    Returns:
        True when the plain reading may take the text's first line as its heading.
    """
    first = next((k for k, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return False
    if any("Page" in line and _PAGE.search(line) for line in lines):
        return True
    return bool(note_list(lines, block_style(lines), first))


def _parts(text: str, line: int) -> list[Inline]:
    """Split a line's text at its page markers: strings and :class:`PageBreak` items."""
    out: list[Inline] = []
    at = 0
    for match in _PAGE.finditer(text):
        if match.start() > at:
            out.append(text[at : match.start()])
        out.append(PageBreak(match.group(2), (match.group(1) or "").lower(), line))
        at = match.end()
    if at < len(text):
        out.append(text[at:])
    return out


def _clean(text: str) -> str:
    return " ".join(text.split())


def _candidates(blocks: list[list[Inline]]) -> list[tuple[int, int, int, int, str]]:
    """Every marker candidate of the text: (block, part, start, end, marker)."""
    found: list[tuple[int, int, int, int, str]] = []
    for b, parts in enumerate(blocks):
        for p, part in enumerate(parts):
            if not isinstance(part, str):
                continue
            for match in _CANDIDATE.finditer(part):
                start = match.start()
                if start == 0:
                    continue
                before = part[start - 1]
                if match.group(1) is not None:
                    glued = before.isalpha() or before in _BEFORE_DIGITS
                    if before in _BEFORE_DIGITS_NOT_NUMBER:
                        glued = start < 2 or not part[start - 2].isdigit()
                    if not glued:
                        continue
                found.append((b, p, start, match.end(), match.group(0)))
    return found


def find_markers(
    blocks: list[list[Inline]], labels: Sequence[str]
) -> list[tuple[int, int, int, int, str]] | None:
    """Find one marker per listed note, when the text leaves no doubt; else None.

    The text's marker candidates (a number of 1–3 digits glued to a word or to closing
    punctuation, or symbols glued to a word) must be exactly as many as the notes; the
    numbers among them must run on by one (``0 1 2``, ``47 48``), and a note the list labels
    with a symbol must have that symbol, one it labels with a number a number.

    Args:
        blocks: the inline content of the heading and of each paragraph, in order.
        labels: the list's labels, one per note ("" where the list shows none).

    Returns:
        (block, part, start, end, marker) per note, in list order; None when any doubt.
    """
    found = _candidates(blocks)
    if len(found) != len(labels):
        return None
    previous: int | None = None
    for (_b, _p, _s, _e, marker), label in zip(found, labels, strict=True):
        if marker.isdigit():
            if label and not label[0].isdigit():
                return None
            if previous is not None and int(marker) != previous + 1:
                return None
            previous = int(marker)
        elif label and label != marker:
            return None
    return found


def _place(blocks: list[list[Inline]], markers: list[tuple[int, int, int, int, str]]) -> None:
    """Replace each marker in the text with a :class:`NoteRef` to its note."""
    for index in range(len(markers) - 1, -1, -1):  # from the end: earlier offsets stay valid
        b, p, start, end, _marker = markers[index]
        text = blocks[b][p]
        assert isinstance(text, str)
        replacement: list[Inline] = [x for x in (text[:start],) if x]
        replacement.append(NoteRef(index))
        if text[end:]:
            replacement.append(text[end:])
        blocks[b][p : p + 1] = replacement


def _heading_lines(
    lines: Sequence[str], structured: Document | None
) -> tuple[list[int], list[int], bool]:
    """Return the inline source lines, the heading lines (0-based) and whether they are the
    structured reading's; a heading the structured reading found is kept only when it opens
    the page (nothing but blank lines, and page markers before its first line, above it).
    Page markers above the heading stay above it (:func:`read_plain`)."""
    if structured is not None:
        roles = structured.lines
        source = [n - 1 for n in sorted(roles) if roles[n] == "source-inline"]
        head = [n - 1 for n in sorted(roles) if roles[n] == "head"]
        if head and (not source or max(source) < min(head)):
            top = set(source) | set(head)
            if all(
                k in top or not lines[k].strip() or (k < min(top) and _PAGE_LINE.match(lines[k]))
                for k in range(max(top) + 1)
            ):
                return source, head, True
    first = next(
        (k for k, line in enumerate(lines) if line.strip() and not _PAGE_LINE.match(line)), None
    )
    return [], ([] if first is None else [first]), False


def read_plain(source: SourceText, structured: Document | None = None) -> PlainReading:
    """Read a page text conservatively (see the module doc).

    Args:
        source: the decoded input.
        structured: what the structured reading made of it, if it made anything; its
            heading, number, title and layout are kept where they are safe.

    Returns:
        The :class:`PlainReading`.

    Raises:
        ValueError: when the text has no line of text at all (the converter refuses such
            input before it gets here).
    """
    lines = source.lines
    text = undecorated(lines)
    style = structured.style if structured is not None else block_style(lines)
    source_lines, head_lines, kept_head = _heading_lines(lines, structured)
    if not head_lines:
        raise ValueError(f"{source.name}: no line of text to read")
    simplified: list[str] = []
    if not kept_head:
        simplified.append(f"took line {head_lines[0] + 1} as the heading")
    raw_notes = note_list(lines, style, head_lines[-1])
    in_notes = {k for raw in raw_notes for k in raw.lines}
    roles: dict[int, str] = {}

    contents: list[list[Inline]] = []  # the heading, then each paragraph
    kinds: list[str] = []
    lines_of: list[int] = []
    head: list[Inline] = []
    for n, k in enumerate(head_lines):
        if n:
            head.append(LineBreak())
        head.extend(_parts(text[k].strip(), k + 1))
        roles[k + 1] = "head"
    contents.append(head)
    kinds.append("head")
    lines_of.append(head_lines[0] + 1)
    top = set(source_lines) | set(head_lines)
    opening = [k for k in range(min(top)) if _PAGE_LINE.match(lines[k])]
    top.update(opening)
    for k, line in enumerate(text):
        if k in top or k in in_notes:
            continue
        if not line.strip():
            roles[k + 1] = "blank"
            continue
        parts = _parts(line.strip(), k + 1)
        while parts and isinstance(parts[0], PageBreak):
            contents.append([parts.pop(0)])
            kinds.append("pagebreak")
            lines_of.append(k + 1)
        if parts and isinstance(parts[0], str):
            parts[0] = parts[0].lstrip()
        if any(isinstance(x, PageBreak) or (isinstance(x, str) and x.strip()) for x in parts):
            contents.append(parts)
            kinds.append("paragraph")
            lines_of.append(k + 1)
        roles[k + 1] = "paragraph" if parts else "pagebreak"

    notes: list[Note] = []
    if raw_notes:
        labels = [raw.label for raw in raw_notes]
        markers = find_markers(
            [c for c, kind in zip(contents, kinds, strict=True) if kind != "pagebreak"], labels
        )
        paged = any(_PAGE.search(text[k]) for raw in raw_notes for k in raw.lines)
        if markers is None or paged:
            why = (
                "a page marker stands among them"
                if paged
                else "their markers could not all be found without doubt"
            )
            simplified.append(
                f"kept the {len(raw_notes)} listed notes as paragraphs of text ({why})"
            )
            markers = None
            # Back into the body, in input order, after everything before them.
            for raw in raw_notes:
                for k in raw.lines:
                    parts = _parts(text[k].strip(), k + 1)
                    if parts:
                        contents.append(parts)
                        kinds.append("paragraph")
                        lines_of.append(k + 1)
                        roles[k + 1] = "paragraph"
        else:
            # Markers index the blocks that are not page breaks: map them back.
            textual = [b for b, kind in enumerate(kinds) if kind != "pagebreak"]
            _place(contents, [(textual[b], p, s, e, m) for b, p, s, e, m in markers])
            for index, raw in enumerate(raw_notes):
                paragraphs = [_parts(text[k].strip(), k + 1) for k in raw.lines]
                paragraphs = [p for p in paragraphs if p]
                first = "".join(x for x in (paragraphs or [[]])[0] if isinstance(x, str))
                notes.append(
                    Note(
                        paragraphs=paragraphs or [[]],
                        line=raw.lines[0] + 1,
                        label=raw.label,
                        n=markers[index][4],
                        is_source=index == 0 and first.startswith("Source:"),
                    )
                )
                roles.update((k + 1, "note") for k in raw.lines)

    blocks: list[Block[Inline]] = []
    for k in opening:  # page markers above the heading stay above it
        for item in _parts(text[k].strip(), k + 1):
            assert isinstance(item, PageBreak)
            blocks.append(PageBreakBlock(line=k + 1, page=item))
        roles[k + 1] = "pagebreak"
    for k in source_lines:
        roles[k + 1] = "source-inline"
    if source_lines:
        inline: list[Inline] = []
        for n, k in enumerate(source_lines):
            if n:
                inline.append(" ")
            inline.extend(_parts(text[k].strip(), k + 1))
        blocks.append(SourceInline(content=inline, line=source_lines[0] + 1))
    for content, block_kind, at in zip(contents, kinds, lines_of, strict=True):
        if block_kind == "pagebreak":
            page = content[0]
            assert isinstance(page, PageBreak)
            blocks.append(PageBreakBlock(line=at, page=page))
        elif block_kind == "head":
            blocks.append(Head(content=content, line=at))
        else:
            blocks.append(Paragraph(content=content, line=at))
    if len(contents) > 1 or raw_notes:
        simplified.append("read every line after the heading as a paragraph")

    title_text = _clean("".join(x for x in head if isinstance(x, str)))
    numbered = _NUMBERED_HEAD.match(title_text)
    if structured is not None:
        number, title, layout, doc_kind = (
            structured.number,
            structured.title,
            structured.layout,
            structured.kind,
        )
    else:
        number = int(numbered.group(1)) if numbered else None
        title = numbered.group(2) if numbered else title_text
        layout = "modern" if numbered else "older"
        doc_kind = "editorial-note" if title.lower() == "editorial note" else "historical-document"
    source_line = next(
        (
            _clean("".join(x for x in b.content if isinstance(x, str)))
            for b in blocks
            if isinstance(b, SourceInline)
        ),
        None,
    )
    document = Document(
        number=number,
        title=title,
        layout=layout,
        style=style,  # type: ignore[arg-type]
        blocks=blocks,
        notes=notes,
        source_line=source_line,
        kind=doc_kind,
        lines=dict(sorted(roles.items())),
    )
    return PlainReading(document, simplified, _page_sequence(source.name, blocks))
