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
        return (self.volume.volume_id or "", self.number if self.number is not None else -1,
                self.tei_id)


def _text(root: etree._Element, path: str) -> str | None:
    found = root.xpath(path, namespaces=_NS)
    if not found:
        return None
    node = found[0]
    value = node if isinstance(node, str) else "".join(node.itertext())
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
        (e.get("role", ""), " ".join("".join(e.itertext()).split()))
        for e in root.xpath(f"{stmt}/t:editor", namespaces=_NS)
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
    )
    div = root.find(f".//{{{TEI_NS}}}body/{{{TEI_NS}}}div[@type='document']")
    number = _int(div.get("n")) if div is not None else None
    if number is None:
        number = _int(_text(root, f"{monogr}/t:biblScope[@unit='document']/@n"))
    first = last = None
    found = root.xpath(f"{monogr}/t:biblScope[@unit='page']", namespaces=_NS)
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
