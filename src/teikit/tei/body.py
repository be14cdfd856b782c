"""Write the document body: one ``div type="document"`` modelled on the FRUS encoding.

The opening furniture that TEI keeps in an ``opener`` (a despatch number, a dateline, a
salutation line) is written there, with the identifier and classification lines that come
before it, one line after another separated by ``lb``; without such furniture the
classification and identifier lines stay flush-left paragraphs. A dateline or salutation
after the first paragraph or list is a flush-left paragraph, as the Office of the Historian
writes a salutation (TEI allows an opener only before the first paragraph). A block
quotation that a paragraph introduces (the quoted paragraphs after it) is nested at that
paragraph's end, ``<quote rend="blockquote">``, with the page breaks between its paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lxml import etree

from teikit.reader.model import (
    BEFORE_BODY,
    HEADING,
    OPENER_PARTS,
    OPENER_RUN,
    Block,
    BlockBase,
    Classification,
    Closer,
    Dateline,
    Despatch,
    Document,
    EditorsLine,
    Enclosure,
    EnclosureHead,
    Head,
    Heading,
    Identifier,
    Inline,
    ItemList,
    LineBreak,
    Note,
    NoteRef,
    PageBreak,
    PageBreakBlock,
    Paragraph,
    ParticipantList,
    PlainList,
    Postscript,
    QuotedParagraph,
    Salute,
    SourceInline,
    SubjectList,
    TextBlock,
)
from teikit.tei.ids import IdRegistry, marker_name, page_id
from teikit.tei.names import XML_ID, sub, tei

_RUN_GAP = re.compile(r"(\s{2,})")


class _Writer:
    def __init__(self, document: Document, doc_id: str) -> None:
        self.document = document
        self.doc_id = doc_id
        self.ids = IdRegistry()

    # -- inline content -------------------------------------------------------------------

    @staticmethod
    def _last_child(parent: etree._Element) -> etree._Element | None:
        # lxml counts children one by one: len(parent) on an element with many children (a
        # title of thousands of lines) would make writing quadratic.
        return next(parent.iterchildren(reversed=True), None)

    def _append_text(self, parent: etree._Element, text: str) -> None:
        if not text:
            return
        last = self._last_child(parent)
        if last is not None:
            last.tail = (last.tail or "") + text
        else:
            parent.text = (parent.text or "") + text

    def _strip_trailing_space(self, parent: etree._Element) -> None:
        # No white space before a note: the marker was glued to the word before it.
        last = self._last_child(parent)
        if last is not None:
            if last.tail:
                last.tail = last.tail.rstrip() or None
        elif parent.text:
            parent.text = parent.text.rstrip() or None

    def inlines(self, parent: etree._Element, content: list[Inline]) -> None:
        for item in content:
            if isinstance(item, str):
                self._append_text(parent, item)
            elif isinstance(item, NoteRef):
                self._strip_trailing_space(parent)
                self.note(parent, self.document.notes[item.index])
            elif isinstance(item, PageBreak):
                self.pagebreak(parent, item)
            elif isinstance(item, LineBreak):
                sub(parent, "lb")

    def note(self, parent: etree._Element, note: Note) -> None:
        wanted = f"{self.doc_id}fn{marker_name(note.n)}"
        element = sub(parent, "note", n=note.n, xml_id=self.ids.claim(wanted))
        if note.is_source:
            element.set("type", "source")
        if not note.anchored:
            # The text shows no marker for this note: its place is the reader's inference.
            element.set("anchored", "false")
        if len(note.paragraphs) == 1:
            self.inlines(element, note.paragraphs[0])
        else:
            for paragraph in note.paragraphs:
                self.inlines(sub(element, "p"), paragraph)

    def pagebreak(self, parent: etree._Element, pb: PageBreak) -> None:
        element = sub(parent, "pb", n=pb.n)
        if pb.kind:
            element.set("type", pb.kind)
        element.set(XML_ID, self.ids.claim(page_id(pb.n, pb.kind)))

    # -- blocks ---------------------------------------------------------------------------

    def classification(self, parent: etree._Element, block: Classification[Inline]) -> None:
        """One ``seg`` per run of words; runs set apart by 2+ spaces stay apart."""
        seg: etree._Element | None = None

        def open_seg() -> etree._Element:
            element = sub(parent, "seg", type="classification")
            if block.smallcaps:
                element.set("rend", "smallcaps")
            return element

        for item in block.content:
            if isinstance(item, str):
                for k, part in enumerate(_RUN_GAP.split(item)):
                    if k % 2:
                        self._append_text(parent, part)
                        seg = None
                    elif part:
                        seg = seg if seg is not None else open_seg()
                        self._append_text(seg, part)
            else:
                seg = seg if seg is not None else open_seg()
                self.inlines(seg, [item])

    def opener(self, div: etree._Element, blocks: list[Block[Inline]]) -> None:
        element = sub(div, "opener")
        first = True
        broken = False  # the line is already broken (before a page break)
        for block in blocks:
            if isinstance(block, PageBreakBlock):
                if not first and not broken:
                    sub(element, "lb")  # the page marker starts the next line
                    broken = True
                self.pagebreak(element, block.page)
                continue
            if not first and not broken:
                sub(element, "lb")
            first = broken = False
            _OPENER_WRITERS[type(block)](self, element, block)

    # Each block writer appends one block of its kind to ``div`` (see _WRITERS).

    def pagebreak_block(self, div: etree._Element, block: PageBreakBlock[Inline]) -> None:
        self.pagebreak(div, block.page)

    def head(self, div: etree._Element, block: Head[Inline] | EnclosureHead[Inline]) -> None:
        self.inlines(sub(div, "head"), block.content)

    def enclosure(self, div: etree._Element, block: Enclosure[Inline]) -> None:
        if block.content:  # the label line, [Inclosure 1 in No. 72.]
            self.inlines(sub(div, "head", type="label"), block.content)

    def source_inline(self, div: etree._Element, block: SourceInline[Inline]) -> None:
        self.inlines(sub(div, "note", rend="inline", type="source"), block.content)

    def identifier(self, div: etree._Element, block: Identifier[Inline]) -> None:
        p = sub(div, "p", rend="flushleft")
        self.inlines(sub(p, "idno", type="document-identifier"), block.content)

    def classification_p(self, div: etree._Element, block: Classification[Inline]) -> None:
        self.classification(sub(div, "p", rend="flushleft"), block)

    def flushleft(self, div: etree._Element, block: TextBlock[Inline]) -> None:
        # A dateline, salutation or despatch number after the first paragraph or list: a
        # flush-left paragraph (see the module doc).
        self.inlines(sub(div, "p", rend="flushleft"), block.content)

    def heading(self, div: etree._Element, block: Heading[Inline]) -> None:
        p = sub(div, "p", rend="sectiontitle")
        self.inlines(sub(p, "hi", rend="smallcaps") if block.smallcaps else p, block.content)

    def paragraph(self, div: etree._Element, block: TextBlock[Inline]) -> None:
        # A row of points for omitted text is centred (``rend="center"``).
        centered = isinstance(block, Paragraph) and block.centered
        p = sub(div, "p", rend="center") if centered else sub(div, "p")
        self.inlines(p, block.content)

    def quotation(
        self, div: etree._Element, intro: Paragraph[Inline], quoted: list[Block[Inline]]
    ) -> None:
        """The paragraph ``intro`` with the quotation it introduces nested at its end, as
        the Office of the Historian encodes it: ``<p>…: <quote rend="blockquote"><p>…</p>
        </quote></p>``; the page breaks between the quoted paragraphs stand in the quote."""
        p = sub(div, "p")
        self.inlines(p, intro.content)
        quote = sub(p, "quote", rend="blockquote")
        for block in quoted:
            if isinstance(block, PageBreakBlock):
                self.pagebreak(quote, block.page)
            else:
                assert isinstance(block, QuotedParagraph)
                self.paragraph(quote, block)

    def blocks(self, parent: etree._Element, blocks: list[Block[Inline]], i: int) -> int:
        """Write ``blocks[i]``, with the quotation it introduces if it is a paragraph that
        introduces one; return the index of the next block to write."""
        block = blocks[i]
        end = _quotation_end(blocks, i + 1) if type(block) is Paragraph else i + 1
        if end > i + 1:
            self.quotation(parent, block, blocks[i + 1 : end])  # type: ignore[arg-type]
            return end
        self.block(parent, block)
        return i + 1

    def closer(self, div: etree._Element, block: Closer[Inline]) -> None:
        element = sub(div, "closer")
        for part in block.parts:
            if part.role == "text":
                if self._last_child(element) is not None or element.text:
                    sub(element, "lb")
                self.inlines(element, part.content)
            else:
                if part.role == "signed" and (len(element) or element.text):
                    sub(element, "lb")  # after ``For the Secretary of State:``
                self.inlines(sub(element, part.role), part.content)

    def list_block(self, div: etree._Element, block: ItemList[Inline]) -> None:
        element = sub(div, "list")
        if block.list_type is not None:
            element.set("type", block.list_type)
        elif not any(item.label for item in block.items):
            element.set("rend", "bulleted")
        if block.head:  # SUBJECT, PARTICIPANTS, or the addressees' TO
            sub(element, "head", block.head)
        for item in block.items:
            if item.label is not None:
                self.inlines(sub(element, "label"), item.label)
            self.inlines(sub(element, "item"), item.content)

    def postscript(self, div: etree._Element, block: Postscript[Inline]) -> None:
        # The opening of a postscript holds no text: part() writes the postscript element.
        pass

    def block(self, div: etree._Element, block: Block[Inline]) -> None:
        """Write one block by the writer :data:`_WRITERS` names for its kind."""
        _WRITERS[type(block)](self, div, block)

    def write(self, body: etree._Element) -> etree._Element:
        document = self.document
        div = sub(body, "div", type="document", subtype=document.kind)
        if document.number is not None:
            div.set("n", str(document.number))
        div.set(XML_ID, self.doc_id)
        parts = _split(document.blocks, Enclosure)
        if len(parts) == 1:
            self.part(div, parts[0])
            return div
        # TEI puts no division after a closer: with enclosures, the document's own text
        # after its heading is a division too (type "covering"), beside the enclosures.
        main = parts[0]
        top = 0
        while top < len(main) and isinstance(main[top], HEADING):
            top += 1
        while top > 0 and isinstance(main[top - 1], PageBreakBlock):
            top -= 1
        for block in main[:top]:
            self.block(div, block)
        self.part(sub(div, "div", type="covering"), main[top:])
        for blocks in parts[1:]:
            enclosure = sub(div, "div", type="enclosure")
            self.part(enclosure, blocks)
        return div

    def part(self, div: etree._Element, blocks: list[Block[Inline]]) -> None:
        """Write the blocks of one division, its postscripts last."""
        pieces = _split(blocks, Postscript)
        self.section(div, pieces[0])
        for piece in pieces[1:]:
            postscript = sub(div, "postscript")
            k = 1
            while k < len(piece):
                k = self.blocks(postscript, piece, k)

    def section(self, div: etree._Element, blocks: list[Block[Inline]]) -> None:
        i = 0
        before_body = True  # no paragraph or list yet: an opener may stand here
        scanned = 0  # blocks before this index are known to hold no opener run
        while i < len(blocks):
            block = blocks[i]
            if before_body and isinstance(block, OPENER_RUN) and i >= scanned:
                last = -1
                j = i
                while j < len(blocks) and isinstance(blocks[j], OPENER_RUN):
                    if isinstance(blocks[j], OPENER_PARTS):
                        last = j
                    j += 1
                scanned = j
                if last >= 0:
                    self.opener(div, blocks[i : last + 1])
                    i = last + 1
                    continue
            if not isinstance(block, BEFORE_BODY):
                before_body = False
            i = self.blocks(div, blocks, i)


#: How a writer appends one block of a kind: (writer, parent element, block).
_BlockWriter = Callable[[_Writer, etree._Element, Any], None]

#: The writer of each kind of block: every member of :data:`~teikit.reader.model.Block`.
_WRITERS: dict[type[BlockBase[Any]], _BlockWriter] = {
    Head: _Writer.head,
    SourceInline: _Writer.source_inline,
    Identifier: _Writer.identifier,
    Classification: _Writer.classification_p,
    Heading: _Writer.heading,
    Paragraph: _Writer.paragraph,
    # A quoted paragraph is written inside the quotation of the paragraph before it (see
    # _Writer.blocks); one that no paragraph introduces is a paragraph of its own.
    QuotedParagraph: _Writer.paragraph,
    Dateline: _Writer.flushleft,
    Salute: _Writer.flushleft,
    Despatch: _Writer.flushleft,
    EditorsLine: _Writer.paragraph,
    Enclosure: _Writer.enclosure,
    EnclosureHead: _Writer.head,
    PlainList: _Writer.list_block,
    SubjectList: _Writer.list_block,
    ParticipantList: _Writer.list_block,
    Closer: _Writer.closer,
    PageBreakBlock: _Writer.pagebreak_block,
    Postscript: _Writer.postscript,
}


def _opener_part(name: str, **attributes: str) -> _BlockWriter:
    """A writer of an opener line: its content in an element ``name``."""

    def write(writer: _Writer, opener: etree._Element, block: TextBlock[Inline]) -> None:
        writer.inlines(sub(opener, name, **attributes), block.content)

    return write


#: The writer of each kind of line an opener holds (a page break stands between them).
_OPENER_WRITERS: dict[type[BlockBase[Any]], _BlockWriter] = {
    Classification: _Writer.classification,
    Identifier: _opener_part("idno", type="document-identifier"),
    Despatch: _opener_part("seg", type="despatch-number"),
    EditorsLine: _opener_part("seg", type="editors"),
    Dateline: _opener_part("dateline"),
    Salute: _opener_part("salute"),
}


def _quotation_end(blocks: list[Block[Inline]], start: int) -> int:
    """The index after the quoted paragraphs from ``start`` (page breaks between them
    included, those after the last left out); ``start`` when none stands there."""
    end = k = start
    while k < len(blocks) and isinstance(blocks[k], (PageBreakBlock, QuotedParagraph)):
        k += 1
        if isinstance(blocks[k - 1], QuotedParagraph):
            end = k
    return end


def _split(blocks: list[Block[Inline]], kind: type[BlockBase[Any]]) -> list[list[Block[Inline]]]:
    """The blocks before the first block of ``kind``, then each run that such a block
    opens (it stays first in its run)."""
    parts: list[list[Block[Inline]]] = [[]]
    for block in blocks:
        if isinstance(block, kind):
            parts.append([])
        parts[-1].append(block)
    return parts


def write_body(text: etree._Element, document: Document, doc_id: str) -> etree._Element:
    """Append ``<body>`` with the document div to a TEI ``<text>`` element.

    Args:
        text: the ``<text>`` element.
        document: what the reader recovered.
        doc_id: the div's id, ``d<N>``.

    Returns:
        The document ``<div>``.
    """
    body = etree.SubElement(text, tei("body"))
    return _Writer(document, doc_id).write(body)
