"""Write the document body: one ``div type="document"`` modelled on the FRUS encoding."""

from __future__ import annotations

from lxml import etree

from teikit.reader.model import Block, Document, Inline, LineBreak, Note, NoteRef, PageBreak
from teikit.tei.ids import IdRegistry, marker_name, page_id
from teikit.tei.names import XML_ID, sub, tei


class _Writer:
    def __init__(self, document: Document, doc_id: str) -> None:
        self.document = document
        self.doc_id = doc_id
        self.ids = IdRegistry()

    # -- inline content -------------------------------------------------------------------

    def _append_text(self, parent: etree._Element, text: str) -> None:
        if not text:
            return
        if len(parent):
            last = parent[-1]
            last.tail = (last.tail or "") + text
        else:
            parent.text = (parent.text or "") + text

    def _strip_trailing_space(self, parent: etree._Element) -> None:
        # No white space before a note: the marker was glued to the word before it.
        if len(parent):
            last = parent[-1]
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

    def block(self, div: etree._Element, block: Block) -> None:
        kind = block.kind
        if kind == "pagebreak":
            assert block.page is not None
            self.pagebreak(div, block.page)
        elif kind == "head":
            self.inlines(sub(div, "head"), block.content)
        elif kind == "source-inline":
            self.inlines(sub(div, "note", rend="inline", type="source"), block.content)
        elif kind == "identifier":
            p = sub(div, "p", rend="flushleft")
            self.inlines(sub(p, "idno", type="document-identifier"), block.content)
        elif kind == "classification":
            p = sub(div, "p", rend="flushleft")
            seg = sub(p, "seg", type="classification")
            if block.smallcaps:
                seg.set("rend", "smallcaps")
            self.inlines(seg, block.content)
        elif kind == "heading":
            p = sub(div, "p", rend="sectiontitle")
            self.inlines(sub(p, "hi", rend="smallcaps") if block.smallcaps else p,
                         block.content)
        elif kind == "paragraph":
            self.inlines(sub(div, "p"), block.content)
        elif kind == "closer":
            self.inlines(sub(sub(div, "closer"), "signed"), block.content)
        elif kind in ("subject", "list"):
            self.list_block(div, block)
        else:  # pragma: no cover - the model has no other kinds
            raise ValueError(f"unknown block kind {kind}")

    def list_block(self, div: etree._Element, block: Block) -> None:
        element = sub(div, "list")
        if block.kind == "subject":
            element.set("type", "subject")
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
        for block in document.blocks:
            self.block(div, block)
        return div


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
