"""BibTeX, RIS and CSL-JSON citations, read back by the tools that consume them.

BibTeX is parsed by pybtex (its LaTeX decoded by pylatexenc), RIS by rispy, CSL-JSON by the
json module; each must give back the facts of the TEI header, and the three must agree.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
import rispy
from bibtex_text import latex_text
from conftest import NS, REPO, TEI_DIR
from lxml import etree
from pybtex.database import parse_string

from teikit.cite import cite_paths

FIXTURES = REPO / "tests" / "fixtures" / "cite"
SEED_TEI = sorted(TEI_DIR.glob("*.xml"))
ALL_TEI = SEED_TEI + sorted(FIXTURES.glob("*.xml"))


@dataclass(frozen=True)
class Facts:
    """What a citation says, in one neutral shape (None for a fact it does not give).

    The Office of the Historian's model: the volume title is the book, the series with its
    subseries the series, the volume number on its own."""

    key: str
    title: str | None
    book: str | None
    series: str | None
    volume: str | None
    editors: tuple[tuple[str, str], ...]  # (given, family)
    publisher: str | None
    place: str | None
    year: str | None
    pages: tuple[str, ...]  # (first, last) or (only,)
    number: str | None
    url: str | None


def _latex_text(value: str | None) -> str | None:
    if value is None:
        return None
    return latex_text(value)


def _document_number(note: str | None) -> str | None:
    return re.sub(r"^Document ", "", note) if note else None


def bibtex_facts(text: str) -> list[Facts]:
    data = parse_string(text, "bibtex")
    out = []
    for key, entry in data.entries.items():
        f = entry.fields
        editors = tuple(
            (" ".join(p.first_names + p.middle_names),
             " ".join(p.prelast_names + p.last_names))
            for p in entry.persons.get("editor", []))
        pages = tuple(_latex_text(f["pages"]).split("–")) if "pages" in f else ()
        out.append(Facts(
            key=key, title=_latex_text(f.get("title")), book=_latex_text(f.get("booktitle")),
            series=_latex_text(f.get("series")), volume=_latex_text(f.get("volume")),
            editors=editors, publisher=_latex_text(f.get("publisher")),
            place=_latex_text(f.get("address")), year=f.get("year"), pages=pages,
            number=_document_number(_latex_text(f.get("note"))), url=f.get("url")))
    return out


def ris_facts(text: str) -> list[Facts]:
    out = []
    for rec in rispy.loads(text):
        editors = tuple(
            (parts[1], parts[0]) if len(parts) > 1 else ("", parts[0])
            for parts in (a.split(", ") for a in rec.get("secondary_authors", [])))
        pages = tuple(p for p in (rec.get("start_page"), rec.get("end_page")) if p)
        out.append(Facts(
            key=rec["id"], title=rec.get("title"), book=rec.get("secondary_title"),
            series=rec.get("tertiary_title"), volume=rec.get("volume"),
            editors=editors, publisher=rec.get("publisher"), place=rec.get("place_published"),
            year=rec.get("year"), pages=pages, number=_document_number(rec.get("section")),
            url=(rec.get("urls") or [None])[0]))
    return out


def csl_facts(text: str) -> list[Facts]:
    """The CSL facts; "page" holds either the pages or, since 1955–57, "Document N" alone."""
    out = []
    for item in json.loads(text):
        issued = item.get("issued", {}).get("date-parts")
        page = item.get("page", "")
        series = ", ".join(item[k] for k in ("collection-title", "collection-number") if k in item)
        out.append(Facts(
            key=item["id"], title=item.get("title"), book=item.get("container-title"),
            series=series or None, volume=item.get("volume"),
            editors=tuple((e.get("given", ""), e["family"]) for e in item.get("editor", [])),
            publisher=item.get("publisher"), place=item.get("publisher-place"),
            year=str(issued[0][0]) if issued else None,
            pages=tuple(page.split("-")) if page and not page.startswith("Document ") else (),
            number=item.get("number"), url=item.get("URL")))
    return out


def header(path: Path) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.parse(str(path), parser).getroot()


def first(root: etree._Element, xpath: str) -> str | None:
    found = root.xpath(xpath, namespaces=NS)
    if not found:
        return None
    value = found[0] if isinstance(found[0], str) else "".join(found[0].itertext())
    return " ".join(value.split())


# --- every format agrees with the others and with the header ----------------------------


@pytest.mark.parametrize("path", ALL_TEI, ids=lambda p: p.stem)
def test_bibtex_ris_and_csl_give_the_same_facts(path: Path) -> None:
    [bib] = bibtex_facts(cite_paths([path], "bibtex"))
    [ris] = ris_facts(cite_paths([path], "ris"))
    [csl] = csl_facts(cite_paths([path], "csl-json"))
    [item] = json.loads(cite_paths([path], "csl-json"))
    if item.get("page", "").startswith("Document "):  # CSL gives the location OH cites only
        assert item["page"] == f"Document {bib.number}" and csl.pages == ()
        bib, ris = replace(bib, pages=()), replace(ris, pages=())
    if bib.book is None and bib.editors == ():  # @misc: the volume as OH cites it, in one field
        common = ("key", "title", "number", "url")
        assert [getattr(bib, k) for k in common] == [getattr(ris, k) for k in common] \
            == [getattr(csl, k) for k in common]
        assert ris == csl
        return
    assert bib == ris == csl


@pytest.mark.parametrize("path", SEED_TEI, ids=lambda p: p.stem)
def test_csl_facts_are_the_header_facts(path: Path) -> None:
    root = header(path)
    sd = "tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:biblStruct"
    [facts] = csl_facts(cite_paths([path], "csl-json"))
    assert facts.key == root.get("{http://www.w3.org/XML/1998/namespace}id")
    assert facts.title == first(root, f"{sd}/tei:analytic/tei:title")
    assert facts.year == first(root, f"{sd}/tei:monogr/tei:imprint/tei:date/@when")
    assert facts.place == first(root, f"{sd}/tei:monogr/tei:imprint/tei:pubPlace")
    subseries = first(root, f"{sd}/tei:series/tei:biblScope[@unit='subseries']")
    # The location OH cites: "Document N" since the 1955–57 subseries, the pages before.
    [item] = json.loads(cite_paths([path], "csl-json"))
    number = first(root, f"{sd}//tei:biblScope[@unit='document']/@n")
    if int(subseries[:4]) >= 1955:
        assert item["page"] == f"Document {number}" and facts.pages == ()
    else:
        assert facts.pages == (first(root, f"{sd}//tei:biblScope[@unit='page']/@from"),
                               first(root, f"{sd}//tei:biblScope[@unit='page']/@to"))
    assert facts.number == number
    assert facts.url == first(root, f"{sd}/tei:ptr/@target")
    # The OH model: the volume title is the book, series and subseries the collection, the
    # volume number without the word "Volume".
    assert facts.book == first(root, f"{sd}/tei:monogr/tei:title[@type='volume']")
    assert item["collection-title"] == first(root, f"{sd}/tei:series/tei:title")
    assert item["collection-number"] == subseries
    assert f"Volume {facts.volume}" == first(root, f"{sd}/tei:monogr/tei:biblScope[@unit='volume']")
    # Editors: the primary ones in catalog order, never the general editor.
    primary = root.xpath(f"{sd}/tei:monogr/tei:editor[@role='primary']/text()", namespaces=NS)
    general = root.xpath(f"{sd}/tei:monogr/tei:editor[@role='general']/text()", namespaces=NS)
    assert primary and general
    assert [f"{g} {f}" for g, f in facts.editors] == primary
    assert not {f"{g} {f}" for g, f in facts.editors} & set(general)
    # The publisher as OH cites it, derived from the imprint.
    assert first(root, f"{sd}/tei:monogr/tei:imprint/tei:publisher") == \
        "United States Government Printing Office"
    assert facts.publisher == "Government Printing Office"


# --- BibTeX ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", SEED_TEI, ids=lambda p: p.stem)
def test_bibtex_entry_is_inbook_keyed_by_tei_id(path: Path) -> None:
    data = parse_string(cite_paths([path], "bibtex"), "bibtex")
    [(key, entry)] = data.entries.items()
    assert key == path.stem
    # @inbook: the standard styles take its editors in the author's place (@incollection
    # would need an author, which a FRUS document has not).
    assert entry.type == "inbook"
    assert "author" not in entry.persons and entry.persons["editor"]
    # "Document N" as a note (pybtex's styles would print chapter and type as "chapter N");
    # pages with the LaTeX en dash.
    assert re.fullmatch(r"Document \d+", entry.fields["note"])
    assert "chapter" not in entry.fields and "type" not in entry.fields
    assert re.fullmatch(r"\d+--\d+", entry.fields["pages"])
    # The titles are brace-protected so that styles do not lower-case them.
    for name in ("title", "booktitle"):
        assert entry.fields[name].startswith("{") and entry.fields[name].endswith("}")
    # The OH model: no field repeats another.
    assert entry.fields["series"].startswith("Foreign Relations of the United States, ")
    assert "Foreign Relations" not in entry.fields["booktitle"]
    assert "Volume" not in entry.fields["volume"]


def test_bibtex_escapes_latex_specials_and_dashes() -> None:
    path = FIXTURES / "latex-specials-and-names.xml"
    title = first(header(path), "//tei:titleStmt/tei:title[@type='document']")
    assert title is not None and set("&%$#_{}~^\\–—") <= set(title)
    text = cite_paths([path], "bibtex")
    [entry] = parse_string(text, "bibtex").entries.values()
    raw = entry.fields["title"]
    assert "–" not in raw and "—" not in raw  # written as -- and ---
    assert re.search(r"(?<!\\)[&%$#_~^]", raw) is None  # every special escaped
    assert _latex_text(raw) == title


def test_bibtex_names_keep_particles_and_suffixes() -> None:
    text = cite_paths([FIXTURES / "latex-specials-and-names.xml"], "bibtex")
    [entry] = parse_string(text, "bibtex").entries.values()
    people = [(p.first_names + p.middle_names, p.prelast_names, p.last_names, p.lineage_names)
              for p in entry.persons["editor"]]
    assert people == [(["Frank"], ["van", "der"], ["Linden"], []),
                      (["John", "Q."], [], ["Smith"], ["Jr."]),
                      ([], [], ["Cher"], [])]


def test_bibtex_without_catalog_is_a_misc_entry() -> None:
    for name in ("no-catalog-bibl.xml", "no-catalog-biblstruct.xml", "bare-header.xml"):
        [entry] = parse_string(cite_paths([FIXTURES / name], "bibtex"), "bibtex").entries.values()
        assert entry.type == "misc"
        assert "booktitle" not in entry.fields and "publisher" not in entry.fields


def test_bibtex_of_several_files_parses_with_unique_keys() -> None:
    data = parse_string(cite_paths(SEED_TEI, "bibtex"), "bibtex")
    assert list(data.entries) == [p.stem for p in SEED_TEI]


# --- RIS ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", SEED_TEI, ids=lambda p: p.stem)
def test_ris_record_is_a_book_section(path: Path) -> None:
    text = cite_paths([path], "ris")
    [rec] = rispy.loads(text)
    assert rec["type_of_reference"] == "CHAP"
    # The OH model: T2 the volume title, T3 the series with its subseries, VL the number.
    assert rec["tertiary_title"].startswith("Foreign Relations of the United States, ")
    assert "Foreign Relations" not in rec["secondary_title"]
    assert "Volume" not in rec["volume"]
    # One tag per line, "XX  - value"; the record ends with ER and an empty line.
    lines = text.split("\n")
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines if line)
    assert text.endswith("ER  - \n\n")


def test_ris_of_several_files_holds_one_record_each() -> None:
    records = rispy.loads(cite_paths(SEED_TEI, "ris"))
    assert [r["id"] for r in records] == [p.stem for p in SEED_TEI]


def test_ris_without_catalog_is_generic() -> None:
    [rec] = rispy.loads(cite_paths([FIXTURES / "no-catalog-biblstruct.xml"], "ris"))
    assert rec["type_of_reference"] == "GEN"
    assert rec["tertiary_title"] == "Foreign Relations of the United States"
    assert "secondary_title" not in rec and "publisher" not in rec
    assert rec["section"] == "Document 352"


# --- CSL-JSON ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", SEED_TEI, ids=lambda p: p.stem)
def test_csl_item_shape(path: Path) -> None:
    [item] = json.loads(cite_paths([path], "csl-json"))
    assert item["type"] == "chapter"
    assert item["collection-title"] == "Foreign Relations of the United States"
    assert re.fullmatch(r"\d{4}–\d{4}", item["collection-number"])
    assert "Foreign Relations" not in item["container-title"]
    assert re.fullmatch(r"[IVXLC]+(, Part \d+)?", item["volume"])
    assert re.fullmatch(r"Document \d+|\d+-\d+", item["page"])
    assert isinstance(item["issued"]["date-parts"][0][0], int)
    assert all(set(e) <= {"family", "given", "suffix"} for e in item["editor"])


def test_csl_of_several_files_is_one_array() -> None:
    items = json.loads(cite_paths(SEED_TEI, "csl-json"))
    assert [i["id"] for i in items] == [p.stem for p in SEED_TEI]


def test_csl_splits_names_at_the_family_name() -> None:
    [seed] = json.loads(cite_paths([TEI_DIR / "frus1958-60v19-d352.xml"], "csl-json"))
    assert seed["editor"] == [{"family": "Schwar", "given": "Harriet Dashiell"}]
    [made_up] = json.loads(cite_paths([FIXTURES / "latex-specials-and-names.xml"], "csl-json"))
    assert made_up["editor"] == [
        {"family": "van der Linden", "given": "Frank"},
        {"family": "Smith", "given": "John Q.", "suffix": "Jr.", "comma-suffix": True},
        {"family": "Cher"}]


@pytest.mark.parametrize("name", ["no-catalog-bibl.xml", "no-catalog-biblstruct.xml"])
def test_csl_without_catalog_is_a_chapter_of_the_series(name: str) -> None:
    """A chapter, so that Chicago styles still give "Document N"; no volume facts."""
    [item] = json.loads(cite_paths([FIXTURES / name], "csl-json"))
    assert item["type"] == "chapter"
    assert item["title"] and item["page"] == "Document 352"
    assert item["collection-title"] == "Foreign Relations of the United States"
    assert not {"container-title", "editor", "publisher", "issued", "URL", "volume"} & set(item)


def test_csl_of_a_bare_header_is_a_document() -> None:
    [item] = json.loads(cite_paths([FIXTURES / "bare-header.xml"], "csl-json"))
    assert item["type"] == "document" and set(item) == {"id", "type", "title"}


def test_derived_volume_facts_are_cited() -> None:
    """A header whose volume facts were derived from the volume id alone (issue 9): the
    subseries and the volume number are cited; nothing is invented for the rest."""
    path = FIXTURES / "derived-volume-facts.xml"
    note = cite_paths([path], "chicago")
    assert note == ("“Memorandum of a Conversation About a Test Fixture,” in Foreign Relations of "
                    "the United States, 1961–1963, Volume V, Document 12, "
                    "https://history.state.gov/historicaldocuments/frus1961-63v05/d12.\n")
    [item] = json.loads(cite_paths([path], "csl-json"))
    assert (item["collection-number"], item["volume"], item["page"]) == \
        ("1961–1963", "V", "Document 12")
    [entry] = parse_string(cite_paths([path], "bibtex"), "bibtex").entries.values()
    assert entry.type == "misc"  # no editors, publisher or year: not a complete @inbook
    assert _latex_text(entry.fields["howpublished"]) == \
        "Foreign Relations of the United States, 1961–1963, Volume V"
    [rec] = rispy.loads(cite_paths([path], "ris"))
    assert (rec["tertiary_title"], rec["volume"]) == \
        ("Foreign Relations of the United States, 1961–1963", "V")
