"""Read one page text into a :class:`~teikit.reader.model.Document`.

The steps, in order: tell the block rendering (style A or B), split off the trailing note
list, read the heading region, classify the body lines into blocks, then find the note
markers in all of it.

The heading region has four shapes:

- 1955 and later: ``NNN. Title`` on the first line;
- 1943–54: a source line (or none), ``No. NNN``, then the title over one or more lines;
- 1920s–54 telegrams and despatches: a source line (``711.61/4–1249: Telegram``,
  ``862.5/7–1447``, ``White House Files: Telegram``), then a sender-to-recipient title with
  no ``No.`` line;
- 1860s–1910s: ``Mr. Harlow to Mr. Pell.``, perhaps the despatch's own ``No. 214.]``.

The furniture around the body is read in a fixed order. At the top: identifier and
classification lines (older layouts), a dateline (one or two lines), ``Subject``/
``Participants`` lists, a salutation line. At the bottom, scanning back from the notes: a
signature (``Dulles``, ``(Signed) …``, ``(Sgd.) …``, ``J. R. Harlow.``) or ``[File copy not
signed]``, and the closing phrase before it (``Sincerely yours,``, ``I have, etc.,``).

Where a style-A page gives its notes without return arrows, every plausible split of the
trailing bullets is read, and the one whose markers fit best is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from teikit.errors import InputError, Problem
from teikit.reader import patterns as pt
from teikit.reader.fields import TextField
from teikit.reader.markers import SYMBOLS, resolve
from teikit.reader.model import Block, Document, Inline, LineBreak, ListItem, Note, PageBreak
from teikit.reader.notelist import (
    B_NOTE,
    RawNote,
    is_arrow_line,
    is_label,
    split_notes_a,
    split_notes_b,
    strip_arrow,
)
from teikit.textsource import SourceText


@dataclass
class _Draft:
    """Blocks whose text is still in :class:`TextField` form, before markers are placed."""

    blocks: list[Block] = field(default_factory=list)
    fields: list[TextField] = field(default_factory=list)
    # For each block (same index), the fields of its content / items (label, content).
    content: list[list[TextField]] = field(default_factory=list)
    items: list[list[tuple[TextField | None, TextField]]] = field(default_factory=list)
    roles: list[list[str] | None] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)  # the kinds of block added so far

    def add(self, block: Block, content: list[TextField] | None = None,
            items: list[tuple[TextField | None, TextField]] | None = None,
            roles: list[str] | None = None) -> None:
        self.blocks.append(block)
        self.kinds.add(block.kind)
        self.content.append(content or [])
        self.items.append(items or [])
        self.roles.append(roles)
        for fld in content or []:
            self.fields.append(fld)
        for label, body in items or []:
            if label is not None:
                self.fields.append(label)
            self.fields.append(body)


def _nonblank(lines: list[str], start: int) -> int:
    while start < len(lines) and not lines[start].strip():
        start += 1
    return start


def _style(lines: list[str]) -> str:
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if not filled:
        return "A"
    first, last = filled[0], filled[-1]
    if any(not lines[i].strip() for i in range(first, last)):
        return "B"
    # No blank lines, but the page ends with an indented "  1. …" note list: style B too.
    return "B" if last > first and B_NOTE.match(lines[last]) else "A"


def _plain(fld: TextField) -> str:
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
_SMALL_END = re.compile(r"\b(?:the|of|to|by|for|and|in|on|at|with|from|a|an)$")


class _Reader:
    def __init__(self, source: SourceText, style: str) -> None:
        self.source = source
        self.lines = list(source.lines)
        self.name = source.name
        self.style = style
        self.warnings: list[Problem] = list(source.warnings)
        self.draft = _Draft()
        self.title_fields: list[TextField] = []
        self.cost = 0.0
        self._front_next = 0  # the line after an opening line _front_line has read

    def warn(self, line: int | None, message: str, hint: str, code: str) -> None:
        self.warnings.append(Problem(self.name, line, message, hint, code))

    def fail(self, line: int | None, message: str, hint: str, code: str) -> InputError:
        return InputError(Problem(self.name, line, message, hint, code))

    # -- the heading region -------------------------------------------------------------

    def read_head(self, end: int) -> tuple[int, int | None, str, str | None]:
        """Return (next line index, number, layout, source line)."""
        lines = self.lines
        top = _nonblank(lines, 0)
        if top >= end:
            raise self.fail(None, "no document text before the note list",
                            "give the text of one FRUS document", "no-title")
        first = pt.shadow(lines[top]).strip()
        # The heading starts the line: an indented "  1. …" is a note-list line, not a title.
        match = pt.MODERN_HEAD.match(pt.shadow(lines[top]).rstrip())
        if match:
            head = TextField.from_raw(lines[top].strip(), top + 1, in_head=True)
            self.draft.add(Block("head", line=top + 1), [head])
            self.title_fields = [head]
            return top + 1, int(match.group(1)), "modern", None
        number_line = self._older_number_line(top, end)
        if number_line is not None:
            source_line = self._source_block(top, number_line) if number_line > top else None
            number_text = pt.shadow(lines[number_line]).strip()
            number_match = pt.OLDER_NUMBER.match(number_text)
            assert number_match is not None
            titles = self._title_lines(number_line + 1, end)
            if not titles:
                raise self.fail(number_line + 1, f"'{number_text}' is not followed by a title",
                                "the line after 'No. NNN' should name the document",
                                "no-title")
            self._head_block(number_line, lines[number_line].strip(), titles)
            return titles[-1][1], int(number_match.group(1)), "older", source_line
        if pt.is_sender_title(first) and (titles := self._title_lines(top, end)):
            self._head_block(None, None, titles)
            return titles[-1][1], None, "nineteenth-century", None
        if pt.is_source_line(first):
            source_line = self._source_block(top, top + 1)
            titles = self._title_lines(top + 1, end)
            if not titles or not (pt.front_title_shape(titles[0][0])
                                  or pt.is_sender_title(titles[0][0])):
                line = titles[0][1] if titles else top + 2
                raise self.fail(line, "the source line is not followed by a title (such as "
                                "'The Secretary of State to the Embassy in France')",
                                "check that the whole document page was copied", "no-title")
            self._head_block(None, None, titles)
            return titles[-1][1], None, "older", source_line
        raise self.fail(top + 1, "no recognisable title: the first line should read "
                        "'NNN. Title' (1955 and later volumes), or be a source line followed "
                        "by 'No. NNN' or by the title (older volumes), or a title such as "
                        "'Mr. Harlow to Mr. Pell.' (1861–1910s)",
                        "check that the whole document page was copied", "no-title")

    def _older_number_line(self, top: int, end: int) -> int | None:
        lines = self.lines
        probe, seen = top, 0
        while probe < end and seen < 3:
            if lines[probe].strip():
                if pt.OLDER_NUMBER.match(pt.shadow(lines[probe]).strip()):
                    break
                seen += 1
            probe += 1
        else:
            return None
        if probe >= end:
            return None
        if any(pt.BULLET_A.match(lines[i]) or pt.BULLET_B.match(lines[i])
               or pt.PAGE_LINE.match(lines[i].strip()) for i in range(top, probe)):
            return None  # a bullet or page marker is no source line
        return probe

    def _source_block(self, top: int, stop: int) -> str:
        parts = [self.lines[i].strip() for i in range(top, stop) if self.lines[i].strip()]
        if len(parts) > 1:
            self.warn(top + 1, "the source line runs over several lines; joined them", "",
                      "source-lines")
        source_line = " ".join(parts)
        fld = TextField.from_raw(source_line, top + 1)
        fld.searchable = False
        self.draft.add(Block("source-inline", line=top + 1), [fld])
        return source_line

    def _head_block(self, number_line: int | None, number_text: str | None,
                    titles: list[tuple[str, int]]) -> None:
        fields = []
        if number_line is not None and number_text is not None:
            fields.append(TextField.from_raw(number_text, number_line + 1, in_head=True))
        title_fields = [TextField.from_raw(t, n, in_head=True) for t, n in titles]
        self.title_fields = title_fields
        first_line = number_line + 1 if number_line is not None else titles[0][1]
        self.draft.add(Block("head", line=first_line), fields + title_fields)

    def _title_lines(self, start: int, end: int) -> list[tuple[str, int]]:
        """The title's lines from ``start``: one block in style B; in style A a line and the
        short lines that continue it."""
        lines = self.lines
        style_b = self.style == "B"
        i = start
        title: list[tuple[str, int]] = []
        while i < end:
            raw = lines[i]
            text = raw.strip()
            if not text:
                if style_b and title:
                    break
                i += 1
                continue
            core = pt.shadow(text)
            if title and (not style_b) and not self._title_continues(title[-1][0], text):
                break
            if (pt.PAGE_LINE.match(core) or pt.is_identifier(core)
                    or pt.is_classification(core) or pt.SUBJECT.match(core)
                    or pt.list_head(core) or pt.is_dateline(core) or pt.is_salute(core)
                    or pt.DESPATCH_NUMBER.match(core)
                    or pt.BULLET_B.match(raw) or pt.BULLET_A.match(raw)):
                break
            if title and pt.DATELINE_PLACE.match(core) and self._dateline_follows(i, end):
                break
            title.append((text, i + 1))
            i += 1
        return title

    @staticmethod
    def _title_continues(previous: str, text: str) -> bool:
        # Style A has no blank lines: a title line is continued when it ends in a small word
        # (``Memorandum of Conversation, by the``), or by a short capitalised line when it
        # has neither end punctuation nor a note marker.
        previous = pt.shadow(previous).rstrip()
        if pt.strip_trailing_marker(previous) != previous:
            return False
        if _SMALL_END.search(previous):
            return True
        if previous[-1:] in ".:;,":
            return False
        return len(text.split()) <= 3 and text[:1].isupper()

    def _dateline_follows(self, i: int, end: int) -> bool:
        nxt = _nonblank(self.lines, i + 1) if self.style == "A" else i + 1
        return nxt < end and bool(self.lines[nxt].strip()) and \
            pt.is_dateline(self.lines[nxt].strip())

    # -- the bottom: closing and signature ------------------------------------------------

    def find_closer(self, start: int, end: int) -> dict[int, str]:
        """Find the closer's lines, scanning back from the end of the body."""
        lines = self.lines
        body = [n for n in range(start, end) if lines[n].strip()
                and not pt.PAGE_LINE.match(pt.shadow(lines[n]).strip())]
        if len(body) < 2:
            return {}
        last = body[-1]
        raw = lines[last]
        if pt.BULLET_A.match(raw) or pt.BULLET_B.match(raw):
            return {}
        text = pt.shadow(raw).strip()
        previous = pt.shadow(lines[body[-2]]).strip()
        roles: dict[int, str] = {}
        if pt.NOT_SIGNED.match(text):
            roles[last] = "text"
        elif pt.is_closing(text):
            roles[last] = "salute"
            return roles
        elif pt.looks_like_signature(text) and not pt.is_salute(text) \
                and not pt.list_head(text):
            if text.endswith(".") and not pt.is_closing(previous) \
                    and not re.search(r"\b[A-Z]\.", text):
                return {}  # ``Full Text Follows.``: a sentence, unless a closing precedes it
            roles[last] = "signed"
        else:
            return {}
        if len(body) >= 3 and pt.is_closing(previous):
            roles[body[-2]] = "salute"
        return roles

    # -- front matter and the body ------------------------------------------------------

    def read_body(self, start: int, end: int, layout: str) -> None:
        lines = self.lines
        closer = self.find_closer(start, end)
        i = start
        front = True  # before the first paragraph: the document's opening furniture
        pending: tuple[str, str, int] | None = None  # a list head waiting for its bullets
        while i < end:
            raw = lines[i]
            text = raw.strip()
            lineno = i + 1
            if not text:
                i += 1
                continue
            core = pt.shadow(text)
            page = pt.PAGE_LINE.match(core)
            if page:
                kind = (page.group(1) or "").lower()
                pb = PageBreak(page.group(2), kind, lineno)
                self.draft.add(Block("pagebreak", line=lineno, page=pb))
                i += 1
                continue
            bullet = pt.BULLET_B.match(raw) or pt.BULLET_A.match(raw)
            if pending is not None and not bullet:
                kind, head, head_line = pending
                self.warn(head_line, f"'{head}' is not followed by a bulleted list; kept it "
                          "as a paragraph", "", f"{kind}-empty")
                self.draft.add(Block("paragraph", line=head_line),
                               [TextField.from_raw(lines[head_line - 1].strip(), head_line)])
                pending = None
            if i in closer and not self._has_paragraph():
                closer = {}  # nothing before it but the opening: no closer (TEI wants a block)
            if i in closer:
                order = sorted(closer)
                fields = [TextField.from_raw(lines[n].strip(), n + 1) for n in order]
                self.draft.add(Block("closer", line=lineno), fields,
                               roles=[closer[n] for n in order])
                i = order[-1] + 1
                continue
            heading = pt.list_head(core) if front else None
            if heading:
                kind, head, rest = heading
                if rest:
                    item = TextField.from_raw(text[text.index(":") + 1 :].strip(), lineno)
                    self.draft.add(Block(kind, line=lineno, head=head),  # type: ignore[arg-type]
                                   items=[(None, item)])
                else:
                    pending = (kind, head, lineno)
                i += 1
                continue
            if bullet:
                i = self.read_list(i, end, front, pending, closer)
                pending = None
                continue
            fld = TextField.from_raw(text, lineno)
            if front and self._front_line(i, end, fld, layout, closer):
                i = self._front_next
                continue
            shape = pt.heading_shape(fld.text)
            if not shape and front and layout == "older":
                # Before the first paragraph of an older document, a line without end
                # punctuation is the paper's own title (``Relations Between …: their …``).
                shape = pt.front_title_shape(fld.text)
            if shape:
                self.draft.add(Block("heading", line=lineno, smallcaps=shape == "smallcaps"),
                               [fld])
            else:
                front = False
                self.draft.add(Block("paragraph", line=lineno), [fld])
            i += 1
        if pending is not None:
            kind, head, head_line = pending
            self.draft.add(Block("paragraph", line=head_line),
                           [TextField.from_raw(lines[head_line - 1].strip(), head_line)])

    def _front_line(self, i: int, end: int, fld: TextField, layout: str,
                    closer: dict[int, str]) -> bool:
        """Read an opening line (despatch number, dateline, salutation, identifier,
        classification); set ``_front_next`` and return True when the line is one."""
        lineno = i + 1
        core = pt.shadow(fld.text).strip()
        kinds = self.draft.kinds
        self._front_next = i + 1
        if layout != "modern" and pt.DESPATCH_NUMBER.match(core) and not kinds & {
                "despatch", "dateline", "paragraph", "list", "subject", "participants"}:
            self.draft.add(Block("despatch", line=lineno), [fld])
            return True
        if "dateline" not in kinds and not kinds & {"paragraph", "list"}:
            if pt.DATELINE_PLACE.match(core) and self._dateline_follows(i, end):
                nxt = _nonblank(self.lines, i + 1)
                if nxt not in closer:
                    second = TextField.from_raw(self.lines[nxt].strip(), nxt + 1)
                    self.draft.add(Block("dateline", line=lineno), [fld, second])
                    self._front_next = nxt + 1
                    return True
            if pt.is_dateline(core):
                self.draft.add(Block("dateline", line=lineno), [fld])
                return True
        if pt.is_salute(core) and "salute" not in kinds:
            self.draft.add(Block("salute", line=lineno), [fld])
            return True
        if layout == "older" and pt.is_identifier(fld.text) and not fld.breaks:
            fld.searchable = False  # an identifier holds no note (TEI idno has text only)
            self.draft.add(Block("identifier", line=lineno), [fld])
            return True
        if layout == "older" and pt.is_classification(core):
            self.draft.add(Block("classification", line=lineno,
                                 smallcaps=core == core.lower()), [fld])
            return True
        return False

    def read_list(self, i: int, end: int, front: bool, pending: tuple[str, str, int] | None,
                  closer: dict[int, str]) -> int:
        lines = self.lines
        entries: list[tuple[str, int]] = []
        while i < end and i not in closer:
            raw = lines[i]
            if not raw.strip():
                i += 1
                continue
            match = pt.BULLET_B.match(raw) or pt.BULLET_A.match(raw)
            if not match:
                break
            entry, arrow = strip_arrow(match.group(1).strip())
            if arrow:
                self.warn(i + 1, "a footnote bullet (ending ↩) stands before the end of the "
                          "text; kept it as a list item", "move the note list to the end",
                          "note-in-text")
            entries.append((entry, i + 1))
            i += 1
        items: list[tuple[TextField | None, TextField]] = []
        k = 0
        while k < len(entries):
            text, lineno = entries[k]
            if is_label(text) and k + 1 < len(entries) and not is_label(entries[k + 1][0]):
                label = TextField.from_raw(text, lineno)
                body = TextField.from_raw(entries[k + 1][0], entries[k + 1][1])
                items.append((label, body))
                k += 2
                continue
            items.append((None, TextField.from_raw(text, lineno)))
            k += 1
        kind, head, line = "list", None, entries[0][1]
        if pending is not None:
            kind, head, line = pending
        elif front and not self._has_paragraph():
            kind = "subject"
        # A list is labelled throughout or not at all (as TEI has it): a run of bullets that
        # changes between the two is several lists.
        start = 0
        for k in range(1, len(items) + 1):
            if k == len(items) or (items[k][0] is None) != (items[start][0] is None):
                self.draft.add(Block(kind, line=line, head=head),  # type: ignore[arg-type]
                               items=items[start:k])
                kind, head, line = "list", None, items[k][1].line if k < len(items) else 0
                start = k
        return i

    def _has_paragraph(self) -> bool:
        return bool(self.draft.kinds & {"paragraph", "list", "heading", "subject",
                                        "participants"})

    # -- the whole document -------------------------------------------------------------

    def read(self, notes_start: int, raw_notes: list[RawNote]) -> Document:
        lines = self.lines
        for index in range(notes_start):
            if is_arrow_line(lines[index]):
                self.warn(index + 1, "a return arrow (↩) stands alone outside the note list; "
                          "dropped it", "it is the web page's link back, not text",
                          "stray-arrow")
                lines[index] = ""
        if self.style == "B":
            self._check_b_numbering(raw_notes)
        body_start, number, layout, source_line = self.read_head(notes_start)
        self.read_body(body_start, notes_start, layout)
        notes = self.place_notes(raw_notes, layout)
        blocks = self.materialize()
        self._check_pages(blocks)
        title = self._title(layout)
        kind = "editorial-note" if title.strip().lower() == "editorial note" else \
            "historical-document"
        if kind == "historical-document" and layout == "modern" and not (
                notes and notes[0].is_source):
            self.warn(1, "no source note: the first footnote of a 1955+ document normally "
                      "begins 'Source:'", "check that the note list was copied whole",
                      "no-source-note")
        return Document(number=number, title=title, layout=layout,  # type: ignore[arg-type]
                        style=self.style, blocks=blocks, notes=notes,  # type: ignore[arg-type]
                        source_line=source_line, kind=kind)  # type: ignore[arg-type]

    def _title(self, layout: str) -> str:
        texts = [_plain(f).strip() for f in self.title_fields]
        if layout == "modern" and texts:
            match = pt.MODERN_HEAD.match(texts[0])
            texts[0] = match.group(2) if match else texts[0]
        title = " ".join(t for t in texts if t)
        if layout == "nineteenth-century":
            title = title.removesuffix(".")
        return title

    def _check_pages(self, blocks: list[Block]) -> None:
        """Warn where a page marker repeats or goes back (each kind counts on its own)."""
        last: dict[str, int] = {}
        for block in blocks:
            found = [block.page] if block.page is not None else []
            for content in [block.content, *(i.content for i in block.items),
                            *(c for _, c in block.parts)]:
                found += [x for x in content if isinstance(x, PageBreak)]
            for pb in found:
                if not pb.n.isdigit():
                    continue
                before = last.get(pb.kind)
                if before is not None and int(pb.n) <= before:
                    label = f"{pb.kind.title()} Page" if pb.kind else "Page"
                    self.warn(pb.line, f"[{label} {pb.n}] comes after page {before}: page "
                              "markers should go up; kept it where it stands",
                              "check that no part of the page was pasted twice",
                              "page-sequence")
                last[pb.kind] = max(int(pb.n), before or 0)

    def _check_b_numbering(self, raw_notes: list[RawNote]) -> None:
        expected = 1
        for note in raw_notes:
            if note.label.isdigit():
                if int(note.label) != expected:
                    self.warn(note.line, f"the note list jumps from {expected - 1} to "
                              f"{note.label}", "check that no note was lost in the copy",
                              "note-list-order")
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
            notes.append(Note(paragraphs=paragraphs, line=raw.line, label=raw.label,
                              n=result.values[index], is_source=specs[index][0],
                              anchored=result.anchors[index] is not None))
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
                target = head_fields[-1] if head_fields else 0
                previous = (target, len(fields[target].text))
            fld, offset = previous
            fields[fld].anchors.append((offset, offset, index))
            where = "the end of the heading" if fields[fld].in_head and index == 0 else \
                f"line {fields[fld].line}"
            self.warn(raw_notes[index].line, f"note {notes[index].n} has no marker in the "
                      f"text; placed it after the previous note's anchor ({where})",
                      "check the marker in the text, or use --strict to refuse",
                      "note-unanchored")
        for fld, message in result.assumptions:
            self.warn(fields[fld].line, message, "check the note numbers", "marker-assumed")
        if result.ambiguous:
            at = fields[result.ambiguous_at].line if result.ambiguous_at is not None else None
            self.warn(at, "the note markers can be read in more than one way, as cheaply "
                      "(the readings part here); took one of them",
                      "check the notes' positions", "marker-ambiguous")
        if raw_notes:
            for fld, run in result.unused:
                self.warn(fields[fld].line, f"“{run}” looks like a note marker but no listed "
                          "note is left for it; kept it as text",
                          "check that the note list was copied whole", "marker-unused")
        elif result.unused:
            self._warn_markers_without_notes(result.unused)
        return notes

    def _warn_markers_without_notes(self, unused: list[tuple[int, str]]) -> None:
        fields = self.draft.fields
        fld, run = unused[0]
        where = fields[fld]
        if where.in_head and where.text.rstrip().endswith(run):
            message = f"the title ends in “{run}”, which looks like a note marker, but the " \
                      "page has no note list"
        else:
            message = f"“{run}” looks like a note marker, but the page has no note list"
        if len(unused) > 1:
            message += f" ({len(unused) - 1} more such)"
        self.warn(where.line, message + "; kept the text as it is",
                  "copy the footnotes with the page, if it has them", "markers-without-notes")

    def materialize(self) -> list[Block]:
        blocks: list[Block] = []
        draft = self.draft
        for block, content, items, roles in zip(draft.blocks, draft.content, draft.items,
                                                draft.roles, strict=True):
            if content and roles is not None:
                block.parts = [(role, fld.inlines()) for role, fld in zip(roles, content,
                                                                         strict=True)]
            elif content:
                inlines: list[Inline] = []
                for k, fld in enumerate(content):
                    if k:
                        inlines.append(LineBreak())
                    inlines.extend(fld.inlines())
                # A page break that opens a block stands between blocks.
                while block.kind != "head" and inlines and isinstance(inlines[0], PageBreak):
                    blocks.append(Block("pagebreak", line=block.line, page=inlines.pop(0)))
                block.content = inlines
            if items:
                block.items = [ListItem(body.inlines(), label.inlines() if label else None,
                                        body.line) for label, body in items]
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
    style = _style(lines)
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
        warnings.append(Problem(source.name, document.notes[0].line if count else None,
                                "the footnote bullets carry no return arrow (↩); took the "
                                f"last {count} bullet{'s' if count != 1 else ''} as the "
                                "notes, the split that fits the markers in the text best",
                                "check where the note list begins", "notes-split"))
    return document, warnings
