"""Read one page text into a :class:`~teikit.reader.model.Document`.

The steps, in order: tell the block rendering (style A or B), split off the trailing note
list, read the heading region, classify the body lines into blocks, then find the note
markers in all of it.

The heading region is read by the first rule of ``furniture.OPENINGS`` that fits:

- 1955 and later: ``NNN. Title`` on the first line;
- 1943–54: a source line (or none), ``No. NNN``, then the title over one or more lines;
- 1860s–1910s: ``Mr. Harlow to Mr. Pell.`` (perhaps under the printed volume's ``No. 39.``,
  kept as the inline source note), perhaps the despatch's own ``No. 214.]``;
- an editorial note's bare ``Editorial Note``;
- 1900s–54 pages that begin with their title (``The Ambassador in Mexico (Daniels) to the
  Secretary of State``, ``Memorandum of Conversation, by …``), the despatch's own ``No.
  1805`` under it (never the FRUS number);
- 1900s–54 telegrams and despatches: a source line (``711.61/4–1249: Telegram``,
  ``740.00119 Control (Germany)/6–1047``, ``123 Kirk, Alan G.: Telegram``, ``White House
  Files: Telegram``), then a sender-to-recipient title.

Every input line is accounted for (``Document.lines``, see accounting.py): a line no part of
the reader used, or one used twice, is reported.

The furniture around the body is read in a fixed order. At the top: identifier and
classification lines (older layouts), a dateline (one or two lines), ``Subject``/
``Participants`` lists, a salutation line. At the bottom, scanning back from the notes: a
signature (``Dulles``, ``(Signed) …``, ``(Sgd.) …``, ``J. R. Harlow.``) or ``[File copy not
signed]``, and the closing phrase before it (``Sincerely yours,``, ``I have, etc.,``).

Where a style-A page gives its notes without return arrows, every plausible split of the
trailing bullets is read, and the one whose markers fit best is kept.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

from teikit.errors import InputError, Problem
from teikit.reader import enclosures
from teikit.reader import patterns as pt
from teikit.reader.accounting import account
from teikit.reader.blocks import BodyReader
from teikit.reader.fields import TextField
from teikit.reader.furniture import FurnitureReader
from teikit.reader.markers import SYMBOLS, resolve
from teikit.reader.model import (
    Block,
    Document,
    Enclosure,
    EnclosureHead,
    Head,
    Inline,
    Note,
    PageBreak,
    PageBreakBlock,
    Postscript,
    TextBlock,
    convert_runs,
)
from teikit.reader.notelist import (
    RawNote,
    is_arrow_line,
    split_notes_a,
    split_notes_b,
)
from teikit.reader.pages import PAGE_SEQUENCE_CODE, PAGE_SEQUENCE_HINT, page_sequence_faults
from teikit.reader.state import (
    COST_BULLET_IN_BODY,
    MAX_CHARS_FOR_SPLITS,
    block_style,
    next_nonblank,
    plain_text,
)
from teikit.textsource import SourceText

#: A second ``Mr. A to Mr. B.`` title opens an enclosure when it has at most this many words
#: and the line before it is a signature or at most _SIGNATURE_WORDS words long.
_TITLE_WORDS = 14
_SIGNATURE_WORDS = 8
#: How many text lines before a line the enclosure rules read.
_LINES_BEFORE = 6
#: The layouts in which a paper printed under a signed closing with a title of a known kind
#: and no label opens an enclosure (see enclosures.py); a 1955+ volume labels its attachments.
UNLABELLED_PAPERS = frozenset({"nineteenth-century", "older"})
#: So many body lines ending inside a sentence tell a page that kept its print lines.
_PRINT_LINE_ENDS = 2


class _Reader(FurnitureReader, BodyReader):
    """The whole reader: furniture, body, then the note markers over all of it."""

    # -- the whole document -------------------------------------------------------------

    def read(self, notes_start: int, raw_notes: list[RawNote]) -> Document:
        lines = self.lines
        for index in range(notes_start):
            if is_arrow_line(lines[index]):
                self.warn(
                    index + 1,
                    "a return arrow (↩) stands alone outside the note list; dropped it",
                    "it is the web page's link back, not text",
                    "stray-arrow",
                )
                lines[index] = ""
                self.uses.append((index + 1, "warned"))
        if self.style == "B":
            self._check_b_numbering(raw_notes)
        body_start, number, layout, source_line = self.read_head(notes_start)
        self.print_lines = self._keeps_print_lines(body_start, notes_start, layout)
        self.read_parts(body_start, notes_start, layout)
        notes = self.place_notes(raw_notes, layout)
        roles = self._account(notes_start, raw_notes)
        blocks = self.materialize()
        self._check_pages(blocks)
        title = self._title(layout)
        kind = (
            "editorial-note" if title.strip().lower() == "editorial note" else "historical-document"
        )
        if (
            kind == "historical-document"
            and layout == "modern"
            and not (notes and notes[0].is_source)
        ):
            self.warn(
                1,
                "no source note: the first footnote of a 1955+ document normally begins 'Source:'",
                "check that the note list was copied whole",
                "no-source-note",
            )
        return Document(
            number=number,
            title=title,
            layout=layout,  # type: ignore[arg-type]
            style=self.style,  # type: ignore[arg-type]
            blocks=blocks,
            notes=notes,
            source_line=source_line,
            kind=kind,  # type: ignore[arg-type]
            lines=roles,
        )

    def _keeps_print_lines(self, start: int, end: int, layout: str) -> bool:
        """Tell whether an older page kept its print's line breaks: in style A, at least
        :data:`_PRINT_LINE_ENDS` body lines that end inside a sentence (a lower-case word or
        a number, no punctuation) before more text."""
        if self.style != "A" or layout != "nineteenth-century":
            return False
        lines = self.lines
        open_ends = sum(
            1
            for k in range(start, end - 1)
            if lines[k + 1].strip()
            and pt.OPEN_LINE_END.search(pt.strip_trailing_marker(pt.shadow(lines[k]).strip()))
        )
        return open_ends >= _PRINT_LINE_ENDS

    # -- enclosures and postscripts ----------------------------------------------------

    def read_parts(self, start: int, end: int, layout: str) -> None:
        """Read the body from ``start`` to ``end``: the document's own text, then each
        enclosure printed after it, each part with its postscript, if any."""
        bounds = [start, *self.enclosure_starts(start, end, layout), end]
        for k in range(len(bounds) - 1):
            begin = bounds[k]
            if k:
                begin = self._enclosure_top(begin, bounds[k + 1])
            self._read_part(begin, bounds[k + 1], layout)

    def enclosure_starts(self, start: int, end: int, layout: str) -> list[int]:
        """Where enclosures begin (line indexes): at an ``[Inclosure …]`` line, or (1860s–
        1910s) at a second ``Mr. A to Mr. B.`` title that follows a short line such as a
        signature and is followed by text."""
        lines = self.lines
        found: list[int] = []
        before: deque[str] = deque(maxlen=_LINES_BEFORE)
        for i in range(start, end):
            core = pt.shadow(lines[i]).strip()
            if not core:
                continue
            if before and self._opens_enclosure(core, before, layout, i, end):
                found.append(i)
            if not pt.PAGE_LINE.match(core):
                before.append(core)
        return found

    def _opens_enclosure(
        self, core: str, before: Sequence[str], layout: str, i: int, end: int
    ) -> bool:
        """Tell whether line ``i`` (its text ``core``; ``before``, the text lines before it,
        the last one last) opens an enclosure (in 1955+ volumes, an attachment)."""
        previous = before[-1]
        if (
            layout in UNLABELLED_PAPERS
            and enclosures.is_paper_title(core)
            and enclosures.closes_signed(before)
            and next_nonblank(self.lines, i + 1) < end
        ):
            # A paper printed under the signature with its own title and no label.
            return True
        if pt.ENCLOSURE_LABEL.match(core):
            return next_nonblank(self.lines, i + 1) < end
        if pt.NUMBERED_LABEL.match(core) and layout == "nineteenth-century":
            # ``No. 1.`` under a signature, over ``[Translation.]`` or the inclosure's title.
            below = next_nonblank(self.lines, i + 1)
            text = pt.shadow(self.lines[below]).strip() if below < end else ""
            return bool(
                (
                    pt.looks_like_signature(previous)
                    or pt.is_address(previous)
                    or pt.is_closing(previous)
                )
                and (pt.KIND_LABEL.match(text) or pt.is_sender_title(text))
            )
        return bool(
            layout == "nineteenth-century"
            and pt.is_sender_title(core)
            and not pt.is_address(core)  # ``Hon. E. B. Washburne, Minister … to France.``
            and len(core.split()) <= _TITLE_WORDS
            and (
                pt.looks_like_signature(previous)
                or pt.NOT_SIGNED.match(previous)
                or pt.is_address(previous)
                or len(previous.split()) <= _SIGNATURE_WORDS
            )
            and previous[-1] not in ":,;"
            and not pt.ENCLOSURE_LABEL.match(previous)
            and not pt.NUMBERED_LABEL.match(previous)
            and not pt.KIND_LABEL.match(previous)
            and next_nonblank(self.lines, i + 1) < end
        )

    def _enclosure_top(self, begin: int, end: int) -> int:
        """Add the enclosure's label line and title; return the line where its text
        begins."""
        lines = self.lines
        self.draft.seen = set()  # the enclosure opens as a document does
        label: list[TextField] = []
        first = pt.shadow(lines[begin]).strip()
        if pt.ENCLOSURE_LABEL.match(first) or pt.NUMBERED_LABEL.match(first):
            label = [TextField.from_raw(lines[begin].strip(), begin + 1)]
            begin += 1
            below = next_nonblank(lines, begin)
            if below < end and pt.KIND_LABEL.match(pt.shadow(lines[below]).strip()):
                label.append(TextField.from_raw(lines[below].strip(), below + 1))
                begin = below + 1
        self.draft.add(Enclosure(line=label[0].line if label else begin + 1, content=label))
        top = next_nonblank(lines, begin)
        while top < end and pt.PAGE_LINE.match(pt.shadow(lines[top]).strip()):
            top = next_nonblank(lines, top + 1)  # read as body: a page break after the label
        if top < end:
            first = pt.shadow(lines[top]).strip()
            below = top + 1
            if (
                self.style == "A"
                and below < end
                and first[-1:] != "."
                and len(pt.shadow(lines[below]).split()) <= 4
                and pt.shadow(lines[below]).strip().endswith(".")
                and pt.is_sender_title(f"{first} {pt.shadow(lines[below]).strip()}")
            ):
                # A title the page broke at its print line: ``Mr. Wallace to Earl`` /
                # ``Dufferin.``
                self.draft.add(
                    EnclosureHead(
                        line=top + 1,
                        content=[
                            TextField.from_raw(lines[top].strip(), top + 1),
                            TextField.from_raw(lines[below].strip(), below + 1),
                        ],
                    )
                )
                return below + 1
            attached_title = (  # ``Attachment`` over ``Paper Prepared in the Department …``
                label
                and pt.heading_shape(first) == "title"
                and not pt.is_dateline(first)
                and not pt.ENCLOSURE_LABEL.match(first)
            )
            if pt.is_sender_title(first) or pt.is_document_title(first) or attached_title:
                titles = self._title_lines(top, end)
                if titles and titles[-1][1] < end:
                    if top > begin:
                        self.read_body(begin, top, "modern")  # the page markers before it
                    self.draft.add(
                        EnclosureHead(
                            line=titles[0][1],
                            content=[TextField.from_raw(t, n) for t, n in titles],
                        )
                    )
                    return titles[-1][1]
        if not label and top < end:  # a title the rules above do not take: one line
            fld = TextField.from_raw(lines[top].strip(), top + 1)
            self.draft.add(EnclosureHead(line=top + 1, content=[fld]))
            return top + 1
        return begin

    def _read_part(self, begin: int, end: int, layout: str) -> None:
        """Read one part (the document's text or an enclosure's), a postscript after its
        signature as a part of its own."""
        lines = self.lines
        seen = False
        for i in range(begin, end):
            core = pt.shadow(lines[i]).strip()
            if seen and pt.POSTSCRIPT.match(core):
                self.read_body(begin, i, layout)
                self.draft.add(Postscript(line=i + 1))
                self.draft.seen = {Postscript}
                self._read_part(i, end, layout)
                return
            seen = seen or bool(core and not pt.PAGE_LINE.match(core))
        self.read_body(begin, end, layout)

    def _account(self, notes_start: int, raw_notes: list[RawNote]) -> dict[int, str]:
        """Claim every line the draft and the note list used; warn of any other."""
        uses = list(self.uses)
        # A block claims the lines of its runs' fields and the lines it holds itself.
        for block in self.draft.blocks:
            lines = set(block.own_lines())
            for run in block.runs():  # the walk's order, block by block
                lines.update([fld.line for fld in run])
            uses += [(line, block.role) for line in sorted(lines)]
        for raw in raw_notes:
            # The note's own line too: a bare ``-`` bullet holds none of its paragraphs.
            lines_held = {line for _, line in raw.paragraphs} | {raw.line}
            uses += [(line, "note") for line in sorted(lines_held)]
        uses += [
            (k + 1, "note-arrow")
            for k in range(notes_start, len(self.lines))
            if is_arrow_line(self.lines[k])
        ]
        result = account(self.source.lines, uses)
        for line in result.unused:
            self.warn(
                line,
                "the reader used this line for nothing; it is missing from the TEI",
                "report this page to the teikit maintainers",
                "line-unused",
            )
        for line, first, second in result.reused:
            self.warn(
                line,
                f"the reader used this line twice (as {first} and as {second})",
                "report this page to the teikit maintainers",
                "line-reused",
            )
        return result.roles

    def _title(self, layout: str) -> str:
        texts = [plain_text(f).strip() for f in self.title_fields]
        if layout == "modern" and texts:
            match = pt.MODERN_HEAD.match(texts[0]) or pt.MODERN_HEAD_SUFFIXED.match(texts[0])
            texts[0] = match.group(2) if match else texts[0]
        title = " ".join(t for t in texts if t)
        if layout == "nineteenth-century":
            # ``Mr. Dalton to Mr. Seward,``: a title run in to its dateline ends in a comma
            title = title.removesuffix(".").removesuffix(",")
        return title

    def _check_pages(self, blocks: list[Block[Inline]]) -> None:
        """Warn where a page marker repeats or goes back (each kind counts on its own)."""
        for line, message in page_sequence_faults(blocks):
            self.warn(line, message, PAGE_SEQUENCE_HINT, PAGE_SEQUENCE_CODE)

    def _check_b_numbering(self, raw_notes: list[RawNote]) -> None:
        expected = 1
        for note in raw_notes:
            if note.label.isdigit():
                if int(note.label) != expected:
                    self.warn(
                        note.line,
                        f"the note list jumps from {expected - 1} to {note.label}",
                        "check that no note was lost in the copy",
                        "note-list-order",
                    )
                expected = int(note.label) + 1

    def place_notes(self, raw_notes: list[RawNote], layout: str) -> list[Note]:
        specs: list[tuple[bool, str]] = []
        for index, raw in enumerate(raw_notes):
            first = pt.shadow(raw.paragraphs[0][0])
            is_source = layout == "modern" and index == 0 and first.startswith("Source:")
            fixed = raw.label if raw.label and raw.label[0] in SYMBOLS else ""
            specs.append((is_source, fixed))
        fields = self.draft.fields
        result = resolve(fields, specs)
        self.cost = result.cost
        notes: list[Note] = []
        for index, raw in enumerate(raw_notes):
            paragraphs: list[list[Inline]] = [
                TextField.from_raw(text, line).inlines() for text, line in raw.paragraphs
            ]
            notes.append(
                Note(
                    paragraphs=paragraphs,
                    line=raw.line,
                    label=raw.label,
                    n=result.values[index],
                    is_source=specs[index][0],
                    anchored=result.anchors[index] is not None,
                )
            )
        # Anchor each note; a note without a marker follows the previous note's anchor
        # (the list is in order of first appearance), or ends the heading.
        previous: tuple[int, int] | None = None
        head_fields = [k for k, f in enumerate(fields) if f.in_head]
        for index, anchor in enumerate(result.anchors):
            if anchor is not None:
                fld, start, stop = anchor
                fields[fld].anchors.append((start, stop, index))
                previous = (fld, stop)
                continue
            if previous is None:
                # The first note has no marker: it ends the heading, unless a later note is
                # anchored in the heading; then it goes just before that one, so that the
                # notes keep the order of the list.
                later = next((a for a in result.anchors[index + 1 :] if a is not None), None)
                if later is not None and fields[later[0]].in_head:
                    fld, offset = later[0], later[1]
                    where = f"before the next note's anchor, line {fields[fld].line}"
                else:
                    fld = head_fields[-1] if head_fields else 0
                    offset = len(fields[fld].text)
                    where = "after the previous note's anchor (the end of the heading)"
            else:
                fld, offset = previous
                where = f"after the previous note's anchor (line {fields[fld].line})"
            previous = (fld, offset)
            fields[fld].anchors.append((offset, offset, index))
            self.warn(
                raw_notes[index].line,
                f"note {notes[index].n} has no marker in the text; placed it {where}",
                "check the marker in the text, or use --strict to refuse",
                "note-unanchored",
            )
        for fld, message in result.assumptions:
            self.warn(fields[fld].line, message, "check the note numbers", "marker-assumed")
        if result.ambiguous:
            at = fields[result.ambiguous_at].line if result.ambiguous_at is not None else None
            self.warn(
                at,
                "the note markers can be read in more than one way, as cheaply "
                "(the readings part here); took one of them",
                "check the notes' positions",
                "marker-ambiguous",
            )
        if raw_notes:
            for fld, run in result.unused:
                self.warn(
                    fields[fld].line,
                    f"“{run}” looks like a note marker but no listed "
                    "note is left for it; kept it as text",
                    "check that the note list was copied whole",
                    "marker-unused",
                )
        elif result.unused:
            self._warn_markers_without_notes(result.unused)
        return notes

    def _warn_markers_without_notes(self, unused: list[tuple[int, str]]) -> None:
        fields = self.draft.fields
        fld, run = unused[0]
        where = fields[fld]
        if where.in_head and where.text.rstrip().endswith(run):
            message = (
                f"the title ends in “{run}”, which looks like a note marker, but the "
                "page has no note list"
            )
        else:
            message = f"“{run}” looks like a note marker, but the page has no note list"
        if len(unused) > 1:
            message += f" ({len(unused) - 1} more such)"
        self.warn(
            where.line,
            message + "; kept the text as it is",
            "copy the footnotes with the page, if it has them",
            "markers-without-notes",
        )

    def materialize(self) -> list[Block[Inline]]:
        """The drafted blocks with their fields turned into inline content (the notes placed
        by now); a page break that opens a block's text stands between blocks."""
        blocks: list[Block[Inline]] = []
        for draft in self.draft.blocks:
            separator = draft.line_separator()

            def inlines(run: list[TextField], separator: Inline = separator) -> list[Inline]:
                result: list[Inline] = []
                for k, fld in enumerate(run):
                    if k:
                        result.append(separator)
                    result.extend(fld.inlines())
                return result

            block = convert_runs(draft, inlines)
            if isinstance(block, TextBlock) and not isinstance(block, Head):
                content = block.content
                while content and isinstance(content[0], PageBreak):
                    opening = content.pop(0)
                    assert isinstance(opening, PageBreak)
                    blocks.append(PageBreakBlock(line=block.line, page=opening))
            blocks.append(block)
        return blocks


