"""The citation_* meta tags of the HTML page agree with the visible citation.

They follow what Zotero's Embedded Metadata translator reads (citation_book_title makes the
item a book section; citation_series_title, citation_volume, citation_publisher,
citation_publication_date, citation_firstpage/lastpage, citation_public_url) and what Google
Scholar reads (citation_inbook_title for the book of a chapter), in the Office of the
Historian's model as the CSL-JSON; the editors are the ones the citation names, never the
general editor; the document's own date is dcterms.created, not citation_date (Zotero lets
citation_date override the publication date).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import NS, REPO, TEI_DIR
from lxml import etree, html

from teikit.cite import cite_paths
from teikit.render import render_document
from teikit.teifile import read_tei

FIXTURES = REPO / "tests" / "fixtures" / "cite"
SEED_TEI = sorted(TEI_DIR.glob("*.xml"))


def meta_of(path: Path) -> dict[str, list[str]]:
    page = html.fromstring(render_document(read_tei(path), "html").encode("utf-8"))
    meta: dict[str, list[str]] = {}
    for m in page.xpath("//head/meta[@name]"):
        meta.setdefault(m.get("name"), []).append(m.get("content"))
    return meta


@pytest.mark.parametrize("path", SEED_TEI, ids=lambda p: p.stem)
def test_meta_tags_agree_with_the_citation(path: Path) -> None:
    meta = meta_of(path)
    [item] = json.loads(cite_paths([path], "csl-json"))
    note = cite_paths([path], "chicago")
    assert meta["citation_title"] == [item["title"]]
    assert meta["citation_book_title"] == meta["citation_inbook_title"] == \
        [item["container-title"]]
    assert meta["citation_series_title"] == [
        f"{item['collection-title']}, {item['collection-number']}"]
    assert meta["citation_volume"] == [item["volume"]]
    assert meta["citation_publisher"] == [item["publisher"]]
    assert meta["citation_publication_date"] == [str(item["issued"]["date-parts"][0][0])]
    assert meta["citation_public_url"] == [item["URL"]]
    # The editors of the visible citation, in its order; the general editor is not one.
    editors = [f"{e['given']} {e['family']}" for e in item["editor"]]
    assert meta["citation_editor"] == editors
    for name in editors:
        assert name in note
    root = etree.parse(str(path)).getroot()
    general = root.xpath("//tei:monogr/tei:editor[@role='general']/text()", namespaces=NS)
    assert general and not set(general) & set(meta["citation_editor"])
    # No citation_date: Zotero would take it for the publication date.
    assert "citation_date" not in meta


def test_document_date_is_dcterms_created() -> None:
    path = TEI_DIR / "frus1952-54v08-d632.xml"
    when = etree.parse(str(path)).getroot().xpath(
        "//tei:profileDesc/tei:creation/tei:date/@when", namespaces=NS)
    assert when == ["1954-11-23"]
    assert meta_of(path)["dcterms.created"] == when


def test_without_catalog_only_the_known_facts_are_tagged() -> None:
    meta = meta_of(FIXTURES / "no-catalog-biblstruct.xml")
    assert meta["citation_series_title"] == ["Foreign Relations of the United States"]
    for name in ("citation_book_title", "citation_editor", "citation_publisher",
                 "citation_publication_date", "citation_volume"):
        assert name not in meta
