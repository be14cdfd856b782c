"""Read one page text into a :class:`~teikit.reader.model.Document`.

The steps, in order: tell the block rendering (style A or B), split off the trailing note
list, read the heading region (1955+ ``NNN. Title`` or 1952–54 source line + ``No. NNN`` +
title), classify the body lines into blocks, then find the note markers in all of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from teikit.errors import InputError, Problem
from teikit.reader import patterns as pt
from teikit.reader.fields import TextField
from teikit.reader.markers import SYMBOLS, resolve
from teikit.reader.model import Block, Document, Inline, ListItem, Note, PageBreak
from teikit.reader.notelist import (
    B_NOTE,
    RETURN_ARROW,
    RawNote,
    is_label,
    split_notes_a,
    split_notes_b,
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

    def add(self, block: Block, content: list[TextField] | None = None,
            items: list[tuple[TextField | None, TextField]] | None = None) -> None:
        self.blocks.append(block)
        self.content.append(content or [])
        self.items.append(items or [])
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


class _Reader:
    def __init__(self, source: SourceText) -> None:
        self.source = source
        self.lines = source.lines
        self.name = source.name
        self.warnings: list[Problem] = list(source.warnings)
        self.draft = _Draft()

    def warn(self, line: int | None, message: str, hint: str, code: str) -> None:
        self.warnings.append(Problem(self.name, line, message, hint, code))

    def fail(self, line: int | None, message: str, hint: str, code: str) -> InputError:
        return InputError(Problem(self.name, line, message, hint, code))

    # -- the heading region -------------------------------------------------------------

    def read_head(self, end: int) -> tuple[int, int | None, str, str, str | None]:
        """Return (next line index, number, title, layout, source line)."""
        lines = self.lines
        top = _nonblank(lines, 0)
        if top >= end:
            raise self.fail(None, "no document text before the note list",
                            "give the text of one FRUS document", "no-title")
        # 1952-54 and older: a source line, then "No. NNN" within the next lines.
        probe = top
        seen = 0
        number_line = None
        while probe < end and seen < 3:
            if lines[probe].strip():
                if pt.OLDER_NUMBER.match(lines[probe].strip()):
                    number_line = probe
                    break
                seen += 1
            probe += 1
        if number_line is not None and any(
                pt.BULLET_A.match(lines[i]) or pt.BULLET_B.match(lines[i])
                or pt.PAGE_LINE.match(lines[i].strip()) for i in range(top, number_line)):
            number_line = None  # a bullet or page marker is no source line
        if number_line is not None:
            source_line = None
            if number_line > top:
                source_parts = [lines[i].strip() for i in range(top, number_line)
                                if lines[i].strip()]
                if len(source_parts) > 1:
                    self.warn(top + 1, "the source line runs over several lines; joined them",
                              "", "source-lines")
                source_line = " ".join(source_parts)
                fld = TextField.from_raw(source_line, top + 1)
                self.draft.add(Block("source-inline", line=top + 1), [fld])
            match = pt.OLDER_NUMBER.match(lines[number_line].strip())
            assert match is not None
            number = int(match.group(1))
            nxt, title = self.read_older_title(number_line, end, match.group(0))
            return nxt, number, title, "older", source_line
        # The heading starts the line: an indented "  1. …" is a note-list line, not a title.
        match = pt.MODERN_HEAD.match(lines[top].rstrip())
        if not match:
            raise self.fail(top + 1, "no recognisable title: the first line should read "
                            "'NNN. Title' (1955 and later volumes) or be a source line "
                            "followed by 'No. NNN' (older volumes)",
                            "check that the whole document page was copied", "no-title")
        head = TextField.from_raw(lines[top].strip(), top + 1, in_head=True)
        self.draft.add(Block("head", line=top + 1), [head])
        number = int(match.group(1))
        title = pt.strip_trailing_marker(match.group(2))
        return top + 1, number, title, "modern", None

    def read_older_title(self, number_line: int, end: int, number_text: str
                         ) -> tuple[int, str]:
        lines = self.lines
        style_b = self.style == "B"
        i = number_line + 1
        title_lines: list[tuple[str, int]] = []
        while i < end:
            raw = lines[i]
            text = raw.strip()
            if not text:
                if style_b and title_lines:
                    break
                i += 1
                continue
            if title_lines and (not style_b) and not self._title_continues(title_lines[-1][0],
                                                                          text):
                break
            if (pt.PAGE_LINE.match(text) or pt.is_identifier(text)
                    or pt.is_classification(text) or pt.SUBJECT.match(text)
                    or pt.BULLET_B.match(raw) or pt.BULLET_A.match(raw)):
                break
            title_lines.append((text, i + 1))
            i += 1
        if not title_lines:
            raise self.fail(number_line + 1, f"'{number_text}' is not followed by a title",
                            "the line after 'No. NNN' should name the document", "no-title")
        fields = [TextField.from_raw(number_text, number_line + 1, in_head=True)]
        fields += [TextField.from_raw(t, n, in_head=True) for t, n in title_lines]
        self.draft.add(Block("head", line=number_line + 1), fields)
        title = " ".join(pt.strip_trailing_marker(t) for t, _ in title_lines)
        return i, title

    @staticmethod
    def _title_continues(previous: str, text: str) -> bool:
        # Style A has no blank lines: a title line is continued by a short capitalised line
        # when the previous line has neither end punctuation nor a note marker.
        if pt.strip_trailing_marker(previous) != previous.rstrip():
            return False
        if previous.rstrip()[-1:] in ".:;,":
            return False
        return len(text.split()) <= 3 and text[:1].isupper()

    # -- front matter of older layouts and the body -------------------------------------

    def read_body(self, start: int, end: int, layout: str) -> None:
        lines = self.lines
        i = start
        front = True  # before the first paragraph: classification, identifiers, subject
        pending_subject_head: str | None = None
        pending_subject_line = 0
        body_lines = [(n, lines[n]) for n in range(start, end) if lines[n].strip()]
        last_index = body_lines[-1][0] if body_lines else -1
        while i < end:
            raw = lines[i]
            text = raw.strip()
            lineno = i + 1
            if not text:
                i += 1
                continue
            page = pt.PAGE_LINE.match(text)
            if page:
                kind = (page.group(1) or "").lower()
                pb = PageBreak(page.group(2), kind, lineno)
                self.draft.add(Block("pagebreak", line=lineno, page=pb))
                i += 1
                continue
            bullet = pt.BULLET_B.match(raw) or pt.BULLET_A.match(raw)
            if pending_subject_head is not None and not bullet:
                self.warn(pending_subject_line, "'Subject:' is not followed by a bulleted "
                          "subject line; kept it as a paragraph", "", "subject-empty")
                fld = TextField.from_raw(pending_subject_head, pending_subject_line)
                self.draft.add(Block("paragraph", line=pending_subject_line), [fld])
                pending_subject_head = None
            subject = pt.SUBJECT.match(text)
            if subject and front:
                if subject.group(2):
                    item = TextField.from_raw(subject.group(2), lineno)
                    self.draft.add(Block("subject", line=lineno, head=subject.group(1) + ":"),
                                   items=[(None, item)])
                else:
                    pending_subject_head = subject.group(1) + ":"
                    pending_subject_line = lineno
                i += 1
                continue
            if bullet:
                i = self.read_list(i, end, front, pending_subject_head, pending_subject_line)
                pending_subject_head = None
                continue
            fld = TextField.from_raw(text, lineno)
            if front and layout == "older" and pt.is_identifier(fld.text):
                self.draft.add(Block("identifier", line=lineno), [fld])
            elif front and layout == "older" and pt.is_classification(fld.text):
                self.draft.add(Block("classification", line=lineno,
                                     smallcaps=fld.text == fld.text.lower()), [fld])
            elif i == last_index and self._ends_document(fld.text):
                self.draft.add(Block("closer", line=lineno), [fld])
            else:
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
        if pending_subject_head is not None:
            fld = TextField.from_raw(pending_subject_head, pending_subject_line)
            self.draft.add(Block("paragraph", line=pending_subject_line), [fld])

    def _ends_document(self, text: str) -> bool:
        previous = [b for b in self.draft.blocks if b.kind != "pagebreak"]
        if not previous or previous[-1].kind in ("head", "source-inline"):
            return False
        return pt.looks_like_signature(text)

    def read_list(self, i: int, end: int, front: bool, subject_head: str | None,
                  subject_line: int) -> int:
        lines = self.lines
        entries: list[tuple[str, int]] = []
        while i < end:
            raw = lines[i]
            if not raw.strip():
                i += 1
                continue
            match = pt.BULLET_B.match(raw) or pt.BULLET_A.match(raw)
            if not match:
                break
            entry = match.group(1).strip()
            if entry.endswith(RETURN_ARROW):
                entry = entry[: -len(RETURN_ARROW)].rstrip()
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
        first_line = entries[0][1]
        if subject_head is not None or (front and not self._has_paragraph()):
            self.draft.add(Block("subject", line=subject_line or first_line, head=subject_head),
                           items=items)
        else:
            self.draft.add(Block("list", line=first_line), items=items)
        return i

    def _has_paragraph(self) -> bool:
        return any(b.kind in ("paragraph", "list", "heading", "subject")
                   for b in self.draft.blocks)

    # -- the whole document -------------------------------------------------------------

    def read(self) -> Document:
        lines = self.lines
        self.style = _style(lines)
        end = len(lines)
        while end > 0 and not lines[end - 1].strip():
            end -= 1
        if self.style == "A":
            notes_start, raw_notes = split_notes_a(lines, end)
        else:
            notes_start, raw_notes = split_notes_b(lines, end)
            self._check_b_numbering(raw_notes)
        for index in range(notes_start):
            if lines[index].strip() == RETURN_ARROW:
                self.warn(index + 1, "a return arrow (↩) stands alone outside the note list; "
                          "dropped it", "it is the web page's link back, not text",
                          "stray-arrow")
                self.lines = lines = [*lines[:index], "", *lines[index + 1:]]
        body_end, number, title, layout, source_line = self.read_head(notes_start)
        self.read_body(body_end, notes_start, layout)
        notes = self.place_notes(raw_notes, layout)
        blocks = self.materialize()
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
            first = raw.paragraphs[0][0]
            is_source = layout == "modern" and index == 0 and first.startswith("Source:")
            fixed = raw.label if raw.label and raw.label[0] in SYMBOLS else ""
            specs.append((is_source, fixed))
        fields = self.draft.fields
        result = resolve(fields, specs)
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
            self.warn(None, "the note markers can be read in more than one way; took the "
                      "first reading", "check the notes' positions", "marker-ambiguous")
        for fld, run in result.unused:
            if raw_notes or any(c in SYMBOLS for c in run):
                self.warn(fields[fld].line, f"“{run}” looks like a note marker but no listed "
                          "note is left for it; kept it as text",
                          "check that the note list was copied whole", "marker-unused")
        return notes

    def materialize(self) -> list[Block]:
        blocks: list[Block] = []
        draft = self.draft
        for block, content, items in zip(draft.blocks, draft.content, draft.items,
                                         strict=True):
            if content:
                inlines: list[Inline] = []
                for k, fld in enumerate(content):
                    if k:
                        from teikit.reader.model import LineBreak
                        inlines.append(LineBreak())
                    inlines.extend(fld.inlines())
                # A page break that opens a block stands between blocks.
                while block.kind not in ("head",) and inlines and \
                        isinstance(inlines[0], PageBreak):
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
    reader = _Reader(source)
    document = reader.read()
    return document, reader.warnings
