"""The Chicago citation in the Office of the Historian's form for FRUS, and the shared
functions of xslt/citation.xsl (name splitting, publisher, subseries, HTML form).

OH (history.state.gov/historicaldocuments/citing-frus): series, subseries, volume number,
volume title, editors without the general editor, (Washington: Government Printing Office,
year), then "Document N" for volumes since the 1955–57 subseries (page numbers before),
then the URL.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import NS, REPO, TEI_DIR
from lxml import etree

from teikit.cite import cite_paths
from teikit.resources import data_dir
from teikit.transform import _saxon

FIXTURES = REPO / "tests" / "fixtures" / "cite"
SEED_TEI = sorted(TEI_DIR.glob("*.xml"))
SD = "tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:biblStruct"


def header_value(path: Path, xpath: str) -> str:
    root = etree.parse(str(path)).getroot()
    [value] = root.xpath(xpath, namespaces=NS)
    return " ".join(str(value).split())


def run_xslt(body: str) -> str:
    """Run an initial template ``body`` in a stylesheet importing common.xsl and citation.xsl."""
    xslt = data_dir("xslt")
    stylesheet = f"""<xsl:stylesheet version="3.0"
        xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
        xmlns:xs="http://www.w3.org/2001/XMLSchema"
        xmlns:tk="https://teikit.example/ns/functions" exclude-result-prefixes="#all">
      <xsl:import href="{(xslt / 'common.xsl').as_uri()}"/>
      <xsl:import href="{(xslt / 'citation.xsl').as_uri()}"/>
      <xsl:output method="text"/>
      <xsl:template name="xsl:initial-template">{body}</xsl:template>
    </xsl:stylesheet>"""
    executable = _saxon().new_xslt30_processor().compile_stylesheet(stylesheet_text=stylesheet)
    return executable.call_template_returning_string(None)


# --- the OH form, checked against the header of each seed --------------------------------


@pytest.mark.parametrize("path", SEED_TEI, ids=lambda p: p.stem)
def test_note_cites_document_number_from_1955_and_pages_before(path: Path) -> None:
    subseries = header_value(path, f"{SD}/tei:series/tei:biblScope[@unit='subseries']/text()")
    number = header_value(path, f"{SD}//tei:biblScope[@unit='document']/@n")
    first_page = header_value(path, f"{SD}//tei:biblScope[@unit='page']/@from")
    last_page = header_value(path, f"{SD}//tei:biblScope[@unit='page']/@to")
    url = header_value(path, f"{SD}/tei:ptr/@target")
    note = cite_paths([path], "chicago")
    bibliography = cite_paths([path], "chicago", form="bibliography")
    locator = (f"Document {number}" if int(subseries[:4]) >= 1955
               else f"{first_page}–{last_page}")
    assert note.endswith(f"), {locator}, {url}.\n")
    assert bibliography.count(f", {locator}. ") == 1
    assert bibliography.endswith(f". {url}.\n")
    # The other locator is not given.
    other = f"Document {number}" if locator[0].isdigit() else f"{first_page}–{last_page}"
    assert other not in note and other not in bibliography


@pytest.mark.parametrize("path", SEED_TEI, ids=lambda p: p.stem)
def test_note_follows_oh_order_and_names_primary_editors_only(path: Path) -> None:
    def h(xpath: str) -> str:
        return header_value(path, xpath)

    title = h(f"{SD}/tei:analytic/tei:title/text()")
    container = ", ".join([
        h(f"{SD}/tei:series/tei:title/text()"),
        h(f"{SD}/tei:series/tei:biblScope[@unit='subseries']/text()"),
        h(f"{SD}/tei:monogr/tei:biblScope[@unit='volume']/text()"),
        h(f"{SD}/tei:monogr/tei:title[@type='volume']/text()")])
    root = etree.parse(str(path)).getroot()
    primary = root.xpath(f"{SD}/tei:monogr/tei:editor[@role='primary']/text()", namespaces=NS)
    general = root.xpath(f"{SD}/tei:monogr/tei:editor[@role='general']/text()", namespaces=NS)
    year = h(f"{SD}/tei:monogr/tei:imprint/tei:date/@when")
    names = (primary[0] if len(primary) == 1 else
             " and ".join(primary) if len(primary) == 2 else
             ", ".join(primary[:-1]) + ", and " + primary[-1])
    label = "ed." if len(primary) == 1 else "eds."
    note = cite_paths([path], "chicago")
    assert note.startswith(
        f"“{title},” in {container}, {label} {names} "
        f"(Washington: Government Printing Office, {year}), ")
    bibliography = cite_paths([path], "chicago", form="bibliography")
    assert bibliography.startswith(f"“{title}.” In {container}, edited by {names}, ")
    assert f". Washington: Government Printing Office, {year}. " in bibliography
    for name in general:
        assert name not in note and name not in bibliography


def test_nested_quotation_marks_become_single() -> None:
    note = cite_paths([FIXTURES / "latex-specials-and-names.xml"], "chicago")
    assert note.startswith("“Memo: ") and "‘quoted’" in note and "“quoted”" not in note


def test_several_files_give_one_line_each_in_order() -> None:
    text = cite_paths(SEED_TEI, "chicago", form="bibliography")
    lines = text.splitlines()
    assert len(lines) == len(SEED_TEI)
    for line, path in zip(lines, SEED_TEI, strict=True):
        assert line == cite_paths([path], "chicago", form="bibliography").rstrip("\n")


@pytest.mark.parametrize("name", ["no-catalog-bibl.xml", "no-catalog-biblstruct.xml"])
@pytest.mark.parametrize("form", ["note", "bibliography"])
def test_without_catalog_cites_title_series_and_number(name: str, form: str) -> None:
    text = cite_paths([FIXTURES / name], "chicago", form=form)
    assert text.startswith("“Telegram From the Embassy in the Soviet Union")
    assert "Foreign Relations of the United States, Document 352." in text
    assert "[" not in text  # no placeholder such as "[volume not given]"
    assert "Washington" not in text and "ed." not in text


def test_header_with_only_a_title_cites_the_title() -> None:
    for form in ("note", "bibliography"):
        text = cite_paths([FIXTURES / "bare-header.xml"], "chicago", form=form)
        assert text == "“Memorandum of Conversation.”\n"


def test_converter_output_without_catalog_cites_in_every_format(tmp_path: Path) -> None:
    """The converter's own catalog-less TEI (seed 000 copied away from the catalog)."""
    seed = REPO / "seeds" / "000_3a03024524f4be47.txt"
    page = tmp_path / seed.name
    page.write_bytes(seed.read_bytes())
    done = subprocess.run([sys.executable, "-m", "teikit.cli", "convert", str(page), "-o",
                           str(tmp_path / "tei")], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    [tei] = (tmp_path / "tei").glob("*.xml")
    for fmt in ("chicago", "bibtex", "ris", "csl-json"):
        text = cite_paths([tei], fmt)
        assert "Telegram From the Embassy" in text
        assert "not given" not in text
    [item] = json.loads(cite_paths([tei], "csl-json"))
    assert item["number"] == "352"


# --- the shared functions of citation.xsl ------------------------------------------------


@pytest.mark.parametrize(("name", "parts"), [
    ("Harriet Dashiell Schwar", {"given": "Harriet Dashiell", "family": "Schwar", "suffix": ""}),
    ("  Glenn  W. LaFantasie ", {"given": "Glenn W.", "family": "LaFantasie", "suffix": ""}),
    ("Frank van der Linden", {"given": "Frank", "family": "van der Linden", "suffix": ""}),
    ("John Q. Smith, Jr.", {"given": "John Q.", "family": "Smith", "suffix": "Jr."}),
    ("Paul Claussen III", {"given": "Paul", "family": "Claussen", "suffix": "III"}),
    ("Cher", {"given": "", "family": "Cher", "suffix": ""}),
])
def test_name_parts(name: str, parts: dict[str, str]) -> None:
    result = run_xslt(
        f"<xsl:value-of select=\"serialize(tk:name-parts('{name}'), map{{'method': 'json'}})\"/>")
    assert json.loads(result) == parts


@pytest.mark.parametrize(("imprint", "cited"), [
    ("United States Government Printing Office", "Government Printing Office"),
    ("U.S. Government Printing Office", "Government Printing Office"),
    ("The United States Government Printing Office", "Government Printing Office"),
    ("Government Printing Office", "Government Printing Office"),
    ("United States Government Publishing Office", "Government Publishing Office"),
    ("[volume not given]", ""),
])
def test_short_publisher(imprint: str, cited: str) -> None:
    assert run_xslt(f"<xsl:value-of select=\"tk:short-publisher('{imprint}')\"/>") == cited


@pytest.mark.parametrize(("subseries", "volume_id", "start"), [
    ("1958–1960", "frus1958-60v19", "1958"),
    ("1952–1954", "frus1952-54v08", "1952"),
    ("", "frus1955-57v02", "1955"),
    ("", "", ""),
])
def test_subseries_start_year(subseries: str, volume_id: str, start: str) -> None:
    series = (f"<series><biblScope unit='subseries'>{subseries}</biblScope></series>"
              if subseries else "")
    idno = f"<idno type='frus'>{volume_id}</idno>" if volume_id else ""
    body = f"""<xsl:variable name="d"><TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>
      <fileDesc><sourceDesc><biblStruct><monogr>{idno}</monogr>{series}</biblStruct>
      </sourceDesc></fileDesc></teiHeader></TEI></xsl:variable>
      <xsl:value-of select="tk:subseries-start($d)"/>"""
    assert run_xslt(body) == start


@pytest.mark.parametrize("path", SEED_TEI[:1] + SEED_TEI[-1:], ids=lambda p: p.stem)
def test_chicago_html_marks_series_and_link_and_reads_as_the_text(path: Path) -> None:
    body = f"""<xsl:variable name="html"><p><xsl:sequence
        select="tk:chicago-html(doc('{path.as_uri()}'), 'note')"/></p></xsl:variable>
      <xsl:value-of select="serialize($html)"/>"""
    html = etree.fromstring(run_xslt(body))
    assert [i.text for i in html.iter("i")] == ["Foreign Relations of the United States"]
    [link] = html.iter("a")
    assert link.get("href") == link.text and link.text.startswith("https://history.state.gov/")
    assert "".join(html.itertext()) + "\n" == cite_paths([path], "chicago")


def test_unknown_form_is_refused() -> None:
    from teikit.cite import CiteError

    with pytest.raises(CiteError, match="unknown Chicago form"):
        cite_paths(SEED_TEI[:1], "chicago", form="footnote")
    with pytest.raises(CiteError, match="unknown citation format"):
        cite_paths(SEED_TEI[:1], "mla")


def test_chicago_stylesheet_rejects_an_unknown_form_itself() -> None:
    from teikit.transform import TransformError, transform

    with pytest.raises(TransformError, match=re.escape("unknown Chicago form")):
        transform(SEED_TEI[0], "chicago", {"form": "footnote"})
