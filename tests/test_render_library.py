"""teikit.render: what render_paths writes, how it reports bad inputs, and page contents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import NS, REPO, TEI_DIR
from lxml import etree, html

from teikit.render import (
    CSS_NAME,
    INDEX_NAME,
    UNREADABLE_CODES,
    RenderError,
    read_tei,
    render_document,
    render_paths,
)

FIXTURES = REPO / "tests" / "fixtures" / "render"
FIXTURE = FIXTURES / "all-body-features.xml"


def seeds() -> list[Path]:
    found = sorted(TEI_DIR.glob("*.xml"))
    if len(found) != 5:
        pytest.fail("tei/ should hold the five seed documents (teikit convert seeds/*.txt -o tei/)")
    return found


def test_html_writes_pages_and_everything_they_link_to(tmp_path: Path) -> None:
    report = render_paths([TEI_DIR], "html", tmp_path)
    assert report.ok, report.errors
    ids = [p.stem for p in seeds()]
    for doc_id in ids:
        for suffix in (".html", ".xml", ".bib", ".ris", ".json"):
            assert (tmp_path / f"{doc_id}{suffix}").is_file(), doc_id + suffix
        page = html.parse(str(tmp_path / f"{doc_id}.html")).getroot()
        for link in page.xpath("//a/@href | //link/@href"):
            if link.startswith(("#", "https://history.state.gov/", "https://creativecommons")):
                continue
            assert (tmp_path / link).is_file(), f"{doc_id}: {link} is not beside the page"
    assert (tmp_path / CSS_NAME).read_bytes() == (REPO / "xslt" / CSS_NAME).read_bytes()
    index = html.parse(str(tmp_path / INDEX_NAME)).getroot()
    assert sorted(index.xpath("//main//a/@href")) == sorted(f"{i}.html" for i in ids)
    assert set(report.rendered) == set(ids)


def test_text_and_page_text_write_one_file_each(tmp_path: Path) -> None:
    for output, suffix in (("text", ".text.txt"), ("page-text", ".page.txt")):
        report = render_paths(seeds(), output, tmp_path / output)
        assert report.ok
        assert sorted(p.name for p in (tmp_path / output).iterdir()) == \
            sorted(p.stem + suffix for p in seeds())


def test_bad_inputs_are_reported_and_the_rest_rendered(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><unclosed></TEI>")
    other = tmp_path / "other.xml"
    other.write_text("<html/>")
    empty = tmp_path / "empty"
    empty.mkdir()
    report = render_paths([broken, tmp_path / "missing.xml", other, empty, FIXTURE],
                          "text", tmp_path / "out")
    codes = sorted(p.code for p in report.errors)
    assert codes == ["empty-folder", "missing", "not-tei", "not-xml"]
    assert {p.code for p in report.errors} <= UNREADABLE_CODES
    assert list(report.rendered) == ["all-body-features"]
    assert not report.ok


def test_two_inputs_with_one_id_are_refused(tmp_path: Path) -> None:
    copy = tmp_path / "copy.xml"
    copy.write_bytes(FIXTURE.read_bytes())
    report = render_paths([FIXTURE, copy], "text", tmp_path / "out")
    assert [p.code for p in report.errors] == ["duplicate-id"]


def test_unknown_output_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="unknown output"):
        render_paths([FIXTURE], "pdf", tmp_path)


def test_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    evil = tmp_path / "evil.xml"
    evil.write_text(FIXTURE.read_text(encoding="utf-8").replace(
        "<?xml version='1.0' encoding='UTF-8'?>",
        f'<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY x SYSTEM "{secret.as_uri()}">]>').replace(
        "<p>724.", "<p>&x;724."))
    report = render_paths([evil], "text", tmp_path / "out")
    # Refused by the one safe reader (teikit.xmlsafe) before parsing, as validate does.
    assert [p.code for p in report.errors] == ["unsafe-xml"]
    assert "entity 'x'" in report.errors[0].message
    assert not report.written


def _page(path: Path) -> etree._Element:
    return html.fromstring(render_document(read_tei(path), "html").encode("utf-8"))


def test_citation_meta_tags_carry_the_header_facts() -> None:
    page = _page(TEI_DIR / "frus1958-60v19-d352.xml")
    meta: dict[str, list[str]] = {}
    for m in page.xpath("//head/meta[starts-with(@name, 'citation_')]"):
        meta.setdefault(m.get("name"), []).append(m.get("content"))
    assert meta["citation_title"] == [
        "Telegram From the Embassy in the Soviet Union to the Department of State"]
    assert meta["citation_book_title"] == ["China"]  # the Office's model; see test_cite_meta.py
    assert meta["citation_editor"] == ["Harriet Dashiell Schwar"]  # never the general editor
    assert meta["citation_firstpage"] == ["721"] and meta["citation_lastpage"] == ["723"]
    assert meta["citation_publication_date"] == ["1996"]
    assert meta["citation_public_url"] == [
        "https://history.state.gov/historicaldocuments/frus1958-60v19/d352"]


def test_every_note_and_page_break_of_the_tei_is_on_the_page() -> None:
    for path in [*seeds(), FIXTURE]:
        tei = etree.parse(str(path))
        page = _page(path)
        note_ids = tei.xpath("//tei:text//tei:note[not(@rend = 'inline')]/@xml:id", namespaces=NS)
        assert page.xpath("//section[@id='notes']/ol/li/@id") == note_ids
        assert page.xpath("//sup[@class='fnref']/a/@href") == ["#" + i for i in note_ids]
        pb_ids = tei.xpath("//tei:text//tei:pb/@xml:id", namespaces=NS)
        assert page.xpath("//a[@class='pb']/@id") == pb_ids


def test_page_loads_nothing_from_elsewhere() -> None:
    page = _page(TEI_DIR / "frus1952-54v14p1-d50.xml")
    # Rendered alone, the one script (the notes' popups) is copied into the page, never fetched.
    assert not page.xpath("//script[@src] | //img | //iframe | //link[@rel='preload']")
    (script,) = page.xpath("//script")
    notes_js = (REPO / "xslt" / "teikit-notes.js").read_text(encoding="utf-8")
    assert script.text.strip() == notes_js.strip()
    for href in page.xpath("//link/@href"):
        assert "://" not in href
    css = (REPO / "xslt" / CSS_NAME).read_text(encoding="utf-8")
    assert "@import" not in css and "url(" not in css
    assert "@media print" in css


def test_in_an_edition_the_page_links_the_one_copy_of_the_script() -> None:
    root = read_tei(TEI_DIR / "frus1952-54v14p1-d50.xml")
    linked_text = render_document(root, "html", {"notes-script-href": "teikit-notes.js"})
    (script,) = html.fromstring(linked_text).xpath("//script")
    assert script.get("src") == "teikit-notes.js" and script.get("defer") is not None
    assert not (script.text or "").strip()
    alone_text = render_document(root, "html")
    notes_js = (REPO / "xslt" / "teikit-notes.js").read_text(encoding="utf-8")
    # The linked page is lighter by the script, and only by it (give or take the tag).
    assert abs(len(alone_text) - len(linked_text) - len(notes_js)) < 100
    assert alone_text.replace(notes_js.strip(), "").count("<script") == 1


def test_reading_text_keeps_the_markers_of_the_page() -> None:
    # The notes keep the markers the page prints, symbols too (issue 10), in order.
    text = render_document(read_tei(TEI_DIR / "frus1952-54v14p1-d50.xml"), "text")
    body, notes = text.split("\nNotes\n-----\n")
    markers = ["1", "2", "*", "†", "‡", "3", "§"]
    assert re.findall(r"\[([\d*†‡§]+)\]", body) == markers
    assert re.findall(r"^\[([\d*†‡§]+)\] ", notes, flags=re.M) == markers
    assert "[Page 98]" in body and "[Page 103]" in body
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_page_text_follows_the_recorded_style() -> None:
    style_a = render_document(read_tei(TEI_DIR / "frus1958-60v19-d352.xml"), "page-text")
    style_b = render_document(read_tei(TEI_DIR / "frus1958-60v19-d300.xml"), "page-text")
    assert "\n\n" not in style_a and style_a.rstrip().endswith("↩")
    assert "\n\n" in style_b and "\n  1. Source:" in style_b
    forced = render_document(read_tei(TEI_DIR / "frus1958-60v19-d352.xml"), "page-text",
                             {"style": "B"})
    assert "\n\n" in forced and "↩" not in forced


def test_html_of_tei_without_a_volume_has_an_index(tmp_path: Path) -> None:
    from teikit.convert import convert_many

    pages = []
    for seed in sorted((REPO / "seeds").glob("*.txt"))[:2]:  # without their catalog
        pages.append(tmp_path / seed.name)
        pages[-1].write_bytes(seed.read_bytes())
    batch = convert_many(pages, output_dir=tmp_path / "tei")
    assert not batch.errors and all(r.tei_id.startswith("frus-d") for r in batch.results)
    report = render_paths([tmp_path / "tei"], "html", tmp_path / "site")
    assert report.ok, report.errors
    index = html.parse(str(tmp_path / "site" / INDEX_NAME)).getroot()
    links = set(index.xpath("//main//a/@href"))
    assert {f"{r.tei_id}.html" for r in batch.results} <= links
