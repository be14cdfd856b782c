"""Write the ``teiHeader``: the document, its printed volume, and how this file was made."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from teikit import __version__
from teikit.catalog import FACT_LABELS, DocumentFacts, VolumeFacts
from teikit.dates import InferredDate
from teikit.dts.trees import refs_decls
from teikit.files import escape_text
from teikit.reader.model import Document
from teikit.tei.names import sub

PUBLIC_DOMAIN = "https://creativecommons.org/publicdomain/mark/1.0/"
HSG_BASE = "https://history.state.gov/historicaldocuments"

STYLE_SUBTYPES = {"A": "line-blocks", "B": "blank-line-blocks"}


@dataclass(frozen=True)
class HeaderFacts:
    """Everything the header states, gathered by the converter."""

    tei_id: str
    document: Document
    facts: DocumentFacts
    source_name: str
    first_page: int | None
    last_page: int | None
    first_page_inferred: bool
    date: InferredDate | None


def document_url(volume_id: str, number: int) -> str:
    """Return the history.state.gov address of a document."""
    return f"{HSG_BASE}/{volume_id}/d{number}"


def _page_range(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def _title_stmt(parent: etree._Element, h: HeaderFacts) -> None:
    stmt = sub(parent, "titleStmt")
    sub(stmt, "title", h.document.title, type="document")
    volume = h.facts.volume
    if volume is not None:
        if volume.complete_title:
            sub(stmt, "title", volume.complete_title, type="complete")
        sub(stmt, "title", volume.series, type="series")
        if volume.sub_series:
            sub(stmt, "title", volume.sub_series, type="subseries")
        if volume.volume_number:
            sub(stmt, "title", volume.volume_number, type="volumenumber")
        if volume.volume_title:
            sub(stmt, "title", volume.volume_title, type="volume")
        for editor in volume.editors:
            sub(stmt, "editor", editor.name, role=editor.role)
    resp = sub(stmt, "respStmt")
    sub(resp, "resp", "Conversion of the history.state.gov page text to TEI")
    sub(resp, "name", "teikit", type="software")


def _publication_stmt(parent: etree._Element, h: HeaderFacts) -> None:
    stmt = sub(parent, "publicationStmt")
    sub(
        stmt,
        "authority",
        "Made with teikit from the Office of the Historian’s published "
        "text; not an official publication of the Department of State",
    )
    sub(stmt, "idno", h.tei_id, type="teikit")
    availability = sub(stmt, "availability", status="free")
    sub(
        availability,
        "licence",
        "The text of Foreign Relations of the United States is a "
        "work of the United States Government and is in the public domain in the United "
        "States. This encoding adds no rights of its own.",
        target=PUBLIC_DOMAIN,
    )


def _scopes(parent: etree._Element, h: HeaderFacts) -> None:
    number = h.document.number
    if number is not None:
        sub(parent, "biblScope", str(number), unit="document", n=str(number))
    if h.first_page is not None and h.last_page is not None:
        scope = sub(
            parent,
            "biblScope",
            _page_range(h.first_page, h.last_page),
            unit="page",
            from_=str(h.first_page),
            to=str(h.last_page),
        )
        if h.first_page_inferred:
            scope.set("cert", "medium")


def _source_desc(parent: etree._Element, h: HeaderFacts) -> None:
    desc = sub(parent, "sourceDesc")
    document = h.document
    volume = h.facts.volume
    if volume is None:
        # No catalog facts: a plain bibl with what the text gives (title, number, pages).
        bibl = sub(desc, "bibl", type="frus-document")
        sub(bibl, "title", document.title, level="a")
        sub(bibl, "title", "Foreign Relations of the United States", level="s")
        _scopes(bibl, h)
    else:
        struct = sub(desc, "biblStruct", type="frus-document")
        analytic = sub(struct, "analytic")
        sub(analytic, "title", document.title, level="a")
        monogr = sub(struct, "monogr")
        if volume.complete_title:
            sub(monogr, "title", volume.complete_title, level="m", type="complete")
        if volume.volume_title:
            sub(monogr, "title", volume.volume_title, level="m", type="volume")
        if not volume.complete_title and not volume.volume_title:
            sub(monogr, "title", volume.series, level="m")
        sub(monogr, "idno", volume.id, type="frus")
        for editor in volume.editors:
            sub(monogr, "editor", editor.name, role=editor.role)
        imprint = sub(monogr, "imprint")
        sub(imprint, "pubPlace", volume.place)
        sub(imprint, "publisher", volume.publisher)
        if volume.year is not None:
            sub(imprint, "date", str(volume.year), when=f"{volume.year:04d}")
        if volume.volume_number:
            sub(monogr, "biblScope", volume.volume_number, unit="volume")
        _scopes(monogr, h)
        series = sub(struct, "series")
        sub(series, "title", volume.series, level="s")
        if volume.sub_series:
            sub(series, "biblScope", volume.sub_series, unit="subseries")
        if document.number is not None:
            sub(struct, "ptr", target=document_url(volume.id, document.number))
    page_text = sub(desc, "bibl", type="page-text", subtype=STYLE_SUBTYPES[document.style])
    page_text.text = "The document as history.state.gov displays it, copied as plain text: "
    # The file's name as valid XML text: bytes that are not UTF-8 and control characters
    # are written escaped (\\xNN), as messages show them.
    name = sub(page_text, "title", escape_text(h.source_name.rsplit("/", 1)[-1]), type="file")
    name.tail = "."


def _labels(names: tuple[str, ...] | list[str]) -> str:
    return ", ".join(FACT_LABELS[n] for n in names)


def _volume_decisions(volume: VolumeFacts) -> list[str]:
    """What the header says of volume facts that no catalog gave (derived, assumed, missing)."""
    said: list[str] = []
    if volume.derived:
        values = "; ".join(f"{FACT_LABELS[n]} “{getattr(volume, n)}”" for n in volume.derived)
        said.append(f"Derived from the volume id {volume.id}, not from a catalog: {values}.")
    if volume.assumed:
        said.append(
            f"Assumed, as every printed FRUS volume has them, not given by a catalog: "
            f"{_labels(volume.assumed)} ({volume.publisher}, {volume.place})."
        )
    missing = volume.missing()
    if missing:
        said.append(f"Not known (no catalog gives them): {_labels(missing)}.")
    return said


def _encoding_desc(parent: etree._Element, h: HeaderFacts) -> None:
    desc = sub(parent, "encodingDesc")
    project = sub(desc, "projectDesc")
    sub(
        project,
        "p",
        "A TEI edition of a document from Foreign Relations of the United "
        "States, made from the text that history.state.gov displays, following the body "
        "encoding of the Office of the Historian’s own TEI where the text carries the "
        "information.",
    )
    decl = sub(desc, "editorialDecl")
    decisions = [
        "Every word of the page text is kept, in order, with its spelling, punctuation and "
        "editorial brackets as they stand; nothing is added to the text.",
        "Footnotes are placed at their markers; a note’s n is the marker the text shows "
        "(the volume’s running number, or a symbol). Markers were told from numbers in the "
        "text by the count and sequence of the listed notes.",
        "Page markers of the page text become pb elements; the page the document starts "
        "on is not marked in the text and is given in the bibliographic description.",
        "The page text drops datelines, italics, persons and glossary terms; they are not "
        "restored here.",
    ]
    if h.first_page_inferred:
        decisions.append("The first page was inferred as the page before the first page marker.")
    if h.facts.volume is not None:
        decisions.extend(_volume_decisions(h.facts.volume))
    for text in decisions:
        sub(decl, "p", text)
    desc.extend(refs_decls())  # the DTS citation trees (teikit.dts.trees)
    app_info = sub(desc, "appInfo")
    app = sub(app_info, "application", ident="teikit", version=__version__)
    sub(app, "label", "teikit")


def _profile_desc(parent: etree._Element, h: HeaderFacts) -> None:
    desc = sub(parent, "profileDesc")
    if h.date is not None:
        creation = sub(desc, "creation")
        date = sub(creation, "date", h.date.label, when=h.date.when, cert=h.date.cert)
        date.tail = h.date.how()
    usage = sub(desc, "langUsage")
    sub(usage, "language", "English", ident="en")


def write_header(root: etree._Element, h: HeaderFacts) -> etree._Element:
    """Append the ``teiHeader`` to the TEI root.

    Args:
        root: the ``<TEI>`` element.
        h: the facts to state.

    Returns:
        The ``<teiHeader>`` element.
    """
    header = sub(root, "teiHeader")
    file_desc = sub(header, "fileDesc")
    _title_stmt(file_desc, h)
    _publication_stmt(file_desc, h)
    _source_desc(file_desc, h)
    _encoding_desc(header, h)
    _profile_desc(header, h)
    return header
