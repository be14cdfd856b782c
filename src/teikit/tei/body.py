"""Write the document body: one ``div type="document"`` modelled on the FRUS encoding.

The opening furniture that TEI keeps in an ``opener`` (a despatch number, a dateline, a
salutation line) is written there, with the identifier and classification lines that come
before it, one line after another separated by ``lb``; without such furniture the
classification and identifier lines stay flush-left paragraphs. A dateline or salutation
after the first paragraph or list is a flush-left paragraph, as the Office of the Historian
writes a salutation (TEI allows an opener only before the first paragraph).
"""

from __future__ import annotations

import re

from lxml import etree

from teikit.reader.model import Block, Document, Inline, LineBreak, Note, NoteRef, PageBreak
from teikit.tei.ids import IdRegistry, marker_name, page_id
from teikit.tei.names import XML_ID, sub, tei

_RUN_GAP = re.compile(r"(\s{2,})")
#: Blocks that only TEI's opener holds, and those the opener takes along before them.
_OPENER_PARTS = {"despatch", "dateline", "salute"}
_OPENER_RUN = _OPENER_PARTS | {"classification", "identifier", "pagebreak"}
#: Blocks that may stand before an opener: headings, an enclosure's label and title.
_BEFORE_BODY = {"head", "source-inline", "pagebreak", "enclosure", "enclosure-head"}


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

    def classification(self, parent: etree._Element, block: Block) -> None:
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

    def opener(self, div: etree._Element, blocks: list[Block]) -> None:
        element = sub(div, "opener")
        first = True
        for block in blocks:
            if block.kind == "pagebreak":
                assert block.page is not None
                self.pagebreak(element, block.page)
                continue
            if not first:
                sub(element, "lb")
            first = False
            if block.kind == "classification":
                self.classification(element, block)
            elif block.kind == "identifier":
                self.inlines(sub(element, "idno", type="document-identifier"), block.content)
            elif block.kind == "despatch":
                self.inlines(sub(element, "seg", type="despatch-number"), block.content)
            else:  # dateline, salute
                self.inlines(sub(element, block.kind), block.content)

    def closer(self, div: etree._Element, block: Block) -> None:
        element = sub(div, "closer")
        parts = block.parts or [("signed", block.content)]
        for role, content in parts:
            if role == "text":
                if self._last_child(element) is not None or element.text:
                    sub(element, "lb")
                self.inlines(element, content)
            else:
                self.inlines(sub(element, role), content)

    def block(self, div: etree._Element, block: Block) -> None:
        kind = block.kind
        if kind == "pagebreak":
            assert block.page is not None
            self.pagebreak(div, block.page)
        elif kind == "head":
            self.inlines(sub(div, "head"), block.content)
        elif kind == "enclosure":
            if block.content:  # the label line, [Inclosure 1 in No. 72.]
                self.inlines(sub(div, "head", type="label"), block.content)
        elif kind == "enclosure-head":
            self.inlines(sub(div, "head"), block.content)
        elif kind == "source-inline":
            self.inlines(sub(div, "note", rend="inline", type="source"), block.content)
        elif kind == "identifier":
            p = sub(div, "p", rend="flushleft")
            self.inlines(sub(p, "idno", type="document-identifier"), block.content)
        elif kind == "classification":
            self.classification(sub(div, "p", rend="flushleft"), block)
        elif kind in ("dateline", "salute", "despatch"):
            # After the first paragraph or list: a flush-left paragraph (see the module doc).
            self.inlines(sub(div, "p", rend="flushleft"), block.content)
        elif kind == "heading":
            p = sub(div, "p", rend="sectiontitle")
            self.inlines(sub(p, "hi", rend="smallcaps") if block.smallcaps else p, block.content)
        elif kind == "paragraph":
            self.inlines(sub(div, "p"), block.content)
        elif kind == "closer":
            self.closer(div, block)
        elif kind in ("subject", "participants", "list"):
            self.list_block(div, block)
        else:  # pragma: no cover - the model has no other kinds
            raise ValueError(f"unknown block kind {kind}")

    def list_block(self, div: etree._Element, block: Block) -> None:
        element = sub(div, "list")
        if block.kind in ("subject", "participants"):
            element.set("type", block.kind)
            if block.head:
                sub(element, "head", block.head)
        elif not any(item.label for item in block.items):
            element.set("rend", "bulleted")
        for item in block.items:
            if item.label is not None:
                self.inlines(sub(element, "label"), item.label)
            self.inlines(sub(element, "item"), item.content)

    def write(self, body: etree._Element) -> etree._Element:
        document = self.document
        div = sub(body, "div", type="document", subtype=document.kind)
        if document.number is not None:
            div.set("n", str(document.number))
        div.set(XML_ID, self.doc_id)
        parts = _split(document.blocks, "enclosure")
        if len(parts) == 1:
            self.part(div, parts[0])
            return div
        # TEI puts no division after a closer: with enclosures, the document's own text
        # after its heading is a division too (type "covering"), beside the enclosures.
        main = parts[0]
        top = 0
        while top < len(main) and main[top].kind in ("head", "source-inline", "pagebreak"):
            top += 1
        while top > 0 and main[top - 1].kind == "pagebreak":
            top -= 1
        for block in main[:top]:
            self.block(div, block)
        self.part(sub(div, "div", type="covering"), main[top:])
        for blocks in parts[1:]:
            enclosure = sub(div, "div", type="enclosure")
            self.part(enclosure, blocks)
        return div

    def part(self, div: etree._Element, blocks: list[Block]) -> None:
        """Write the blocks of one division, its postscripts last."""
        pieces = _split(blocks, "postscript")
        self.section(div, pieces[0])
        for piece in pieces[1:]:
            postscript = sub(div, "postscript")
            for block in piece[1:]:
                self.block(postscript, block)

    def section(self, div: etree._Element, blocks: list[Block]) -> None:
        i = 0
        before_body = True  # no paragraph or list yet: an opener may stand here
        scanned = 0  # blocks before this index are known to hold no opener run
        while i < len(blocks):
            block = blocks[i]
            if before_body and block.kind in _OPENER_RUN and i >= scanned:
                last = -1
                j = i
                while j < len(blocks) and blocks[j].kind in _OPENER_RUN:
                    if blocks[j].kind in _OPENER_PARTS:
                        last = j
                    j += 1
                scanned = j
                if last >= 0:
                    self.opener(div, blocks[i : last + 1])
                    i = last + 1
                    continue
            self.block(div, block)
            if block.kind not in _BEFORE_BODY:
                before_body = False
            i += 1


def _split(blocks: list[Block], kind: str) -> list[list[Block]]:
    """The blocks before the first block of ``kind``, then each run that such a block
    opens (it stays first in its run)."""
    parts: list[list[Block]] = [[]]
    for block in blocks:
        if block.kind == kind:
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