def read_document(source: SourceText) -> tuple[Document, list[Problem]]:
    """Read a decoded page text into the document model.

    Args:
        source: the decoded input.

    Returns:
        The document, and the warnings met while reading it.

    Raises:
        InputError: when the text has no recognisable document heading.
    """
    lines = source.lines
    style = block_style(lines)
    end = len(lines)
    while end > 0 and not lines[end - 1].strip():
        end -= 1
    candidates = split_notes_a(lines, end) if style == "A" else [split_notes_b(lines, end)]
    split_unsure = len(candidates) > 1
    if split_unsure and sum(len(line) for line in lines) > MAX_CHARS_FOR_SPLITS:
        candidates = candidates[:1]  # a huge page: one reading, all trailing bullets notes
    best: tuple[float, int, Document, list[Problem]] | None = None
    error: InputError | None = None
    for order, (notes_start, raw_notes) in enumerate(candidates):
        reader = _Reader(source, style)
        try:
            document = reader.read(notes_start, raw_notes)
        except InputError as exc:
            error = error or exc
            continue
        # Each later candidate leaves one more trailing bullet in the body, which costs:
        # more than a set-off marker, less than a note without any marker.
        score = reader.cost + order * COST_BULLET_IN_BODY
        if best is None or score < best[0] - 1e-9:
            best = (score, order, document, reader.warnings)
    if best is None:
        assert error is not None
        raise error
    _, order, document, warnings = best
    if split_unsure:
        count = len(document.notes)
        warnings.append(
            Problem(
                source.name,
                document.notes[0].line if count else None,
                "the footnote bullets carry no return arrow (↩); took the "
                f"last {count} bullet{'s' if count != 1 else ''} as the "
                "notes, the split that fits the markers in the text best",
                "check where the note list begins",
                "notes-split",
            )
        )
    return document, warnings
