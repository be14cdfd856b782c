"""The header facts of one TEI document, as the edition's shared pages need them.

The build keeps only these small records for the pages that span documents (the edition
index, volume pages, volume files, DTS collections), never the document trees themselves,
so memory does not grow with the edition. :func:`facts_of` reads them from a TEI tree that
teikit wrote (or an editor changed); anything the header does not state is ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from teikit.tei.names import TEI_NS
from teikit.xmltypes import nsmap, text_of, xpath_elements, xpath_items

_NS = {"t": TEI_NS}


@dataclass(frozen=True)
class VolumeFacts:
    """What a document's header says of its printed volume."""

    volume_id: str | None
    complete_title: str | None = None
    series: str | None = None
    sub_series: str | None = None
    volume_number: str | None = None
    volume_title: str | None = None
    editors: tuple[tuple[str, str], ...] = ()  # (role, name) in header order
    year: str | None = None
    publisher: str | None = None
    pub_place: str | None = None


@dataclass(frozen=True)
class DocFacts:
    """One document's facts: who it is, where it sits, what it holds."""

    tei_id: str
    volume: VolumeFacts
    number: int | None
    title: str
    date_when: str | None = None
    date_text: str | None = None
    first_page: int | None = None
    last_page: int | None = None
    notes: int = 0
    pages: int = 0
    extra: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def sort_key(self) -> tuple[str, int, str]:
        """Volume, then document number, then id: the edition's reading order."""
        return (
            self.volume.volume_id or "",
            self.number if self.number is not None else -1,
            self.tei_id,
        )


def _text(root: etree._Element, path: str) -> str | None:
    found = xpath_items(root, path, _NS)
    if not found:
        return None
    node = found[0]
    value = node if isinstance(node, str) else text_of(node)
    value = " ".join(str(value).split())
    return value or None


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        return None


def facts_of(root: etree._Element, fallback_id: str = "") -> DocFacts:
    """Read a document's :class:`DocFacts` from its TEI root element.

    Args:
        root: the ``TEI`` element of one document.
        fallback_id: the id to use when the root has no ``xml:id`` (a file's stem).
    """
    stmt = "t:teiHeader/t:fileDesc/t:titleStmt"
    monogr = "t:teiHeader/t:fileDesc/t:sourceDesc/t:biblStruct/t:monogr"

    def title(kind: str) -> str | None:
        # The Office's spelling (subseries) and teikit 0.1's (sub-series) are both read.
        for spelling in dict.fromkeys((kind.replace("-", ""), kind)):
            value = _text(root, f"{stmt}/t:title[@type='{spelling}']")
            if value:
                return value
        return None

    editors = tuple(
        (e.get("role", ""), " ".join(text_of(e).split()))
        for e in xpath_elements(root, f"{stmt}/t:editor", _NS)
    )
    volume = VolumeFacts(
        volume_id=_text(root, f"{monogr}/t:idno[@type='frus']"),
        complete_title=title("complete"),
        series=title("series"),
        sub_series=title("sub-series"),
        volume_number=title("volume-number"),
        volume_title=title("volume"),
        editors=editors,
        year=_text(root, f"{monogr}/t:imprint/t:date/@when"),
        publisher=_text(root, f"{monogr}/t:imprint/t:publisher"),
        pub_place=_text(root, f"{monogr}/t:imprint/t:pubPlace"),
    )
    div = root.find(f".//{{{TEI_NS}}}body/{{{TEI_NS}}}div[@type='document']")
    number = _int(div.get("n")) if div is not None else None
    if number is None:
        number = _int(_text(root, f"{monogr}/t:biblScope[@unit='document']/@n"))
    first = last = None
    found = xpath_elements(root, f"{monogr}/t:biblScope[@unit='page']", _NS)
    if found:
        pages = found[0]
        first, last = _int(pages.get("from")), _int(pages.get("to"))
    body = root.find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body")
    notes = len(body.findall(f".//{{{TEI_NS}}}note[@n]")) if body is not None else 0
    breaks = len(body.findall(f".//{{{TEI_NS}}}pb")) if body is not None else 0
    return DocFacts(
        tei_id=root.get("{http://www.w3.org/XML/1998/namespace}id") or fallback_id,
        volume=volume,
        number=number,
        title=title("document") or "",
        date_when=_text(root, "t:teiHeader/t:profileDesc/t:creation/t:date/@when"),
        date_text=_text(root, "t:teiHeader/t:profileDesc/t:creation/t:date"),
        first_page=first,
        last_page=last,
        notes=notes,
        pages=breaks,
    )


FACTS_NS = "urn:teikit:facts"


def facts_xml(edition: list[DocFacts] | tuple[DocFacts, ...]) -> etree._Element:
    """Return the edition's facts as a small XML tree, the input of edition-wide stylesheets.

    ``<edition xmlns="urn:teikit:facts">`` holds one ``<volume id="…">`` per volume (in id
    order; documents without a volume go in one ``<volume>`` without id, last), each with
    its titles, ``<year>``, ``<publisher>`` and ``<place>`` (each when known) and editors, and
    one ``<doc>`` per document in number order.
    """
    by_volume: dict[str, list[DocFacts]] = {}
    for doc in sorted(edition, key=lambda d: d.sort_key):
        by_volume.setdefault(doc.volume.volume_id or "", []).append(doc)
    root = etree.Element(f"{{{FACTS_NS}}}edition", nsmap=nsmap(FACTS_NS))

    def el(
        parent: etree._Element, name: str, text: str | None = None, **attrs: str | None
    ) -> etree._Element:
        node = etree.SubElement(
            parent, f"{{{FACTS_NS}}}{name}", {k.replace("_", "-"): v for k, v in attrs.items() if v}
        )
        if text:
            node.text = text
        return node

    for key in sorted(by_volume, key=lambda k: (k == "", k)):
        docs = by_volume[key]
        first = docs[0].volume
        vol = el(root, "volume", id=key or None)
        for kind, value in (
            ("complete", first.complete_title),
            ("series", first.series),
            ("sub-series", first.sub_series),
            ("volume-number", first.volume_number),
            ("volume", first.volume_title),
        ):
            if value:
                el(vol, "title", value, type=kind)
        if first.year:
            el(vol, "year", first.year)
        if first.publisher:
            el(vol, "publisher", first.publisher)
        if first.pub_place:
            el(vol, "place", first.pub_place)
        for role, name in first.editors:
            el(vol, "editor", name, role=role or None)
        for doc in docs:
            el(
                vol,
                "doc",
                doc.title,
                id=doc.tei_id,
                n=None if doc.number is None else str(doc.number),
                when=doc.date_when,
                date=doc.date_text,
                from_page=None if doc.first_page is None else str(doc.first_page),
                to_page=None if doc.last_page is None else str(doc.last_page),
                notes=str(doc.notes),
                pages=str(doc.pages),
            )
    return root
